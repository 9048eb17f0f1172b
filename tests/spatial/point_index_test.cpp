// PointIndex: the shared grid of points behind banner reach, visit priorities and coverage.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "geo/spatial/point_index.h"

using geo::PointIndex;
using geo::XY;

namespace {

std::vector<std::uint32_t> within(const PointIndex& index, XY p, double r) {
    std::vector<std::uint32_t> out;
    index.within(p, r, [&](std::uint32_t i, double) { out.push_back(i); });
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("within finds exactly the points a scan of all of them finds") {
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> coord(-5000, 5000);
    std::vector<XY> points;
    for (int k = 0; k < 2000; ++k) points.push_back({500000 + coord(rng), 3200000 + coord(rng)});
    for (double cell : {37.0, 300.0, 5000.0}) {
        const PointIndex index(points, cell);
        for (int q = 0; q < 50; ++q) {
            const XY p{500000 + coord(rng), 3200000 + coord(rng)};
            for (double r : {0.0, 120.0, 800.0, 20000.0}) {
                std::vector<std::uint32_t> scan;
                for (std::uint32_t i = 0; i < points.size(); ++i)
                    if (std::hypot(points[i].x - p.x, points[i].y - p.y) <= r) scan.push_back(i);
                CHECK(within(index, p, r) == scan);
            }
        }
    }
}

TEST_CASE("Points and queries that are not finite or out of range are never found, never undefined") {
    const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<XY> points = {{0, 0}, {nan, 5}, {inf, 0}, {1e300, 1e300}, {-1e300, 3}, {10, 10}};
    const PointIndex index(points, 100);
    CHECK(within(index, {0, 0}, 50) == std::vector<std::uint32_t>{0, 5});
    CHECK(within(index, {nan, 0}, 50).empty());
    CHECK(within(index, {0, inf}, 50).empty());
    CHECK(within(index, {0, 0}, nan).empty());
    CHECK(within(index, {0, 0}, -1).empty());
    // A huge radius finds every indexed point (the far ones were never indexed).
    CHECK(within(index, {0, 0}, 1e12) == std::vector<std::uint32_t>{0, 5});
    CHECK(within(index, {0, 0}, inf) == std::vector<std::uint32_t>{0, 5});
}
