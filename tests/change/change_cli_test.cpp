// `patrolmap change` as a user meets it: the sample's May and June figures in the table, weekly
// JSON, and bad flags exiting 2 with a message that names the flag. Runs build/bin/patrolmap.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string sample_path() { return (test::source_dir() / "data/jiangnan.gpkg").string(); }

}  // namespace

TEST_CASE("change prints the sample's May and June figures") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::binary("patrolmap")), "build the patrolmap target first");
    const auto r = test::run_patrolmap({"change", sample_path()});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "2021-05        243    -6.5%"));
    CHECK(contains(r.out, "2021-06        151   -37.9%"));
    const auto weekly = test::run_patrolmap({"change", sample_path(), "--step", "week", "--by-neighbourhood", "--json"});
    REQUIRE(weekly.exit_code == 0);
    const auto j = nlohmann::json::parse(weekly.out);
    CHECK(j["step"] == "week");
    CHECK(j["district"].size() == 53);
    CHECK(j["neighbourhoods"].size() == 36);
    CHECK(j["district"][0]["incidents_change_pct"].is_null());
}

TEST_CASE("bad change flags exit 2 naming the flag") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::binary("patrolmap")), "build the patrolmap target first");
    const std::string ws = sample_path();
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"change", ws, "--step", "day"}, "--step"},
        {{"change", ws, "--type", "cats"}, "--type"},
        {{"change", ws, "--from", "2021-02-30"}, "--from"},
        {{"change", ws, "--where", "CATEGORY=X"}, "--where"},
    };
    for (const auto& [args, flag] : cases) {
        CAPTURE(flag);
        const auto r = test::run_patrolmap(args);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(contains(r.err, flag), r.err);
    }
}
