// `patrolmap evaluate` as a user meets it: the --json keys on the sample, and bad flags exiting 2
// with a message that names the flag. Runs build/bin/patrolmap.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string sample_path() { return (test::source_dir() / "data/jiangnan.gpkg").string(); }

}  // namespace

TEST_CASE("evaluate --json prints the kde and naive figures") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::binary("patrolmap")), "build the patrolmap target first");
    const auto r = test::run_patrolmap({"evaluate", sample_path(), "--train-until", "2021-06-01", "--horizon", "30d",
                                        "--radius", "200", "--json"});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    for (const char* forecast : {"kde", "naive"}) {
        CAPTURE(forecast);
        REQUIRE(j[forecast].size() == 6);
        for (const char* key : {"pai_5", "pai_10", "hit_5", "hit_10", "pei_5", "pei_10"}) {
            CAPTURE(key);
            REQUIRE(j[forecast][key].is_number());
            CHECK(j[forecast][key].get<double>() >= 0);
        }
        // PAI = hit rate / area share.
        CHECK(j[forecast]["pai_5"].get<double>() == doctest::Approx(j[forecast]["hit_5"].get<double>() / 0.05));
    }
    CHECK(j["test_incidents"] == 151);  // June 2021
    const auto table = test::run_patrolmap({"evaluate", sample_path(), "--train-until", "2021-06-01"});
    REQUIRE(table.exit_code == 0);
    CHECK(contains(table.out, "PAI"));
    CHECK(contains(table.out, "(default rule)"));
}

TEST_CASE("bad evaluate flags exit 2 naming the flag") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::binary("patrolmap")), "build the patrolmap target first");
    const std::string ws = sample_path();
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"evaluate", ws, "--train-until", "2021-06-01", "--horizon", "30"}, "--horizon"},
        {{"evaluate", ws, "--train-until", "June"}, "--train-until"},
        {{"evaluate", ws, "--train-until", "2021-06-01", "--kernel", "box"}, "--kernel"},
        {{"evaluate", ws, "--train-until", "2021-06-01", "--cell", "-5"}, "--cell"},
        {{"evaluate", ws, "--train-until", "2021-06-01", "--radius", "0"}, "--radius"},
        {{"evaluate", ws, "--train-until", "2021-06-01", "--half-life", "-2"}, "--half-life"},
        {{"evaluate", ws, "--train-until", "2021-06-01", "--where", "CATEGORY=BURGLARY"}, "--where"},
        {{"evaluate", ws, "--train-until", "2021-06-01", "--type", "cats"}, "--type"},
        {{"evaluate", ws, "--train-until", "2031-06-01"}, "--train-until"},
    };
    for (const auto& [args, flag] : cases) {
        CAPTURE(flag);
        const auto r = test::run_patrolmap(args);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(contains(r.err, flag), r.err);
    }
}
