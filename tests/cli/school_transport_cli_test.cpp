// patrolmap vehicles and patrolmap checkpoints on the sample (issue 17), as the traffic police
// meet them: the report's van flagged first with its reasons and its over-capacity rates, the
// CSV of the flagged, the checkpoints geo places with their proven bound; bad flags exit 2 and
// write nothing.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "geo/network/road_graph.h"
#include "geo/transport/checkpoint_placement.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

using test::run_patrolmap;

namespace {

const std::string sample = (test::source_dir() / "data" / "jiangnan.gpkg").string();
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("vehicles on the sample: the report's van flagged first, 250% over at worst, 117% the day it was stopped") {
    test::ScratchDir dir;
    const std::string csv = (dir / "flagged.csv").string();
    const auto r = run_patrolmap({"vehicles", sample, "--out", csv});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.out, "6 vehicles, 673 sightings"));
    CHECK(contains(r.out, "flagged 2 of 6"));
    CHECK(contains(r.out, "  1. 浙GG0L68 (V01, 启明民办学校（校外）): 6 seats, non-commercial, no school-transport licence"));
    CHECK(contains(r.out, "most aboard: 21 aboard (250% over)"));
    CHECK(contains(r.out, "last over:   13 aboard (117% over) 2021-06-29"));
    CHECK(contains(r.out, "at S88 天网监控点27"));  // the S217 / 梅陇路 camera
    CHECK(contains(r.out, "  2. 浙GD3M77 (V04"));
    const auto rows = lines_of(test::read_text(csv));
    REQUIRE(rows.size() == 3);  // the header and the two flagged
    CHECK(rows[0].rfind("rank,flagged,vehicle_id,plate,", 0) == 0);
    CHECK(rows[1].rfind("1,1,V01,浙GG0L68,", 0) == 0);
    CHECK(contains(rows[1], ",over_capacity;school_runs;non_commercial;unlicensed,"));
    CHECK(contains(rows[1], ",21,250.0,"));
    CHECK(contains(rows[1], ",13,116.7,2021-06-29T16:"));
    CHECK(rows[2].rfind("2,1,V04,", 0) == 0);

    // --all lists the register; --since after the stop flags no one (the van is gone, the MPV seen on one day).
    REQUIRE(run_patrolmap({"vehicles", sample, "--out", csv, "--all"}).exit_code == 0);
    CHECK(lines_of(test::read_text(csv)).size() == 7);
    const auto late = run_patrolmap({"vehicles", sample, "--since", "2021-06-30"});
    REQUIRE(late.exit_code == 0);
    CHECK(contains(late.out, "flagged 0 of 6"));
    // Windows that end before the MPV comes (07:38, 16:08): the van alone, flagged for its loads.
    const auto narrow = run_patrolmap({"vehicles", sample, "--morning", "07:00-07:30", "--afternoon", "15:30-16:00"});
    REQUIRE(narrow.exit_code == 0);
    CHECK(contains(narrow.out, "flagged 1 of 6"));
}

TEST_CASE("vehicles: bad flags and a workspace without vehicles exit 2 naming what is wrong, nothing written") {
    test::ScratchDir dir;
    const std::string csv = (dir / "flagged.csv").string();
    struct Bad {
        std::vector<std::string> args;
        const char* message;
    };
    const Bad cases[] = {
        {{"--morning", "7-8.30"}, "--morning '7-8.30' is not a time window like 07:00-08:30"},
        {{"--afternoon", "17:30-15:30"}, "--afternoon '17:30-15:30' ends before it starts"},
        {{"--since", "last june"}, "--since"},
        {{"--near-school", "0"}, "--near-school must be a positive number of metres"},
        {{"--min-days", "0"}, "--min-days must be at least 1"},
    };
    for (const Bad& bad : cases) {
        CAPTURE(bad.message);
        std::vector<std::string> args = {"vehicles", sample, "--out", csv};
        args.insert(args.end(), bad.args.begin(), bad.args.end());
        const auto r = run_patrolmap(args);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(contains(r.err, bad.message), r.err);
        CHECK_FALSE(std::filesystem::exists(csv));
    }
    const auto wrong = run_patrolmap({"vehicles", sample, "--out", (dir / "flagged.txt").string()});
    CHECK(wrong.exit_code == 2);
    CHECK(contains(wrong.err, "name it .csv"));
    const std::string empty = test::workspace_with_neighbourhoods(dir).string();
    const auto none = run_patrolmap({"vehicles", empty});
    CHECK(none.exit_code == 2);
    CHECK(contains(none.err, "no vehicles to profile"));
}

TEST_CASE("checkpoints on the sample: geo's junctions written as GeoJSON, the share intercepted and a proven bound") {
    test::ScratchDir dir;
    const std::string out = (dir / "checkpoints.geojson").string();
    const auto r = run_patrolmap({"checkpoints", sample, "--count", "3", "--out", out});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.out, "proven optimal"));
    CHECK(contains(r.out, "3 checkpoints from 80 junctions"));
    const geo::District d = geo::read_district(sample);
    geo::CheckpointOptions o;
    o.count = 3;
    const geo::CheckpointPlacement p = geo::place_checkpoints(d, geo::build_road_graph(d.roads), o);
    const auto doc = nlohmann::json::parse(test::read_text(out));
    REQUIRE(doc["features"].size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
        CAPTURE(k);
        const auto& f = doc["features"][k];
        CHECK(f["properties"]["rank"] == k + 1);
        CHECK(f["properties"]["node"] == p.chosen[k].node);
        CHECK(f["properties"]["pupils"].get<double>() == doctest::Approx(p.chosen[k].pupils));
        CHECK(!f["properties"]["place"].get<std::string>().empty());  // the streets that meet there
        const double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
        CHECK(lon == doctest::Approx(120.03).epsilon(0.001));
        CHECK(lat == doctest::Approx(28.90).epsilon(0.001));
    }

    // Bad flags: exit 2, nothing written.
    std::filesystem::remove(out);
    for (const std::vector<std::string>& bad :
         {std::vector<std::string>{"--count", "0"}, {"--min-trip", "-5"}}) {
        std::vector<std::string> args = {"checkpoints", sample, "--out", out};
        args.insert(args.end(), bad.begin(), bad.end());
        const auto e = run_patrolmap(args);
        CHECK(e.exit_code == 2);
        CHECK(!e.err.empty());
        CHECK_FALSE(std::filesystem::exists(out));
    }
    const auto shp = run_patrolmap({"checkpoints", sample, "--out", (dir / "checkpoints.shp").string()});
    CHECK(shp.exit_code == 2);
    CHECK(contains(shp.err, "name it .geojson"));
}
