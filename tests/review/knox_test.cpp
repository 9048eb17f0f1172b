// The Knox test: the observed table against a brute-force count over every pair of a small
// literal fixture; the Monte Carlo p-values repeat for a seed and flag a planted near repeat.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <random>

#include "geo/review/knox.h"

using namespace geo;
using namespace std::chrono_literals;

namespace {

Timestamp day(double d) { return Timestamp{std::chrono::seconds(static_cast<std::int64_t>(1'609'459'200 + d * 86400))}; }

std::size_t band(double v, const std::vector<double>& bands) {
    std::size_t i = 0;
    while (i < bands.size() && v > bands[i]) ++i;
    return i;
}

}  // namespace

TEST_CASE("Knox: observed pairs per distance and time band equal a brute-force count") {
    // Ten cases: two tight repeats (A, B), a pair on a band's edge, and some far apart.
    const std::vector<XY> points = {{0, 0},    {30, 40},  {60, 0},   {1000, 1000}, {1000, 1100},
                                    {1400, 1000}, {5000, 0}, {5100, 0}, {9000, 9000}, {0, 200}};
    const std::vector<Timestamp> times = {day(0), day(3), day(7), day(10), day(17), day(40), day(41), day(100), day(5), day(14)};
    KnoxOptions o;
    o.distance_bands_m = {50, 100, 200, 400};
    o.time_bands_days = {7, 14, 30};
    o.permutations = 49;
    const KnoxTable t = knox_test(points, times, o);
    REQUIRE(t.cells.size() == 5);
    REQUIRE(t.cells[0].size() == 4);
    std::vector<std::vector<std::int64_t>> brute(5, std::vector<std::int64_t>(4, 0));
    for (std::size_t a = 0; a < points.size(); ++a)
        for (std::size_t b = a + 1; b < points.size(); ++b) {
            const double d = std::hypot(points[a].x - points[b].x, points[a].y - points[b].y);
            const double dt = std::fabs(std::chrono::duration<double>(times[a] - times[b]).count()) / 86400;
            ++brute[band(d, o.distance_bands_m)][band(dt, o.time_bands_days)];
        }
    std::int64_t total = 0;
    for (std::size_t r = 0; r < 5; ++r)
        for (std::size_t c = 0; c < 4; ++c) {
            CAPTURE(r);
            CAPTURE(c);
            CHECK(t.cells[r][c].observed == brute[r][c]);
            total += t.cells[r][c].observed;
        }
    CHECK(total == 45);  // 10 choose 2
    // Edges are inside their band: (0,0)-(30,40) is 50 m apart, 3 days; (0,0)-(60,0) 60 m, 7 days.
    CHECK(brute[0][0] >= 1);
    CHECK(brute[1][0] >= 1);
}

TEST_CASE("Knox: p-values repeat for a seed and flag planted near repeats") {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> where(0, 5000), when(0, 365);
    std::vector<XY> points;
    std::vector<Timestamp> times;
    for (int k = 0; k < 300; ++k) {
        points.push_back({where(rng), where(rng)});
        times.push_back(day(when(rng)));
    }
    // 40 follow-ups within 100 m and 7 days of an earlier case: the near repeat.
    std::uniform_real_distribution<double> near(-60, 60), soon(0.5, 6);
    for (int k = 0; k < 40; ++k) {
        const std::size_t origin = static_cast<std::size_t>(k) * 7;
        points.push_back({points[origin].x + near(rng), points[origin].y + near(rng)});
        times.push_back(times[origin] + std::chrono::seconds(static_cast<std::int64_t>(soon(rng) * 86400)));
    }
    KnoxOptions o;
    o.distance_bands_m = {100, 400, 1000};
    o.time_bands_days = {7, 30};
    o.permutations = 199;
    const KnoxTable a = knox_test(points, times, o), b = knox_test(points, times, o);
    for (std::size_t r = 0; r < a.cells.size(); ++r)
        for (std::size_t c = 0; c < a.cells[r].size(); ++c) CHECK(a.cells[r][c].p_value == b.cells[r][c].p_value);
    CHECK(a.cells[0][0].p_value <= 0.01);  // close in space and time: far above chance
    CHECK(a.cells[0][0].ratio > 3);
    CHECK(a.cells[2][2].p_value > 0.05);   // 400-1000 m, over 30 days: chance
    o.seed = 7;
    const KnoxTable other_seed = knox_test(points, times, o);
    CHECK(other_seed.cells[0][0].observed == a.cells[0][0].observed);  // observed does not depend on it
}
