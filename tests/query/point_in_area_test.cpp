// Which neighbourhood a point lies in: holes, shared edges, multipolygons, and a million points
// over the sample district.
#include "geo/spatial/point_in_area.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"

namespace {

// Counter-clockwise square, closed.
geo::Polygon square(double x0, double y0, double x1, double y1) {
    return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}};
}

geo::Neighbourhood neighbourhood(const char* id, geo::MultiPolygon area) {
    geo::Neighbourhood n;
    n.id = id;
    n.area = std::move(area);
    return n;
}

//  y
//  100 +---------+---------+         +---------+
//      | A       | B       |         | C       |
//      |  +---+  |         |         |         |
//      |  | h |  |         |         |         |
//      |  +---+  |         |         |         |
//    0 +---------+---------+         +---------+
//      |   C'    |
// -100 +---------+
//      0  40 60 100       200       300       400   x (metres)
//
// A has a hole h (40..60 square). B is wound clockwise. C is a multipolygon: the square on the
// right and C' below A.
geo::District three_squares() {
    geo::District d;
    geo::Polygon a = square(0, 0, 100, 100);
    a.holes.push_back({{40, 40}, {40, 60}, {60, 60}, {60, 40}, {40, 40}});
    geo::Polygon b = square(100, 0, 200, 100);
    std::reverse(b.outer.begin(), b.outer.end());
    d.neighbourhoods = {neighbourhood("A", {a}), neighbourhood("B", {b}),
                        neighbourhood("C", {square(300, 0, 400, 100), square(0, -100, 100, 0)})};
    return d;
}

// Even-odd ray casting, independent of the code under test; points on an edge go either way.
bool inside_ring(const geo::Ring& ring, const geo::XY& p) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const geo::XY& a = ring[i];
        const geo::XY& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            in = !in;
    }
    return in;
}

std::int32_t brute_force(const geo::District& d, const geo::XY& p) {
    for (std::size_t n = 0; n < d.neighbourhoods.size(); ++n) {
        for (const geo::Polygon& polygon : d.neighbourhoods[n].area) {
            if (!inside_ring(polygon.outer, p)) continue;
            if (std::none_of(polygon.holes.begin(), polygon.holes.end(),
                             [&](const geo::Ring& hole) { return inside_ring(hole, p); }))
                return static_cast<std::int32_t>(n);
        }
    }
    return -1;
}

// A ring of `vertices` points at radius radius_m(θ) around the origin, counter-clockwise, closed.
template <class Radius>
geo::Ring star(int vertices, Radius radius_m) {
    geo::Ring ring;
    for (int k = 0; k < vertices; ++k) {
        const double theta = 2 * std::numbers::pi * k / vertices;
        ring.push_back({radius_m(theta) * std::cos(theta), radius_m(theta) * std::sin(theta)});
    }
    const geo::XY first = ring.front();
    ring.push_back(first);
    return ring;
}

//  (-2000, 2000) +-------------------------------+ (2000, 2000)
//                |  frame       .-^-.            |
//                |       .-^-._/     \_.-^-.     |   star: r = 1000 + 300 sin 7θ m,
//                |      <      star  .-.    >    |         4,000 vertices, with a hole
//                |       >          (core)  <    |         of r = 300 m (1,000 vertices)
//                |      <            '-'     >   |   core: fills the star's hole
//                |       '-v-'\_     _/'-v-'     |   frame: the square less the star
//                |             '-v-'             |
// (-2000, -2000) +-------------------------------+
// Detailed boundaries, where covered_by alone would cost thousands of vertex tests per point.
geo::District detailed() {
    const geo::Ring outer = star(4000, [](double theta) { return 1000 + 300 * std::sin(7 * theta); });
    const geo::Ring hole = star(1000, [](double) { return 300.0; });
    geo::District d;
    d.neighbourhoods = {neighbourhood("star", {geo::Polygon{outer, {hole}}}),
                        neighbourhood("frame", {geo::Polygon{square(-2000, -2000, 2000, 2000).outer, {outer}}}),
                        neighbourhood("core", {geo::Polygon{hole, {}}})};
    return d;
}

}  // namespace

TEST_CASE("points are assigned to the neighbourhood whose area holds them") {
    const geo::District d = three_squares();
    const std::vector<geo::XY> points = {
        {20, 20},    // A
        {150, 50},   // B (clockwise ring)
        {350, 50},   // C, first part
        {50, -50},   // C, second part
        {250, 50},   // between B and C
        {50, 150},   // north of everything
    };
    CHECK(geo::neighbourhood_of_points(d, points) == std::vector<std::int32_t>{0, 1, 2, 2, -1, -1});
}

TEST_CASE("a point in a hole is in no neighbourhood, and one on the hole's edge is in the area") {
    const geo::District d = three_squares();
    CHECK(geo::neighbourhood_of_points(d, {{50, 50}, {45, 55}, {40, 50}, {60, 60}}) ==
          std::vector<std::int32_t>{-1, -1, 0, 0});
}

TEST_CASE("a point on a shared edge goes to the lower-indexed neighbourhood, once") {
    const geo::District d = three_squares();
    // (100, 50) is on A|B; (50, 0) on A|C'; (100, 0) is a corner of A, B and C'.
    CHECK(geo::neighbourhood_of_points(d, {{100, 50}, {50, 0}, {100, 0}, {200, 50}, {0, 0}}) ==
          std::vector<std::int32_t>{0, 0, 0, 1, 0});
}

TEST_CASE("non-finite points and districts without areas give -1") {
    const geo::District d = three_squares();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    constexpr double inf = std::numeric_limits<double>::infinity();
    CHECK(geo::neighbourhood_of_points(d, {{nan, 50}, {20, inf}}) == std::vector<std::int32_t>{-1, -1});
    CHECK(geo::neighbourhood_of_points(geo::District{}, {{20, 20}}) == std::vector<std::int32_t>{-1});
    CHECK(geo::neighbourhood_of_points(d, {}).empty());
}

TEST_CASE("incidents are assigned in their own order") {
    geo::District d = three_squares();
    for (geo::XY p : {geo::XY{150, 50}, geo::XY{50, 50}, geo::XY{20, 80}}) {
        geo::Incident i;
        i.location = p;
        d.incidents.push_back(i);
    }
    CHECK(geo::neighbourhood_of_incidents(d) == std::vector<std::int32_t>{1, -1, 0});
}

TEST_CASE("detailed boundaries give the same answers as ray casting, vertices included") {
    const geo::District d = detailed();
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> coordinate(-2200, 2200);
    std::vector<geo::XY> points(20'000);
    for (geo::XY& p : points) p = {coordinate(random), coordinate(random)};
    const std::vector<std::int32_t> assigned = geo::neighbourhood_of_points(d, points);
    std::array<int, 3> seen{};
    for (std::size_t k = 0; k < points.size(); ++k) {
        INFO("point ", k, " at ", points[k].x, ", ", points[k].y);
        REQUIRE(assigned[k] == brute_force(d, points[k]));
        if (assigned[k] >= 0) ++seen[static_cast<std::size_t>(assigned[k])];
    }
    CHECK(seen[0] > 1000);
    CHECK(seen[1] > 1000);
    CHECK(seen[2] > 100);
    // A small batch skips the cell grids (they would cost more than they save): same answers.
    const std::vector<geo::XY> few(points.begin(), points.begin() + 500);
    CHECK(geo::neighbourhood_of_points(d, few) ==
          std::vector<std::int32_t>(assigned.begin(), assigned.begin() + 500));

    // Every vertex of the star, outside and in its hole, is on the star's boundary: the star
    // has the lowest index of the neighbourhoods sharing it.
    const geo::Polygon& star_area = d.neighbourhoods[0].area[0];
    std::vector<geo::XY> vertices(star_area.outer.begin(), star_area.outer.end());
    vertices.insert(vertices.end(), star_area.holes[0].begin(), star_area.holes[0].end());
    const auto on_edge = geo::neighbourhood_of_points(d, vertices);
    CHECK(std::count(on_edge.begin(), on_edge.end(), 0) == static_cast<long>(vertices.size()));
    const std::vector<geo::XY> few_vertices(vertices.begin(), vertices.begin() + 100);
    CHECK(geo::neighbourhood_of_points(d, few_vertices) == std::vector<std::int32_t>(100, 0));
    CHECK(geo::neighbourhood_of_points(d, {{2000, 2000}, {-2000, 0}, {2000.001, 0}}) ==
          std::vector<std::int32_t>{1, 1, -1});
}

TEST_CASE("a million points against detailed boundaries agree with ray casting (grid fast path)") {
    const geo::District d = detailed();
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> coordinate(-2200, 2200);
    std::vector<geo::XY> points(1'000'000);
    for (geo::XY& p : points) p = {coordinate(random), coordinate(random)};
    const std::vector<std::int32_t> assigned = geo::neighbourhood_of_points(d, points);
    REQUIRE(assigned.size() == points.size());
    for (std::size_t k = 0; k < 2'000; ++k) REQUIRE(assigned[k] == brute_force(d, points[k]));
}

TEST_CASE("a million points over the sample district agree with ray casting") {
    const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    geo::Envelope extent;
    for (const auto& n : d.neighbourhoods) extent.expand(geo::envelope_of(n.area));
    extent = extent.grown(500);

    std::mt19937_64 random(20210101);
    std::uniform_real_distribution<double> x(extent.min_x, extent.max_x);
    std::uniform_real_distribution<double> y(extent.min_y, extent.max_y);
    std::vector<geo::XY> points(1'000'000);
    for (geo::XY& p : points) p = {x(random), y(random)};

    const std::vector<std::int32_t> assigned = geo::neighbourhood_of_points(d, points);

    REQUIRE(assigned.size() == points.size());
    const auto outside = std::count(assigned.begin(), assigned.end(), -1);
    CHECK(outside > 0);
    CHECK(outside < 500'000);
    // The first 20,000 agree with ray casting (random doubles never land on an edge).
    for (std::size_t k = 0; k < 20'000; ++k) {
        INFO("point ", k, " at ", points[k].x, ", ", points[k].y);
        REQUIRE(assigned[k] == brute_force(d, points[k]));
    }
}
