// Travel times and isochrones on tiny literal networks, with every time worked out by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/network/isochrone.h"
#include "geo/network/travel_times.h"
#include "geo/util/error.h"
#include "tests/network/road_fixtures.h"

using namespace geo;

namespace {

// A block and a dead end (metres; 36 km/h = 10 m/s unless said):
//
//   d (0,1000) ------ e (1000,1000)        a-b 36 km/h, b->c one-way at 36 km/h
//   |                 |                    a-d 18 km/h (5 m/s), d-e, e-b 36 km/h
//   |                 |
//   a (0,0) --------- b (1000,0) ---> c (2000,0)
std::vector<Road> block() {
    return {test::road("ab", RoadClass::local, false, 36, {{0, 0}, {1000, 0}}),
            test::road("bc", RoadClass::local, true, 36, {{1000, 0}, {2000, 0}}),
            test::road("ad", RoadClass::local, false, 18, {{0, 0}, {0, 1000}}),
            test::road("de", RoadClass::local, false, 36, {{0, 1000}, {1000, 1000}}),
            test::road("eb", RoadClass::local, false, 36, {{1000, 1000}, {1000, 0}})};
}

int node_at(const RoadGraph& g, XY p) {
    for (int n = 0; n < g.node_count(); ++n)
        if (g.nodes()[static_cast<std::size_t>(n)] == p) return n;
    FAIL("no node at ", p.x, ",", p.y);
    return -1;
}

double total_length(const MultiLineString& lines) {
    double m = 0;
    for (const auto& l : lines)
        for (std::size_t i = 1; i < l.size(); ++i) m += std::hypot(l[i].x - l[i - 1].x, l[i].y - l[i - 1].y);
    return m;
}

double ring_area(const Ring& r) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
    return std::abs(a) / 2;
}

}  // namespace

TEST_CASE("Driving times from a corner: the fastest way round, one-way streets respected") {
    const RoadGraph g = build_road_graph(block());
    TravelTimes t(g, Profile::driving);
    const int a = node_at(g, {0, 0}), b = node_at(g, {1000, 0}), c = node_at(g, {2000, 0}), d = node_at(g, {0, 1000}),
              e = node_at(g, {1000, 1000});
    t.search({{a, 0, 0}}, 3600);
    CHECK(t.time_s(a) == doctest::Approx(0));
    CHECK(t.time_s(b) == doctest::Approx(100));
    CHECK(t.time_s(c) == doctest::Approx(200));
    CHECK(t.time_s(d) == doctest::Approx(200));   // 1000 m at 5 m/s
    CHECK(t.time_s(e) == doctest::Approx(200));   // a-b-e (200 s) beats a-d-e (300 s)
    CHECK(t.length_m(e) == doctest::Approx(2000));
    // From c nothing: b -> c is one-way.
    t.search({{c, 0, 0}}, 3600);
    CHECK(std::isinf(t.time_s(b)));
    CHECK(std::isinf(t.time_s(a)));
    // The limit stops the search: within 150 s only a and b.
    const auto& reached = t.search({{a, 0, 0}}, 150);
    CHECK(reached.size() == 2);
}

TEST_CASE("A point partway along an edge starts from both ends at its share of the edge's time") {
    const RoadGraph g = build_road_graph(block());
    const Snapper snapper(g, Profile::driving);
    const SnappedPoint p = snapper.snap({250, -20});  // 250 m along a-b, 20 m off it
    CHECK(p.distance_m == doctest::Approx(20));
    const auto seeds = time_departures(g, Profile::driving, p);
    REQUIRE(seeds.size() == 2);
    TravelTimes t(g, Profile::driving);
    t.search(seeds, 3600);
    CHECK(t.time_s(node_at(g, {0, 0})) == doctest::Approx(25));
    CHECK(t.time_s(node_at(g, {1000, 0})) == doctest::Approx(75));
    // To a point 600 m along the same edge: straight along it, 35 s.
    const SnappedPoint q = snapper.snap({600, 5});
    CHECK(time_to(g, Profile::driving, t, p, q) == doctest::Approx(35));
    // On b -> c, 500 m past b: 75 + 50 s. Coming back against the one-way is impossible.
    const SnappedPoint r = snapper.snap({1500, 0});
    CHECK(time_to(g, Profile::driving, t, p, r) == doctest::Approx(125));
    TravelTimes from_r(g, Profile::driving);
    from_r.search(time_departures(g, Profile::driving, r), 3600);
    CHECK(std::isinf(time_to(g, Profile::driving, from_r, r, p)));
}

TEST_CASE("The roads reached in 150 s are cut where the time runs out") {
    const RoadGraph g = build_road_graph(block());
    TravelTimes t(g, Profile::driving);
    const SnappedPoint a = Snapper(g, Profile::driving).snap({0, 0});
    t.search(time_departures(g, Profile::driving, a), 150);
    // a-b whole (1000 m, 100 s); then 50 s more: 500 m of b->c and of b-e; a-d 150 s at 5 m/s = 750 m.
    CHECK(total_length(reached_roads(g, Profile::driving, t, a, 150)) == doctest::Approx(1000 + 500 + 500 + 750));
    // Walking (5 km/h everywhere, both ways on b-c): 150 s is 208.3 m along a-b and along a-d.
    TravelTimes w(g, Profile::walking);
    w.search(time_departures(g, Profile::walking, a), 150);
    CHECK(total_length(reached_roads(g, Profile::walking, w, a, 150)) == doctest::Approx(2 * 150 * 5 / 3.6));
}

TEST_CASE("An isochrone round a block keeps the block as a hole, and grows with the minutes") {
    const RoadGraph g = build_road_graph(block());
    const SnappedPoint a = Snapper(g, Profile::driving).snap({0, 0});
    IsochroneOptions o;
    o.profile = Profile::driving;
    o.minutes = {2, 6};
    o.tolerance_m = 25;
    const auto isos = isochrones(g, a, o);
    REQUIRE(isos.size() == 2);
    // In 2 minutes: a-b (100 s) and 20 s more on b->c and b-e (200 m each), 120 s x 5 m/s = 600 m of a-d.
    CHECK(isos[0].road_m == doctest::Approx(1000 + 200 + 200 + 600));
    REQUIRE(isos[0].area.size() == 1);
    CHECK(isos[0].area[0].holes.empty());  // the loop is not closed yet
    // In 6 minutes the whole loop and b->c: one polygon with the block inside as a hole.
    CHECK(isos[1].road_m == doctest::Approx(5000));
    REQUIRE(isos[1].area.size() == 1);
    REQUIRE(isos[1].area[0].holes.size() == 1);
    // The hole is the block less the tolerance on each side: (1000 - 50)², up to the buffer's arcs.
    CHECK(ring_area(isos[1].area[0].holes[0]) == doctest::Approx(950.0 * 950.0).epsilon(0.01));
    CHECK(isos[1].nodes == 5);
    CHECK_THROWS_AS(isochrones(g, a, IsochroneOptions{Profile::driving, {5, 3}, 25}), BadInput);
    CHECK_THROWS_AS(isochrones(g, a, IsochroneOptions{Profile::driving, {0}, 25}), BadInput);
}
