// Junctions: nodes where three or more roads meet, by distinct neighbouring vertices.
#include "geo/network/junctions.h"

#include <doctest/doctest.h>

#include "tests/network/road_fixtures.h"

TEST_CASE("A node is a junction when three or more distinct roads leave it") {
    // small_network: b (node 1) has a-side, c-side and the one-way to d; a, c, d are ends.
    const auto g = geo::build_road_graph(test::small_network());
    CHECK(geo::junction_nodes(g) == std::vector<int>{1});
}

TEST_CASE("A road continuing through a shared vertex, or one drawn twice, makes no junction") {
    using geo::RoadClass;
    //   a ---- m ---- b ---- c ---- x      a-m-b drawn twice (so m becomes a node, with two
    //                 |                    neighbours a and b); c-x continues a-b-c at c
    //                 d
    auto roads = test::small_network();
    roads.push_back(test::road("ab again", RoadClass::local, false, 36, {{0, 0}, {50, 0}, {100, 0}}));
    roads.push_back(test::road("cx", RoadClass::local, false, 36, {{200, 0}, {300, 0}}));
    const auto g = geo::build_road_graph(roads);
    const auto junctions = geo::junction_nodes(g);
    REQUIRE(junctions.size() == 1);
    CHECK(g.nodes()[static_cast<std::size_t>(junctions[0])] == geo::XY{100, 0});
}
