// The exact grid density: equal to a direct sum over the points at every cell centre, the same
// for any thread count, unit density per point, and refusing a bad bandwidth or grid.
#include "geo/density/kde.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

#include "geo/util/error.h"

namespace {

using geo::Kernel;
constexpr Kernel all_kernels[] = {Kernel::quartic, Kernel::triangular, Kernel::uniform, Kernel::epanechnikov,
                                  Kernel::gaussian};

std::vector<geo::WeightedPoint> random_points(int n, const geo::Envelope& box, bool weighted, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> x(box.min_x, box.max_x), y(box.min_y, box.max_y), w(0.1, 5.0);
    std::vector<geo::WeightedPoint> out;
    for (int i = 0; i < n; ++i) out.push_back({{x(rng), y(rng)}, weighted ? w(rng) : 1.0});
    return out;
}

double direct(const std::vector<geo::WeightedPoint>& points, Kernel kernel, double h, const geo::Grid& g, int col, int row) {
    return geo::direct_density_per_km2(points, kernel, h, {g.centre_x(col), g.centre_y(row)});
}

}  // namespace

TEST_CASE("A point at a cell centre gives K(0) there and K(d) at its neighbours, per km²") {
    // 9 x 9 cells of 50 m; the point at the centre of cell (4, 4).
    const geo::Grid g{{0, 0}, 50, 9, 9};
    const std::vector<geo::WeightedPoint> point{{{225, 225}, 1.0}};
    const double h = 100;
    const auto values = geo::kernel_density_per_km2(point, Kernel::quartic, h, g);
    const double k0 = 3 / (std::numbers::pi * h * h) * 1e6;
    CHECK(values[4 * 9 + 4] == doctest::Approx(k0).epsilon(1e-14));
    CHECK(values[4 * 9 + 5] == doctest::Approx(k0 * 0.5625).epsilon(1e-14));  // 50 m = h/2 east
    CHECK(values[3 * 9 + 4] == doctest::Approx(k0 * 0.5625).epsilon(1e-14));  // 50 m north
    CHECK(values[4 * 9 + 6] == 0.0);                                         // 100 m = h: outside
    CHECK(values[3 * 9 + 5] == doctest::Approx(k0 * 0.25).epsilon(1e-14));   // √2·50 m: q = 1/2
}

TEST_CASE("The grid equals a direct sum over every point at every cell centre (all kernels, weights)") {
    // Points spill 300 m past the grid on every side: those outside count too.
    const geo::Grid g{{1000, 2000}, 37.5, 53, 41};
    const auto points = random_points(400, g.extent().grown(300), true, 7);
    for (const Kernel kernel : all_kernels) {
        for (const double h : {60.0, 250.0}) {
            CAPTURE(geo::name_of(kernel));
            CAPTURE(h);
            const auto values = geo::kernel_density_per_km2(points, kernel, h, g);
            const double peak = *std::max_element(values.begin(), values.end());
            REQUIRE(peak > 0);
            double worst = 0;
            for (int row = 0; row < g.height; ++row)
                for (int col = 0; col < g.width; ++col) {
                    const double expected = direct(points, kernel, h, g, col, row);
                    const double got = values[static_cast<std::size_t>(row * g.width + col)];
                    worst = std::max(worst, std::abs(got - expected) / std::max(std::abs(expected), 1e-3 * peak));
                }
            CHECK(worst <= 1e-9);
        }
    }
}

TEST_CASE("The surface is bit-for-bit the same for any number of threads") {
    const geo::Grid g{{0, 0}, 10, 173, 91};
    const auto points = random_points(5000, g.extent().grown(100), true, 11);
    for (const Kernel kernel : {Kernel::quartic, Kernel::gaussian, Kernel::triangular}) {
        CAPTURE(geo::name_of(kernel));
        const auto one = geo::kernel_density_per_km2(points, kernel, 120, g, {1, geo::SimdLevel::best, {}});
        for (const unsigned threads : {2u, 3u, 8u}) {
            CAPTURE(threads);
            CHECK(geo::kernel_density_per_km2(points, kernel, 120, g, {threads, geo::SimdLevel::best, {}}) == one);
        }
    }
}

TEST_CASE("The surface is bit-for-bit the same with AVX-512, AVX2 and SSE2 (no fused multiply-add)") {
    // Levels this CPU lacks fall back to the next one down, so this holds on any machine.
    const geo::Grid g{{0, 0}, 10, 97, 45};
    for (const bool weighted : {false, true}) {
        const auto points = random_points(3000, g.extent().grown(100), weighted, 13);
        for (const Kernel kernel : all_kernels) {
            CAPTURE(geo::name_of(kernel));
            CAPTURE(weighted);
            const auto sse2 = geo::kernel_density_per_km2(points, kernel, 85, g, {1, geo::SimdLevel::sse2, {}});
            CHECK(geo::kernel_density_per_km2(points, kernel, 85, g, {1, geo::SimdLevel::avx2, {}}) == sse2);
            CHECK(geo::kernel_density_per_km2(points, kernel, 85, g, {1, geo::SimdLevel::avx512, {}}) == sse2);
            CHECK(geo::kernel_density_per_km2(points, kernel, 85, g) == sse2);
        }
    }
}

TEST_CASE("Each point's density sums to its weight over a fine grid") {
    // Cells of 2 m under a 200 m kernel: Σ value · cell area (km²) ≈ weight.
    const geo::Grid g{{-250, -250}, 2, 250, 250};
    const std::vector<geo::WeightedPoint> point{{{3.3, -7.1}, 2.5}};
    for (const Kernel kernel : {Kernel::quartic, Kernel::epanechnikov, Kernel::triangular}) {
        CAPTURE(geo::name_of(kernel));
        const auto values = geo::kernel_density_per_km2(point, kernel, 200, g);
        double mass = 0;
        for (const double v : values) mass += v * (g.cell_m * g.cell_m / 1e6);
        CHECK(mass == doctest::Approx(2.5).epsilon(1e-4));
    }
}

TEST_CASE("Non-finite points and zero weights add nothing") {
    const geo::Grid g{{0, 0}, 10, 20, 20};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<geo::WeightedPoint> points{{{100, 100}, 1.0}, {{nan, 100}, 1.0}, {{50, 50}, 0.0}};
    const std::vector<geo::WeightedPoint> only{{{100, 100}, 1.0}};
    CHECK(geo::kernel_density_per_km2(points, Kernel::quartic, 40, g) == geo::kernel_density_per_km2(only, Kernel::quartic, 40, g));
}

TEST_CASE("Progress reaches every row, on the calling thread, in order") {
    const geo::Grid g{{0, 0}, 10, 30, 57};
    const auto points = random_points(200, g.extent(), false, 3);
    for (const unsigned threads : {1u, 2u}) {
        std::vector<int> seen;
        geo::KdeRun run{threads, geo::SimdLevel::best, [&seen](int done, int total) {
                            CHECK(total == 57);
                            seen.push_back(done);
                        }};
        geo::kernel_density_per_km2(points, Kernel::quartic, 50, g, run);
        REQUIRE_FALSE(seen.empty());
        CHECK(seen.back() == 57);
        CHECK(std::is_sorted(seen.begin(), seen.end()));
    }
}

TEST_CASE("A progress callback that throws cancels the computation") {
    const geo::Grid g{{0, 0}, 10, 30, 400};
    const auto points = random_points(500, g.extent(), false, 5);
    struct Cancelled {};
    for (const unsigned threads : {1u, 2u}) {
        CAPTURE(threads);
        int calls = 0;
        geo::KdeRun run{threads, geo::SimdLevel::best, [&calls](int, int) {
                            ++calls;
                            throw Cancelled{};
                        }};
        CHECK_THROWS_AS(geo::kernel_density_per_km2(points, Kernel::quartic, 50, g, run), Cancelled);
        CHECK(calls == 1);
    }
}

TEST_CASE("A bandwidth or grid that is not positive is bad input") {
    const geo::Grid g{{0, 0}, 10, 5, 5};
    const std::vector<geo::WeightedPoint> points{{{20, 20}, 1.0}};
    CHECK_THROWS_AS(geo::kernel_density_per_km2(points, Kernel::quartic, 0, g), geo::BadInput);
    CHECK_THROWS_AS(geo::kernel_density_per_km2(points, Kernel::quartic, -5, g), geo::BadInput);
    CHECK_THROWS_AS(geo::kernel_density_per_km2(points, Kernel::quartic, std::numeric_limits<double>::infinity(), g),
                    geo::BadInput);
    CHECK_THROWS_AS(geo::kernel_density_per_km2(points, Kernel::quartic, 50, geo::Grid{{0, 0}, 0, 5, 5}), geo::BadInput);
    CHECK_THROWS_AS(geo::kernel_density_per_km2(points, Kernel::quartic, 50, geo::Grid{{0, 0}, 10, 0, 5}), geo::BadInput);
}
