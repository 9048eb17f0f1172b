// Checkpoints on the school run, on literal road networks: the trips follow the fastest
// driving route and carry their share of a school's pupils; the placement equals the best of an
// exhaustive search over every set of junctions, and its bound is proven.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "geo/network/junctions.h"
#include "geo/transport/checkpoint_placement.h"
#include "geo/util/error.h"

using namespace geo;

namespace {

Road street(const std::string& id, XY from, XY to, bool oneway = false) {
    Road r;
    r.id = id;
    r.road_class = RoadClass::local;
    r.speed_kmh = 30;
    r.oneway = oneway;
    r.line = {{from, to}};
    return r;
}

Building home(const std::string& id, XY at, std::int64_t households) {
    Building b;
    b.id = id;
    b.location = at;
    b.households = households;
    return b;
}

Site school(const std::string& id, XY at, std::int64_t pupils) {
    Site s;
    s.id = id;
    s.kind = SiteKind::school;
    s.location = at;
    s.audience = pupils;
    return s;
}

int node_at(const RoadGraph& g, XY p) {
    for (int v = 0; v < g.node_count(); ++v)
        if (g.nodes()[static_cast<std::size_t>(v)].x == p.x && g.nodes()[static_cast<std::size_t>(v)].y == p.y) return v;
    FAIL("no node at " << p.x << ", " << p.y);
    return -1;
}

// A 3 x 3 lattice, 400 m apart, every street two-way:
//
//   A (0,800) ---- B (400,800) --S-- C (800,800)      S: the school, on B-C at x = 600
//     |              |                  |
//   D (0,400) ---- E (400,400) ------ F (800,400)
//     |              |                  |
//   G (0,0) --h1-- H (400,0) -------- I (800,0)        h1: a home on G-H at x = 200
//
// Junctions (three or more streets): B, D, E, F, H. From h1 the fastest way is H, E, B (1,200 m;
// every other way is 1,600 m).
District lattice() {
    District d;
    const double x[] = {0, 400, 800}, y[] = {0, 400, 800};
    int n = 0;
    for (int j = 0; j < 3; ++j)
        for (int i = 0; i < 2; ++i) d.roads.push_back(street("h" + std::to_string(n++), {x[i], y[j]}, {x[i + 1], y[j]}));
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 2; ++j) d.roads.push_back(street("v" + std::to_string(n++), {x[i], y[j]}, {x[i], y[j + 1]}));
    d.buildings = {home("h1", {200, -10}, 30), home("h2", {-10, 600}, 10), home("empty", {790, 200}, 0)};
    d.sites = {school("S", {600, 810}, 800)};
    return d;
}

}  // namespace

TEST_CASE("a trip follows the fastest driving route and carries the school's pupils in the home's share of households") {
    const District d = lattice();
    const RoadGraph g = build_road_graph(d.roads);
    SchoolTripOptions o;
    o.min_trip_m = 0;
    const SchoolTrips trips = school_trips(d, g, o);
    REQUIRE(trips.trips.size() == 2);  // the building without households sends nobody
    const SchoolTrip& t = trips.trips[0];
    CHECK(d.buildings[t.building].id == "h1");
    CHECK(t.pupils == doctest::Approx(800.0 * 30 / 40));
    CHECK(t.length_m == doctest::Approx(1200));
    CHECK(t.nodes == std::vector<int>{node_at(g, {400, 0}), node_at(g, {400, 400}), node_at(g, {400, 800})});
    // h2 on D-A at y = 600: up to A and along to B (200 + 400 + 200 = 800 m), no junction before B.
    CHECK(trips.trips[1].length_m == doctest::Approx(800));
    CHECK(trips.trips[1].nodes == std::vector<int>{node_at(g, {0, 800}), node_at(g, {400, 800})});
    CHECK(trips.pupils == 800);
    CHECK(trips.driven_pupils() == doctest::Approx(800));

    // Trips shorter than a walk are left to the walkers.
    o.min_trip_m = 1000;
    const SchoolTrips driven = school_trips(d, g, o);
    REQUIRE(driven.trips.size() == 1);
    CHECK(driven.walked_pupils == doctest::Approx(200));
    CHECK(driven.driven_pupils() == doctest::Approx(600));
}

TEST_CASE("one checkpoint on the lattice: B intercepts both trips") {
    const District d = lattice();
    const RoadGraph g = build_road_graph(d.roads);
    CheckpointOptions o;
    o.count = 1;
    o.trips.min_trip_m = 0;
    const CheckpointPlacement p = place_checkpoints(d, g, o);
    CHECK(p.candidates == 5);
    REQUIRE(p.chosen.size() == 1);
    CHECK(p.chosen[0].node == node_at(g, {400, 800}));
    CHECK(p.chosen[0].pupils == doctest::Approx(800));
    CHECK(p.solution.covered_weight == doctest::Approx(800));
    CHECK(p.solution.proven_optimal);
}

TEST_CASE("the placement equals an exhaustive search over every set of junctions, and the bound holds") {
    // A 5 x 4 lattice with uneven spacing (so fastest routes are unique), a one-way street, homes
    // along the streets and three schools: 16 junctions (every node but the corners), 16 homes, 48 trips.
    District d;
    const double x[] = {0, 300, 750, 1100, 1600}, y[] = {0, 450, 800, 1300};
    int n = 0;
    for (int j = 0; j < 4; ++j)
        for (int i = 0; i < 4; ++i) d.roads.push_back(street("r" + std::to_string(n++), {x[i], y[j]}, {x[i + 1], y[j]}, j == 2 && i == 1));
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 3; ++j) d.roads.push_back(street("r" + std::to_string(n++), {x[i], y[j]}, {x[i], y[j + 1]}));
    for (int k = 0; k < 16; ++k) {
        const int i = k % 4, j = k / 4;
        d.buildings.push_back(home("b" + std::to_string(k), {(x[i] + x[i + 1]) / 2 + 7 * k % 40, y[j] + 12}, 5 + (k * 37) % 23));
    }
    d.sites = {school("S1", {1100, 610}, 900), school("S2", {160, 1290}, 450), school("S3", {1600, 120}, 300)};
    const RoadGraph g = build_road_graph(d.roads);

    for (const std::size_t count : {1, 2, 3, 4}) {
        CAPTURE(count);
        CheckpointOptions o;
        o.count = count;
        o.trips.min_trip_m = 0;
        const CheckpointInstance instance = build_checkpoint_instance(d, g, o);
        const std::vector<int>& junctions = instance.junctions;
        REQUIRE(junctions == junction_nodes(g));
        REQUIRE(junctions.size() == 16);
        REQUIRE(instance.trips.trips.size() == 48);

        // Every set of at most `count` junctions, the pupils whose trips pass through one of them,
        // counted from the trips' own node lists.
        double best = 0;
        std::vector<int> chosen;
        std::function<void(std::size_t)> search = [&](std::size_t from) {
            double covered = 0;
            for (const SchoolTrip& t : instance.trips.trips)
                if (std::any_of(t.nodes.begin(), t.nodes.end(),
                                [&](int v) { return std::find(chosen.begin(), chosen.end(), v) != chosen.end(); }))
                    covered += t.pupils;
            best = std::max(best, covered);
            if (chosen.size() == count) return;
            for (std::size_t j = from; j < junctions.size(); ++j) {
                chosen.push_back(junctions[j]);
                search(j + 1);
                chosen.pop_back();
            }
        };
        search(0);

        const CheckpointPlacement p = place_checkpoints(d, g, o);
        CHECK(p.solution.covered_weight == doctest::Approx(best).epsilon(1e-12));
        CHECK(p.solution.upper_bound >= best - 1e-9);
        CHECK(p.solution.proven_optimal);
        CHECK(p.solution.total_weight == doctest::Approx(instance.trips.driven_pupils()));
        REQUIRE(p.chosen.size() <= count);
        // What each checkpoint adds sums to what they intercept together.
        double added = 0;
        std::set<int> nodes;
        for (const Checkpoint& c : p.chosen) {
            added += c.added;
            nodes.insert(c.node);
            CHECK(c.added <= c.pupils + 1e-9);
        }
        CHECK(nodes.size() == p.chosen.size());
        CHECK(added == doctest::Approx(best).epsilon(1e-12));
    }
}

TEST_CASE("no pupils, no homes or no count: bad input") {
    District d = lattice();
    const RoadGraph g = build_road_graph(d.roads);
    CheckpointOptions o;
    o.count = 0;
    CHECK_THROWS_WITH_AS(place_checkpoints(d, g, o), "--count must be at least 1", BadInput);
    o.count = 2;
    d.sites[0].audience = 0;
    CHECK_THROWS_WITH_AS(place_checkpoints(d, g, o), doctest::Contains("no school among the sites has pupils"), BadInput);
    d = lattice();
    for (auto& b : d.buildings) b.households = 0;
    CHECK_THROWS_WITH_AS(place_checkpoints(d, g, o), doctest::Contains("no building has households"), BadInput);
}
