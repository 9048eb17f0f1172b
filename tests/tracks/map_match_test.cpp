// The map matcher on literal street grids with hand-made tracks: it follows the route walked,
// keeps to the connected street when a parallel one is nearer a fix, breaks at long gaps,
// leaves fixes far from any road unmatched, and keeps a car off a one-way street driven the
// wrong way.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/tracks/map_match.h"
#include "geo/tracks/path_agreement.h"
#include "tests/network/road_fixtures.h"

using namespace geo;

namespace {

// A 4 x 4 grid of streets 100 m apart (x, y in 0..300), every street a road of its own.
std::vector<Road> grid() {
    std::vector<Road> roads;
    for (int k = 0; k <= 3; ++k) {
        const double c = 100.0 * k;
        roads.push_back(test::road("h" + std::to_string(k), RoadClass::local, false, 30,
                                   {{0, c}, {100, c}, {200, c}, {300, c}}));
        roads.push_back(test::road("v" + std::to_string(k), RoadClass::local, false, 30,
                                   {{c, 0}, {c, 100}, {c, 200}, {c, 300}}));
    }
    return roads;
}

// A fix every `step_s` seconds walking at `speed` m/s along the polyline, pushed off it by a
// fixed, deterministic wobble of up to `noise_m` (no random source: the same test every run).
std::vector<TrackPoint> walk(const LineString& path, double speed, double step_s, double noise_m, std::int64_t start = 1623715200) {
    std::vector<TrackPoint> out;
    double along = 0, t = 0;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const double dx = path[i + 1].x - path[i].x, dy = path[i + 1].y - path[i].y, len = std::hypot(dx, dy);
        for (; along <= len; along += speed * step_s, t += step_s) {
            const double k = static_cast<double>(out.size());
            const XY at{path[i].x + dx * along / len + noise_m * std::sin(1.7 * k), path[i].y + dy * along / len + noise_m * std::cos(2.3 * k)};
            out.push_back({at, Timestamp(std::chrono::seconds(start + static_cast<std::int64_t>(t)))});
        }
        along -= len;
    }
    return out;
}

// The true spans of a walk along grid streets from `path` (vertices on grid nodes).
std::vector<EdgeSpan> truth_on(const RoadGraph& graph, const LineString& path) {
    std::vector<EdgeSpan> out;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        for (std::size_t e = 0; e < graph.edges().size(); ++e) {
            const auto& line = graph.edges()[e].line;
            if (line.front() == path[i] && line.back() == path[i + 1]) out.push_back({static_cast<int>(e), 0, graph.edges()[e].length_m});
            if (line.back() == path[i] && line.front() == path[i + 1]) out.push_back({static_cast<int>(e), graph.edges()[e].length_m, 0});
        }
    }
    return out;
}

}  // namespace

TEST_CASE("map matching: a walk round two corners of a grid, 8 m of noise, follows the streets walked") {
    const RoadGraph graph = build_road_graph(grid());
    const LineString path{{0, 0}, {100, 0}, {200, 0}, {200, 100}, {200, 200}, {300, 200}};
    const auto points = walk(path, 1.4, 3, 8);
    MapMatcher matcher(graph, Profile::walking);
    const TrackMatch m = matcher.match(points);
    CHECK(m.unmatched == 0);
    REQUIRE(m.chains.size() == 1);
    const PathAgreement a = path_agreement(truth_on(graph, path), m.chains[0]);
    CHECK(a.truth_m == doctest::Approx(500));
    CHECK(a.recall() > 0.97);
    CHECK(a.precision() > 0.97);
    for (const auto& f : m.fixes) CHECK(f.valid());
}

TEST_CASE("map matching: fixes drifting nearer a parallel street stay on the street walked") {
    // Two parallel streets 30 m apart joined only at their ends, 1 km long.
    const std::vector<Road> roads{test::road("south", RoadClass::local, false, 30, {{0, 0}, {1000, 0}}),
                                  test::road("north", RoadClass::local, false, 30, {{0, 30}, {1000, 30}}),
                                  test::road("west", RoadClass::local, false, 30, {{0, 0}, {0, 30}}),
                                  test::road("east", RoadClass::local, false, 30, {{1000, 0}, {1000, 30}})};
    const RoadGraph graph = build_road_graph(roads);
    std::vector<TrackPoint> points;
    for (int k = 0; k < 40; ++k) {
        // Walking east on the south street; fixes 10 to 14 drift 17 m north, nearer the north street.
        const double y = (k >= 10 && k <= 14) ? 17 : 2;
        points.push_back({{200.0 + 5 * k, y}, Timestamp(std::chrono::seconds(1623715200 + 4 * k))});
    }
    const int south = [&] {
        for (std::size_t e = 0; e < graph.edges().size(); ++e)
            if (graph.edges()[e].road == 0) return static_cast<int>(e);
        return -1;
    }();
    MapMatcher matcher(graph, Profile::walking);
    const TrackMatch m = matcher.match(points);
    for (std::size_t k = 0; k < points.size(); ++k) CHECK_MESSAGE(m.fixes[k].edge == south, "fix " << k);
    // Nearest-edge snapping alone would have put the drifting fixes on the north street.
    Snapper snapper(graph, Profile::walking);
    CHECK(snapper.snap(points[12].at).edge != south);
}

TEST_CASE("map matching: a long gap breaks the chain; a fix far from every road stays unmatched") {
    const RoadGraph graph = build_road_graph(grid());
    auto points = walk({{0, 0}, {300, 0}}, 1.4, 5, 3);
    const auto later = walk({{0, 300}, {300, 300}}, 1.4, 5, 3, points.back().time.time_since_epoch().count() + 600);
    points.insert(points.end(), later.begin(), later.end());
    points.insert(points.begin() + 5, TrackPoint{{150, 50 + 0.4}, points[5].time});  // mid-block, 50.4 m from every street
    MapMatcher matcher(graph, Profile::walking, MatchOptions{.radius_m = 45});
    const TrackMatch m = matcher.match(points);
    CHECK(m.unmatched == 1);
    CHECK_FALSE(m.fixes[5].valid());
    REQUIRE(m.chains.size() == 2);
    CHECK(path_agreement(truth_on(graph, {{0, 0}, {100, 0}, {200, 0}, {300, 0}}), m.chains[0]).recall() > 0.97);
    CHECK(path_agreement(truth_on(graph, {{0, 300}, {100, 300}, {200, 300}, {300, 300}}), m.chains[1]).recall() > 0.97);
}

TEST_CASE("map matching: a car going west is kept off the one-way street east, though its fixes lie nearer it") {
    const std::vector<Road> roads{test::road("oneway", RoadClass::local, true, 30, {{0, 0}, {1000, 0}}),
                                  test::road("twoway", RoadClass::local, false, 30, {{0, 40}, {1000, 40}}),
                                  test::road("west", RoadClass::local, false, 30, {{0, 0}, {0, 40}}),
                                  test::road("east", RoadClass::local, false, 30, {{1000, 0}, {1000, 40}})};
    const RoadGraph graph = build_road_graph(roads);
    std::vector<TrackPoint> points;
    for (int k = 0; k < 30; ++k) points.push_back({{800.0 - 10 * k, 12}, Timestamp(std::chrono::seconds(1623715200 + k))});
    MapMatcher matcher(graph, Profile::driving);
    const TrackMatch m = matcher.match(points);
    for (std::size_t k = 0; k < points.size(); ++k) {
        REQUIRE(m.fixes[k].valid());
        CHECK_MESSAGE(graph.edges()[static_cast<std::size_t>(m.fixes[k].edge)].road == 1, "fix " << k);
    }
    // On foot the same fixes stay on the nearer street.
    MapMatcher walking(graph, Profile::walking);
    CHECK(graph.edges()[static_cast<std::size_t>(walking.match(points).fixes[10].edge)].road == 0);
}

TEST_CASE("path agreement: overlaps per edge whatever the direction, repeats counted once") {
    const std::vector<EdgeSpan> truth{{0, 0, 100}, {1, 50, 0}, {0, 100, 0}};
    const std::vector<EdgeSpan> matched{{0, 10, 100}, {2, 0, 30}};
    const PathAgreement a = path_agreement(truth, matched);
    CHECK(a.truth_m == doctest::Approx(150));
    CHECK(a.matched_m == doctest::Approx(120));
    CHECK(a.common_m == doctest::Approx(90));
}

TEST_CASE("map matching: out to the end of a dead end and back, the dead end is walked both ways") {
    std::vector<Road> roads = grid();
    roads.push_back(test::road("spur", RoadClass::alley, false, 15, {{300, 100}, {450, 100}}));
    const RoadGraph graph = build_road_graph(roads);
    const LineString path{{200, 100}, {300, 100}, {450, 100}, {300, 100}, {300, 200}};
    const auto points = walk(path, 1.4, 2, 6);
    MapMatcher matcher(graph, Profile::walking);
    const TrackMatch m = matcher.match(points);
    REQUIRE(m.chains.size() == 1);
    const PathAgreement a = path_agreement(truth_on(graph, path), m.chains[0]);
    CHECK(a.truth_m == doctest::Approx(350));
    CHECK(a.recall() > 0.97);
    CHECK(a.precision() > 0.97);
    // Out and back: the spur's edge appears once each way.
    int out = 0, back = 0;
    for (const EdgeSpan& s : m.chains[0])
        if (graph.edges()[static_cast<std::size_t>(s.edge)].road == roads.size() - 1) (s.to_m > s.from_m ? out : back) += s.length_m() > 100;
    CHECK(out == 1);
    CHECK(back == 1);
}
