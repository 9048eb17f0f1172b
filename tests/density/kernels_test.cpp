// Kernels: each integrates to 1 over the plane, takes the documented values at known distances,
// and is found by name.
#include "geo/density/kernels.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "geo/density/heatmap.h"
#include "geo/util/error.h"

namespace {

using geo::Kernel;
using std::numbers::pi;

constexpr Kernel all_kernels[] = {Kernel::quartic, Kernel::triangular, Kernel::uniform, Kernel::epanechnikov,
                                  Kernel::gaussian};

// ∫∫ K dA by the midpoint rule on a grid of n×n cells over the quadrant [0, h]², times 4.
double integral_over_plane(Kernel kernel, double h, int n) {
    const double step = h / n;
    double sum = 0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double x = (i + 0.5) * step, y = (j + 0.5) * step;
            sum += geo::kernel_value_per_m2(kernel, std::hypot(x, y), h);
        }
    return 4 * sum * step * step;
}

}  // namespace

TEST_CASE("Every kernel integrates to 1 over the plane (per square metre)") {
    for (const Kernel kernel : all_kernels) {
        CAPTURE(geo::name_of(kernel));
        // 2000 x 2000 cells over a quadrant of a 300 m disc: cells of 15 cm.
        CHECK(integral_over_plane(kernel, 300.0, 2000) == doctest::Approx(1.0).epsilon(1e-4));
    }
}

TEST_CASE("Kernel values at d = 0, h/2 and h") {
    const double h = 300;
    const double h2 = h * h;
    CHECK(geo::kernel_value_per_m2(Kernel::quartic, 0, h) == doctest::Approx(3 / (pi * h2)).epsilon(1e-14));
    CHECK(geo::kernel_value_per_m2(Kernel::quartic, h / 2, h) == doctest::Approx(3 / (pi * h2) * 0.5625).epsilon(1e-14));
    CHECK(geo::kernel_value_per_m2(Kernel::triangular, 0, h) == doctest::Approx(3 / (pi * h2)).epsilon(1e-14));
    CHECK(geo::kernel_value_per_m2(Kernel::triangular, h / 2, h) == doctest::Approx(3 / (pi * h2) * 0.5).epsilon(1e-14));
    CHECK(geo::kernel_value_per_m2(Kernel::uniform, 0, h) == doctest::Approx(1 / (pi * h2)).epsilon(1e-14));
    CHECK(geo::kernel_value_per_m2(Kernel::uniform, h / 2, h) == doctest::Approx(1 / (pi * h2)).epsilon(1e-14));
    CHECK(geo::kernel_value_per_m2(Kernel::epanechnikov, 0, h) == doctest::Approx(2 / (pi * h2)).epsilon(1e-14));
    CHECK(geo::kernel_value_per_m2(Kernel::epanechnikov, h / 2, h) == doctest::Approx(2 / (pi * h2) * 0.75).epsilon(1e-14));
    // Gaussian: σ = h/3, renormalised over the 3σ disc.
    const double sigma = h / 3;
    const double g0 = 1 / (2 * pi * sigma * sigma * (1 - std::exp(-4.5)));
    CHECK(geo::kernel_value_per_m2(Kernel::gaussian, 0, h) == doctest::Approx(g0).epsilon(1e-14));
    CHECK(geo::kernel_value_per_m2(Kernel::gaussian, h / 2, h) ==
          doctest::Approx(g0 * std::exp(-(h / 2) * (h / 2) / (2 * sigma * sigma))).epsilon(1e-14));
    // The support is d < h: every kernel is 0 at and beyond the bandwidth.
    for (const Kernel kernel : all_kernels) {
        CAPTURE(geo::name_of(kernel));
        CHECK(geo::kernel_value_per_m2(kernel, h, h) == 0.0);
        CHECK(geo::kernel_value_per_m2(kernel, 2 * h, h) == 0.0);
    }
}

TEST_CASE("Kernels are found by name; biweight is quartic") {
    CHECK(geo::parse_kernel("quartic") == Kernel::quartic);
    CHECK(geo::parse_kernel("biweight") == Kernel::quartic);
    CHECK(geo::parse_kernel("gaussian") == Kernel::gaussian);
    CHECK_FALSE(geo::parse_kernel("Quartic").has_value());
    for (const Kernel kernel : all_kernels) CHECK(geo::parse_kernel(geo::name_of(kernel)) == kernel);
    CHECK(geo::allowed_kernel_names() == "quartic, triangular, uniform, epanechnikov or gaussian");
}

TEST_CASE("An unknown --kernel is bad input naming the flag") {
    CHECK(geo::parse_kernel_flag("epanechnikov") == Kernel::epanechnikov);
    CHECK_THROWS_WITH_AS(geo::parse_kernel_flag("cosine"), doctest::Contains("--kernel 'cosine'"), geo::BadInput);
}
