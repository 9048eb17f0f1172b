// The early warnings layer as a user meets it: imported like any layer, checked the same way
// (a bad value stops the import naming file, feature and field, nothing written), exported, and
// stripped of the sum and the officer for the public.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

using test::run_patrolmap;

namespace {
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string warnings_geojson() {
    return test::point_collection({
        {"\"id\": \"W1\", \"time\": \"2021-06-15T10:20\", \"channel\": \"bank\", \"site_id\": \"S03\", \"neighbourhood_id\": \"NB-A\", "
         "\"outcome\": \"payment_stopped\", \"amount_protected_yuan\": 38000, \"officer_id\": \"P01\", \"teller\": \"王\""},
        {"\"id\": \"W2\", \"time\": \"2021-06-16\", \"channel\": \"phone_call\", \"neighbourhood_id\": \"NB-B\", \"outcome\": \"dissuaded\"",
         120.035, 28.895},
        {"\"id\": \"W3\", \"time\": \"2021-06-17T21:05+08:00\", \"channel\": \"door_visit\", \"outcome\": \"dissuaded\", "
         "\"amount_protected_yuan\": 5000"},
    });
}

}  // namespace

TEST_CASE("warnings import with their fields, a bad channel stops the import and writes nothing") {
    test::ScratchDir dir;
    const std::string ws = test::workspace_with_neighbourhoods(dir).string();
    test::write_text(dir / "warnings.geojson", warnings_geojson());
    auto r = run_patrolmap({"import", ws, "--layer", "warnings", (dir / "warnings.geojson").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.err, "imported 3 warnings"));
    const geo::District d = geo::read_district(ws);
    REQUIRE(d.warnings.size() == 3);
    const geo::Warning& w1 = d.warnings[0];
    CHECK(w1.channel == geo::WarningChannel::bank);
    CHECK(w1.outcome == geo::WarningOutcome::payment_stopped);
    CHECK(w1.amount_protected_yuan == doctest::Approx(38000));
    CHECK(w1.site_id == "S03");
    CHECK(w1.officer_id == "P01");
    CHECK(std::get<std::string>(w1.extras.at("teller")) == "王");
    REQUIRE(w1.location.has_value());
    CHECK(d.warnings[1].channel == geo::WarningChannel::phone_call);
    CHECK(d.warnings[2].time == d.warnings[0].time + std::chrono::hours(24 * 2 + 10) + std::chrono::minutes(45));

    const std::string before = test::read_text(ws);
    test::write_text(dir / "bad.geojson",
                     test::point_collection({{"\"id\": \"W9\", \"time\": \"2021-06-18\", \"channel\": \"carrier_pigeon\""}}));
    r = run_patrolmap({"import", ws, "--layer", "warnings", (dir / "bad.geojson").string(), "--quiet"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "bad.geojson feature W9: field channel 'carrier_pigeon'"));
    CHECK(contains(r.err, "phone_call"));  // the message lists the allowed values
    test::write_text(dir / "huge.geojson",
                     test::point_collection({{"\"id\": \"W8\", \"time\": \"2021-06-18\", \"amount_protected_yuan\": 1e15"}}));
    r = run_patrolmap({"import", ws, "--layer", "warnings", (dir / "huge.geojson").string(), "--quiet"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "huge.geojson feature W8: field amount_protected_yuan"));
    CHECK(test::read_text(ws) == before);
}

TEST_CASE("a public export of warnings keeps when, how and what came of it, never the sum, the officer or the spot") {
    test::ScratchDir dir;
    const std::string ws = test::workspace_with_neighbourhoods(dir).string();
    test::write_text(dir / "warnings.geojson", warnings_geojson());
    REQUIRE(run_patrolmap({"import", ws, "--layer", "warnings", (dir / "warnings.geojson").string()}).exit_code == 0);
    const std::string internal = (dir / "internal.geojson").string(), open = (dir / "public.geojson").string();
    REQUIRE(run_patrolmap({"export", ws, "--layer", "warnings", internal}).exit_code == 0);
    REQUIRE(run_patrolmap({"export", ws, "--layer", "warnings", open, "--public"}).exit_code == 0);
    const auto in = nlohmann::json::parse(test::read_text(internal));
    const auto out = nlohmann::json::parse(test::read_text(open));
    REQUIRE(in["features"].size() == 3);
    REQUIRE(out["features"].size() == 3);
    CHECK(in["features"][0]["properties"]["amount_protected_yuan"] == 38000);
    for (const auto& f : out["features"]) {
        const auto& p = f["properties"];
        CHECK(p.contains("channel"));
        CHECK(p.contains("outcome"));
        for (const char* hidden : {"amount_protected_yuan", "officer_id", "site_id", "teller"}) {
            CAPTURE(hidden);
            CHECK_FALSE(p.contains(hidden));
        }
        CHECK(p["time"].get<std::string>().size() == 10);  // the local day only
        if (p["id"] == "W2") CHECK(p["time"] == "2021-06-16");  // local midnight: still the 15th in UTC
    }
    // Moved to the centre of its 100 m cell: not where it was.
    CHECK(out["features"][0]["geometry"]["coordinates"] != in["features"][0]["geometry"]["coordinates"]);
}
