// patrolmap tracks WS --match and --visits on a copy of the sample (its week of patrol tracks):
// the matched streets written per track, the visits the tracks confirm recorded once and
// counted by the progress board, a dry run and bad flags leaving the file byte for byte.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/tracks/track_visits.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

using test::run_patrolmap;

namespace {

std::filesystem::path sample_copy(const test::ScratchDir& dir) {
    const auto ws = dir / "ws.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", ws);
    return ws;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("tracks --match: every track of the week matched, the streets written as GeoJSON; bad choices exit 2") {
    test::ScratchDir dir;
    const auto ws = sample_copy(dir);
    const auto out = dir / "matched.geojson";
    const auto r = run_patrolmap({"tracks", ws.string(), "--match", "--week", "2021-W24", "--out", out.string()});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "P03-2021-06-15-phone"));
    CHECK(contains(r.err, "matched 60 tracks"));
    const auto json = nlohmann::json::parse(test::read_text(out));
    std::set<std::string> tracks;
    for (const auto& f : json["features"]) {
        CHECK(f["geometry"]["type"] == "LineString");
        tracks.insert(f["properties"]["track_id"].get<std::string>());
    }
    CHECK(tracks.size() == 60);
    const std::string before = test::read_text(ws);
    CHECK(run_patrolmap({"tracks", ws.string(), "--match", "--track", "P99-2021-06-15-phone"}).exit_code == 2);
    CHECK(run_patrolmap({"tracks", ws.string(), "--match", "--week", "2021-W30"}).exit_code == 2);
    CHECK(run_patrolmap({"tracks", ws.string(), "--match", "--visits", "--week", "2021-W24"}).exit_code == 2);
    CHECK(test::read_text(ws) == before);
}

TEST_CASE("tracks --visits: the confirmed visits recorded once, counted by the progress board; --dry-run records nothing") {
    test::ScratchDir dir;
    const auto ws = sample_copy(dir);
    const std::string before = test::read_text(ws);
    CHECK(run_patrolmap({"tracks", ws.string(), "--visits"}).exit_code == 2);  // no --week
    CHECK(run_patrolmap({"tracks", ws.string(), "--visits", "--week", "2021-W24", "--radius", "-3"}).exit_code == 2);
    const auto dry = run_patrolmap({"tracks", ws.string(), "--visits", "--week", "2021-W24", "--dry-run"});
    REQUIRE(dry.exit_code == 0);
    CHECK(contains(dry.out, "planned stops no track stopped at"));
    CHECK(test::read_text(ws) == before);

    const auto r = run_patrolmap({"tracks", ws.string(), "--visits", "--week", "2021-W24"});
    REQUIRE(r.exit_code == 0);
    // What geo says the tracks confirm, per officer: the distinct planned buildings visited.
    const geo::District d = geo::read_district(ws);
    const auto week = geo::parse_iso_week("2021-W24", d.metadata.timezone);
    const auto report = geo::visits_from_tracks(d, "2021-W24", *week);
    std::set<std::string> p03_done;
    for (const auto& v : report.visits)
        if (v.officer_id == "P03" && v.planned) p03_done.insert(v.building_id);
    REQUIRE_FALSE(p03_done.empty());
    std::size_t from_tracks = 0;
    for (const auto& v : d.visits) from_tracks += v.source == "track";
    CHECK(from_tracks == geo::visit_records(report, "").size());
    const auto board = nlohmann::json::parse(run_patrolmap({"progress", ws.string(), "--week", "2021-W24", "--json"}).out);
    CHECK(board["officers"][2]["officer_id"] == "P03");
    CHECK(board["officers"][2]["done"].get<std::size_t>() == p03_done.size());
    CHECK(board["officers"][2]["done"].get<std::size_t>() < board["officers"][2]["planned"].get<std::size_t>());

    const auto again = run_patrolmap({"tracks", ws.string(), "--visits", "--week", "2021-W24"});
    REQUIRE(again.exit_code == 0);
    CHECK(contains(again.err, "recorded 0 new visits"));
    CHECK(geo::read_district(ws).visits.size() == d.visits.size());
}
