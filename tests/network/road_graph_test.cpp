// Building the road graph: nodes at shared vertices only, edges between nodes, one-way streets,
// the walking and driving profiles and the disconnected pieces they leave.
#include "geo/network/road_graph.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "geo/network/components.h"
#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/network/road_fixtures.h"

using geo::Profile;
using geo::RoadClass;

namespace {

int node_at(const geo::RoadGraph& g, geo::XY p) {
    const auto& nodes = g.nodes();
    const auto it = std::find(nodes.begin(), nodes.end(), p);
    return it == nodes.end() ? -1 : static_cast<int>(it - nodes.begin());
}

int arcs_from(const geo::RoadGraph& g, Profile profile, int node) {
    const auto& adj = g.adjacency(profile);
    return static_cast<int>(adj.offsets[static_cast<std::size_t>(node) + 1] - adj.offsets[static_cast<std::size_t>(node)]);
}

}  // namespace

TEST_CASE("Nodes are made at line ends and shared vertices, not at bends") {
    const auto g = geo::build_road_graph(test::small_network());
    CHECK(g.node_count() == 6);  // a, b, c, d, e, f
    CHECK(node_at(g, {50, 0}) == -1);
    REQUIRE(node_at(g, {100, 0}) >= 0);
    REQUIRE(g.edges().size() == 4);  // a-b (through the bend), b-c, b-d, e-f
    const auto& ab = g.edges()[0];
    CHECK(ab.from == node_at(g, {0, 0}));
    CHECK(ab.to == node_at(g, {100, 0}));
    CHECK(ab.line.size() == 3);
    CHECK(ab.length_m == doctest::Approx(100.0).epsilon(1e-12));
    CHECK(g.edges()[1].length_m == doctest::Approx(100.0).epsilon(1e-12));
}

TEST_CASE("Roads that cross without a shared vertex are not joined") {
    //        (50,50)
    //           |
    //  (0,0) ---+--- (100,0)     the crossing at (50,0) is no vertex of either line
    //           |
    //        (50,-50)
    const auto g = geo::build_road_graph({test::road("h", RoadClass::local, false, 30, {{0, 0}, {100, 0}}),
                                          test::road("v", RoadClass::local, false, 30, {{50, -50}, {50, 50}})});
    CHECK(g.node_count() == 4);
    CHECK(g.edges().size() == 2);
    CHECK(geo::weak_components(g, Profile::walking).count() == 2);
}

TEST_CASE("Walking goes both ways on every road at 5 km/h") {
    const auto g = geo::build_road_graph(test::small_network());
    // 100 m at 5 km/h = 72 s, in either direction, one-way or not.
    for (int e = 0; e < 4; ++e) {
        CHECK(g.edge_time_s(e, Profile::walking, true) == doctest::Approx(72.0).epsilon(1e-12));
        CHECK(g.edge_time_s(e, Profile::walking, false) == doctest::Approx(72.0).epsilon(1e-12));
    }
    CHECK(g.adjacency(Profile::walking).arcs.size() == 8);
    CHECK(arcs_from(g, Profile::walking, node_at(g, {100, 100})) == 1);
}

TEST_CASE("Driving respects one-way streets, avoids paths and uses the road's speed") {
    const auto g = geo::build_road_graph(test::small_network());
    CHECK(g.edge_time_s(0, Profile::driving, true) == doctest::Approx(10.0).epsilon(1e-12));  // 100 m at 36 km/h
    CHECK(g.edge_time_s(2, Profile::driving, true) == doctest::Approx(5.0).epsilon(1e-12));   // 100 m at 72 km/h
    CHECK(std::isinf(g.edge_time_s(2, Profile::driving, false)));                              // against the one-way
    CHECK(std::isinf(g.edge_time_s(3, Profile::driving, true)));                               // footpath
    CHECK(g.adjacency(Profile::driving).arcs.size() == 5);  // a<->b, b<->c, b->d
    CHECK(arcs_from(g, Profile::driving, node_at(g, {100, 100})) == 0);
    CHECK(g.max_speed_mps(Profile::driving) == doctest::Approx(20.0).epsilon(1e-12));
}

TEST_CASE("A road without a speed drives at its class default") {
    const auto g = geo::build_road_graph({test::road("x", RoadClass::alley, false, 0, {{0, 0}, {150, 0}})});
    CHECK(g.edges()[0].speed_kmh == geo::default_speed_kmh(RoadClass::alley));
}

TEST_CASE("Disconnected pieces are counted and sized, largest first") {
    const auto g = geo::build_road_graph(test::small_network());
    const auto walking = geo::weak_components(g, Profile::walking);
    CHECK(walking.sizes == std::vector<int>{4, 2});
    CHECK(walking.component_of_node[static_cast<std::size_t>(node_at(g, {0, 0}))] == 0);
    CHECK(walking.component_of_node[static_cast<std::size_t>(node_at(g, {500, 500}))] == 1);
    CHECK(geo::strong_components(g, Profile::walking).sizes == walking.sizes);
    CHECK(geo::describe_pieces(walking) == "2 pieces: 4 and 2 nodes");

    // Driving: d can be reached but not left, and the footpath's ends have no arcs at all.
    const auto strong = geo::strong_components(g, Profile::driving);
    CHECK(strong.sizes == std::vector<int>{3, 1, 1, 1});
    CHECK(strong.component_of_node[static_cast<std::size_t>(node_at(g, {200, 0}))] == 0);
    CHECK(strong.component_of_node[static_cast<std::size_t>(node_at(g, {100, 100}))] != 0);
    CHECK(geo::weak_components(g, Profile::driving).sizes == std::vector<int>{4, 1, 1});
}

TEST_CASE("A one-way loop is one strong piece; cut it and it falls apart") {
    //  p (0,0) --> q (100,0)
    //     ^          |
    //     +--- r <---+      r (50, 80)
    std::vector<geo::Road> loop = {test::road("pq", RoadClass::local, true, 30, {{0, 0}, {100, 0}}),
                                   test::road("qr", RoadClass::local, true, 30, {{100, 0}, {50, 80}}),
                                   test::road("rp", RoadClass::local, true, 30, {{50, 80}, {0, 0}})};
    CHECK(geo::strong_components(geo::build_road_graph(loop), Profile::driving).sizes == std::vector<int>{3});
    loop.pop_back();
    CHECK(geo::strong_components(geo::build_road_graph(loop), Profile::driving).sizes == std::vector<int>{1, 1, 1});
}

TEST_CASE("The sample district's roads form one walkable network") {
    // data/jiangnan.gpkg: 89 roads meeting at exactly shared vertices.
    const auto district = geo::read_district(test::source_dir() / "data" / "jiangnan.gpkg");
    const auto g = geo::build_road_graph(district.roads);
    CHECK(g.node_count() > 0);
    CHECK(geo::weak_components(g, Profile::walking).count() == 1);
}
