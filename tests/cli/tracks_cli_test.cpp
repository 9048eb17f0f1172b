// patrolmap tracks WS --import FILE on a copy of the sample: tracks committed with one line each,
// the same file again replaces its tracks, bad input exits 2 with the workspace byte for byte as
// it was, --skip-invalid imports the rest and writes the report.
#include <doctest/doctest.h>

#include <algorithm>

#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

using test::run_patrolmap;

namespace {

// Two tracks of one morning: the first 4 fixes in two segments, the second 2 fixes ~97 m apart.
const char* kPatrolGpx = R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><trkseg>
<trkpt lat="28.89" lon="120.02"><time>2021-06-15T00:00:00Z</time></trkpt>
<trkpt lat="28.8905" lon="120.0205"><time>2021-06-15T08:01:00</time></trkpt>
</trkseg><trkseg>
<trkpt lat="28.891" lon="120.021"><time>2021-06-15T08:05:00+08:00</time></trkpt>
<trkpt lat="28.8915" lon="120.0215"><time>2021-06-15T08:06:30</time></trkpt>
</trkseg></trk>
<trk><trkseg>
<trkpt lat="28.9" lon="120.03"><time>2021-06-15T14:00:00</time></trkpt>
<trkpt lat="28.9" lon="120.031"><time>2021-06-15T14:03:00</time></trkpt>
</trkseg></trk>
</gpx>
)";

std::filesystem::path sample_copy(const test::ScratchDir& dir) {
    const auto ws = dir / "ws.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", ws);
    return ws;
}

std::vector<std::string> track_ids(const std::filesystem::path& ws) {
    std::vector<std::string> ids;
    for (const auto& t : geo::read_district(ws).tracks) ids.push_back(t.id);
    return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("tracks --import: a GPX becomes the officer's tracks, one line each — the same file again replaces them") {
    test::ScratchDir dir;
    const auto ws = sample_copy(dir);
    const std::size_t before = track_ids(ws).size();
    test::write_text(dir / "patrol.gpx", kPatrolGpx);
    auto r = run_patrolmap({"tracks", ws.string(), "--import", (dir / "patrol.gpx").string(), "--officer", "P03",
                            "--mode", "driving"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("P03-2021-06-15-patrol ") != std::string::npos);
    CHECK(r.out.find("P03-2021-06-15-patrol-2 ") != std::string::npos);
    CHECK(r.out.find("4 fixes  2021-06-15 08:00:00–08:06:30") != std::string::npos);
    CHECK(r.out.find("2 fixes  2021-06-15 14:00:00–14:03:00  0.10 km") != std::string::npos);
    CHECK(r.err.find("imported 2 tracks (6 of 6 points)") != std::string::npos);
    const geo::District d = geo::read_district(ws);
    REQUIRE(d.tracks.size() == before + 2);
    const auto first = std::find_if(d.tracks.begin(), d.tracks.end(), [](const auto& t) { return t.id == "P03-2021-06-15-patrol"; });
    REQUIRE(first != d.tracks.end());
    CHECK(first->points.size() == 4);
    CHECK(first->officer_id == "P03");
    CHECK(first->mode == geo::TrackMode::driving);
    CHECK(first->source == "patrol.gpx");

    const std::int64_t change = geo::read_metadata(ws).change;
    r = run_patrolmap({"tracks", ws.string(), "--import", (dir / "patrol.gpx").string(), "--officer", "P03"});
    REQUIRE(r.exit_code == 0);
    CHECK(track_ids(ws).size() == before + 2);  // replaced, not doubled
    CHECK(geo::read_metadata(ws).change == change + 1);

    std::filesystem::copy_file(dir / "patrol.gpx", dir / "evening.gpx");
    REQUIRE(run_patrolmap({"tracks", ws.string(), "--import", (dir / "evening.gpx").string(), "--officer", "P01"}).exit_code == 0);
    const auto ids = track_ids(ws);
    CHECK(ids.size() == before + 4);
    CHECK(has(ids, "P01-2021-06-15-evening"));
    CHECK(has(ids, "P03-2021-06-15-patrol"));
}

TEST_CASE("tracks: bad input exits 2 naming file, feature and field, and leaves the workspace byte for byte") {
    test::ScratchDir dir;
    const auto ws = sample_copy(dir);
    const std::string bytes = test::read_text(ws);
    test::write_text(dir / "bad.csv", "lon,lat,time,officer\n"
                                      "120.02,28.89,2021-06-15T08:00:00,P03\n"
                                      "120.0201,28.89,2021-06-15T08:00:10,P03\n"
                                      "120.0202,28.89,soon,P03\n");
    auto r = run_patrolmap({"tracks", ws.string(), "--import", (dir / "bad.csv").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.csv feature 3: field time 'soon' is not an ISO 8601 time") != std::string::npos);
    CHECK(test::read_text(ws) == bytes);  // the two good rows were not kept either

    test::write_text(dir / "patrol.gpx", kPatrolGpx);
    r = run_patrolmap({"tracks", ws.string(), "--import", (dir / "patrol.gpx").string(), "--officer", "P99"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--officer 'P99' is not an officer") != std::string::npos);
    r = run_patrolmap({"tracks", ws.string(), "--import", (dir / "patrol.gpx").string(), "--mode", "flying"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--mode 'flying' is not walking or driving") != std::string::npos);
    r = run_patrolmap({"tracks", ws.string(), "--import", (dir / "nowhere.gpx").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("nowhere.gpx: no such file") != std::string::npos);
    r = run_patrolmap({"tracks", ws.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("say what to do: --import FILE") != std::string::npos);
    CHECK(test::read_text(ws) == bytes);
    CHECK(!std::filesystem::exists(dir / "ws.rejected-tracks.csv"));
}

TEST_CASE("tracks --skip-invalid imports the valid points and writes the dropped ones beside the workspace") {
    test::ScratchDir dir;
    const auto ws = sample_copy(dir);
    test::write_text(dir / "walk.csv", "lon,lat,time,officer\n"
                                       "120.02,28.89,2021-06-15T08:00:00,P02\n"
                                       "120.0201,28.89,,P02\n"
                                       "120.0202,28.89,2021-06-15T08:00:20,P02\n"
                                       "120.0203,28.89,2021-06-15T08:00:30,P42\n"
                                       "120.0204,28.89,2021-06-15T08:00:40,P02\n");
    const auto r = run_patrolmap({"tracks", ws.string(), "--import", (dir / "walk.csv").string(), "--skip-invalid"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("P02-2021-06-15-walk") != std::string::npos);
    CHECK(r.out.find("3 fixes") != std::string::npos);
    CHECK(r.err.find("dropped 2 invalid points; report: " + (dir / "ws.rejected-tracks.csv").string()) != std::string::npos);
    // The reason lists the sample's officers, so it is quoted (it holds commas).
    CHECK(test::read_text(dir / "ws.rejected-tracks.csv")
              .starts_with("file,feature,field,reason\n"
                           "walk.csv,2,time,is empty\n"
                           "walk.csv,4,officer,\"'P42' is not an officer of the workspace (P01, P02, "));
    const std::string report = test::read_text(dir / "ws.rejected-tracks.csv");
    CHECK(std::count(report.begin(), report.end(), '\n') == 3);  // the header and exactly the two points
    const auto ids = track_ids(ws);
    CHECK(has(ids, "P02-2021-06-15-walk"));
}
