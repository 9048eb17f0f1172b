// The two-Poisson comparison against the exact binomial tail computed independently (Python,
// math.comb over every outcome; the same definition as R's binom.test).
#include <doctest/doctest.h>

#include <cmath>

#include "geo/review/poisson_test.h"

using geo::compare_poisson_counts;

TEST_CASE("Two counts over equal periods: exact binomial p-values") {
    // binom.test(20, 30, 0.5)$p.value = 0.09873715
    auto c = compare_poisson_counts(20, 10);
    CHECK(c.p_value == doctest::Approx(0.09873715).epsilon(1e-6));
    CHECK_FALSE(c.significant_rise);
    CHECK(c.rate_ratio == doctest::Approx(2.0));
    // binom.test(30, 40, 0.5)$p.value = 0.0022214338
    c = compare_poisson_counts(30, 10);
    CHECK(c.p_value == doctest::Approx(0.0022214338).epsilon(1e-6));
    CHECK(c.significant_rise);
    CHECK_FALSE(c.significant_fall);
    // A fall: binom.test(5, 25, 0.5)$p.value = 0.0040773153
    c = compare_poisson_counts(5, 20);
    CHECK(c.p_value == doctest::Approx(0.0040773153).epsilon(1e-6));
    CHECK(c.significant_fall);
    // Equal counts: p = 1.
    CHECK(compare_poisson_counts(12, 12).p_value == doctest::Approx(1.0));
}

TEST_CASE("Periods of different length, and the edges") {
    // Four weeks against 52: binom.test(10, 40, 4/56)$p.value = 0.00039857805
    const auto c = compare_poisson_counts(10, 30, 4, 52);
    CHECK(c.p_value == doctest::Approx(0.00039857805).epsilon(1e-6));
    CHECK(c.significant_rise);
    CHECK(compare_poisson_counts(0, 0).p_value == 1.0);
    const auto from_nothing = compare_poisson_counts(6, 0);
    CHECK(std::isinf(from_nothing.rate_ratio));
    // binom.test(6, 6, 0.5)$p.value = 0.03125
    CHECK(from_nothing.p_value == doctest::Approx(0.03125));
    CHECK(from_nothing.significant_rise);
}
