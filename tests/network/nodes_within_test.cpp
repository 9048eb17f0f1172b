// Nodes within a distance along the roads: the limit, several seeds at once, one-way streets
// for driving, and the departures from a point partway along an edge.
#include "geo/network/nodes_within.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/network/road_fixtures.h"

using geo::Profile;

namespace {

// small_network's nodes: a 0 (0,0), b 1 (100,0), c 2 (200,0), d 3 (100,100), e 4, f 5.
constexpr int a = 0, b = 1, c = 2, d = 3;

// (node, metres) pairs sorted by node, for comparing a search with a list.
std::vector<std::pair<int, double>> by_node(const std::vector<geo::NodeDistance>& reached) {
    std::vector<std::pair<int, double>> out;
    for (const auto& r : reached) out.push_back({r.node, r.distance_m});
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("A search reaches the nodes within the limit, nearest first, and no further") {
    const auto g = geo::build_road_graph(test::small_network());
    geo::NodesWithin search(g, Profile::walking);
    const auto& near = search.search({{a, 0}}, 150);
    CHECK(by_node(near) == std::vector<std::pair<int, double>>{{a, 0}, {b, 100}});
    // The limit is inclusive: c and d lie exactly 200 m away.
    const auto& all = search.search({{a, 0}}, 200);
    CHECK(by_node(all) == std::vector<std::pair<int, double>>{{a, 0}, {b, 100}, {c, 200}, {d, 200}});
    CHECK(std::is_sorted(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.distance_m < y.distance_m; }));
}

TEST_CASE("Several seeds: each node is as far as its nearest seed") {
    const auto g = geo::build_road_graph(test::small_network());
    geo::NodesWithin search(g, Profile::walking);
    // Seeds at a (40 m to go first) and c (10 m): b is 110 m from c's side, 140 m from a's.
    const auto& reached = search.search({{a, 40}, {c, 10}}, 1000);
    CHECK(by_node(reached) == std::vector<std::pair<int, double>>{{a, 40}, {b, 110}, {c, 10}, {d, 210}});
}

TEST_CASE("Driving keeps to one-way streets; walking does not") {
    // b -> d is one-way: from d a car goes nowhere, a walker goes back to b and on.
    const auto g = geo::build_road_graph(test::small_network());
    geo::NodesWithin walking(g, Profile::walking), driving(g, Profile::driving);
    CHECK(by_node(driving.search({{d, 0}}, 1000)) == std::vector<std::pair<int, double>>{{d, 0}});
    CHECK(by_node(walking.search({{d, 0}}, 1000)) == std::vector<std::pair<int, double>>{{a, 200}, {b, 100}, {c, 200}, {d, 0}});
}

TEST_CASE("Departures from a point on an edge: both ends on foot, the legal one by car") {
    const auto g = geo::build_road_graph(test::small_network());
    const geo::SnappedPoint on_bd = geo::Snapper(g, Profile::walking).snap({105, 30});  // 30 m up b -> d, 5 m off
    REQUIRE(on_bd.edge == 2);
    const auto walk = geo::departures(g, Profile::walking, on_bd, on_bd.distance_m);
    REQUIRE(walk.size() == 2);
    CHECK(walk[0].node == b);
    CHECK(walk[0].distance_m == doctest::Approx(35).epsilon(1e-12));
    CHECK(walk[1].node == d);
    CHECK(walk[1].distance_m == doctest::Approx(75).epsilon(1e-12));
    const auto drive = geo::departures(g, Profile::driving, on_bd);
    REQUIRE(drive.size() == 1);
    CHECK(drive[0].node == d);
    CHECK(drive[0].distance_m == doctest::Approx(70).epsilon(1e-12));
    CHECK(geo::departures(g, Profile::walking, geo::SnappedPoint{}).empty());
}
