// The tracks layer of a workspace: LineStringM with the fix times, read back exactly, merged by id
// (the same file imported again replaces its track), and counted in the change log.
#include <doctest/doctest.h>

#include "geo/io/workspace_store.h"
#include "tests/common/workspace_builders.h"

using namespace geo;

namespace {

Track track(const std::string& id, std::int64_t start, int fixes, double x0, const std::string& source = "phone.gpx") {
    Track t;
    t.id = id;
    t.officer_id = "P01";
    t.source = source;
    t.mode = TrackMode::walking;
    for (int i = 0; i < fixes; ++i)
        t.points.push_back({{x0 + 1.5 * i, 3197000.25 + 0.5 * i}, Timestamp(std::chrono::seconds(start + 5 * i))});
    return t;
}

}  // namespace

TEST_CASE("tracks: written and read back with every fix's position and time") {
    test::ScratchDir dir;
    const auto ws = test::workspace_with_neighbourhoods(dir);
    const std::int64_t before = read_metadata(ws).change;
    const Track a = track("P01-2021-06-15-phone", 1623715200, 40, 502000.125);
    Track b = track("P02-2021-06-15-car", 1623716000, 3, 503000);
    b.officer_id = "P02";
    b.mode = TrackMode::driving;
    commit_tracks(ws, {a, b});
    const District d = read_district(ws);
    REQUIRE(d.tracks.size() == 2);
    CHECK(d.tracks[0] == a);
    CHECK(d.tracks[1] == b);
    CHECK(read_metadata(ws).change == before + 1);
    const auto log = changes_since(ws, before);
    REQUIRE(log.size() == 1);
    CHECK(log[0].tables == "tracks");
    CHECK(log[0].summary.find("P01-2021-06-15-phone") != std::string::npos);
}

TEST_CASE("tracks: a file imported again replaces every track it gave before; another file's tracks stay") {
    test::ScratchDir dir;
    const auto ws = test::workspace_with_neighbourhoods(dir);
    commit_tracks(ws, {track("A", 1623715200, 10, 502000, "monday.gpx"), track("B", 1623715200, 10, 502100, "monday.gpx"),
                       track("T", 1623715200, 5, 502300, "tuesday.gpx")});
    // monday.gpx again, now giving A only (B was a second track that day it no longer has).
    const Track a2 = track("A", 1623720000, 4, 502500, "monday.gpx");
    commit_tracks(ws, {a2, track("C", 1623715200, 2, 502200, "wednesday.gpx")});
    const District d = read_district(ws);
    REQUIRE(d.tracks.size() == 3);
    CHECK(d.tracks[0] == a2);
    CHECK(d.tracks[1].id == "C");
    CHECK(d.tracks[2].id == "T");
    CHECK(d.tracks[2].points.size() == 5);
}
