// Walking reach on geo/network's road graph: the walk onto the road at both ends, points on the
// site's own edge, one-way streets walked both ways, and agreement with the point-to-point
// walking distance on a small grid.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "geo/network/road_graph.h"
#include "geo/placement/network_reach.h"
#include "geo/util/error.h"

#include "tests/placement/hand_made.h"

namespace {

using test::date_of;
using test::incident;
using test::road;

}  // namespace

TEST_CASE("The walk onto the road counts at both ends") {
    //   site (0,-20)        case (300,-10)
    //        |                  |
    //   A(0,0) -------------------------- B(1000,0)
    const auto graph = geo::build_road_graph({road("ab", {{0, 0}, {1000, 0}})});
    CHECK(geo::walking_distance_m(graph, {0, -20}, {300, -10}) == doctest::Approx(330).epsilon(1e-12));
    const std::vector<geo::XY> cases = {{300, -10}};
    CHECK(geo::points_within_walk(graph, {{0, -20}}, cases, 330.001)[0] == std::vector<std::uint32_t>{0});
    CHECK(geo::points_within_walk(graph, {{0, -20}}, cases, 329.999)[0].empty());
}

TEST_CASE("A case on the site's own road is reached along it, without going round by a node") {
    // One 1 km road; site at 100 m, case at 250 m (5 m off): 155 m, while either end node is
    // 100 m or 900 m from the site.
    const auto graph = geo::build_road_graph({road("ab", {{0, 0}, {1000, 0}})});
    CHECK(geo::points_within_walk(graph, {{100, 0}}, {{250, 5}}, 160)[0] == std::vector<std::uint32_t>{0});
    CHECK(geo::points_within_walk(graph, {{100, 0}}, {{250, 5}}, 150)[0].empty());
}

TEST_CASE("One-way streets are walked both ways") {
    //   A(0,0) ---> B(500,0) ---> C(1000,0)     one-way east; the case is west of the site
    const auto graph = geo::build_road_graph({road("ab", {{0, 0}, {500, 0}}, true), road("bc", {{500, 0}, {1000, 0}}, true)});
    CHECK(geo::points_within_walk(graph, {{900, 0}}, {{100, 0}}, 800)[0] == std::vector<std::uint32_t>{0});
    CHECK(geo::walking_distance_m(graph, {900, 0}, {100, 0}) == doctest::Approx(800).epsilon(1e-12));
}

TEST_CASE("Reach agrees with the walking distance from point to point on a grid") {
    // A 4 x 4 grid of 100 m blocks, streets meeting at shared vertices. The east-west streets
    // at y = 100 and 300 have no block between x = 100 and 200, so points either side of the
    // gap are near in a straight line and far on foot:
    //
    //   +---+---+---+---+   y = 400
    //   |   |   |   |   |
    //   +---+   +---+---+   y = 300
    //   :   :   :   :   :
    //   +---+   +---+---+   y = 100
    //   |   |   |   |   |
    //   +---+---+---+---+   y = 0
    auto vertex = [](int i, int j) { return geo::XY{100.0 * i, 100.0 * j}; };
    std::vector<geo::Road> roads;
    for (int i = 0; i <= 4; ++i)
        roads.push_back(road("ns" + std::to_string(i), {vertex(i, 0), vertex(i, 1), vertex(i, 2), vertex(i, 3), vertex(i, 4)}));
    for (int j = 0; j <= 4; ++j) {
        if (j % 2 == 1) {
            roads.push_back(road("ew-west" + std::to_string(j), {vertex(0, j), vertex(1, j)}));
            roads.push_back(road("ew-east" + std::to_string(j), {vertex(2, j), vertex(3, j), vertex(4, j)}));
        } else {
            roads.push_back(road("ew" + std::to_string(j), {vertex(0, j), vertex(1, j), vertex(2, j), vertex(3, j), vertex(4, j)}));
        }
    }
    const auto graph = geo::build_road_graph(roads);

    // Points off the streets, from a fixed linear congruential sequence (deterministic).
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
    };
    std::vector<geo::XY> sites, cases;
    for (int k = 0; k < 12; ++k) sites.push_back({400 * next(), 400 * next()});
    for (int k = 0; k < 60; ++k) cases.push_back({400 * next(), 400 * next()});
    const double radius_m = 250;
    const auto reach = geo::points_within_walk(graph, sites, cases, radius_m);
    for (std::size_t s = 0; s < sites.size(); ++s) {
        std::vector<std::uint32_t> expected;
        for (std::uint32_t i = 0; i < cases.size(); ++i)
            if (geo::walking_distance_m(graph, sites[s], cases[i]) <= radius_m) expected.push_back(i);
        CHECK(reach[s] == expected);
    }
}

TEST_CASE("Walking reach without roads is bad input") {
    CHECK_THROWS_AS(geo::points_within_walk(geo::build_road_graph({}), {{0, 0}}, {{1, 1}}, 100), geo::BadInput);
}
