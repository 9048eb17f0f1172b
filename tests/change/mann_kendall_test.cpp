// The Mann-Kendall trend test against hand-worked series, with and without ties.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/change/mann_kendall.h"

TEST_CASE("Mann-Kendall S, variance and z for a series with ties") {
    // x = 1, 2, 2, 3, 1 (n = 5). sgn(x_j − x_i) over i < j:
    //   i=1 (1): +1 +1 +1  0  = 3      i=3 (2): +1 −1 = 0
    //   i=2 (2):  0 +1 −1     = 0      i=4 (3): −1    = −1        S = 2
    // Ties: {1, 1} and {2, 2}, two groups of t = 2: t(t−1)(2t+5) = 2·1·9 = 18 each.
    // Var(S) = (5·4·15 − 18 − 18) / 18 = 264/18 = 14.6667; z = (S − 1)/√Var = 1/3.82971 = 0.261116
    const geo::MannKendall mk = geo::mann_kendall({1, 2, 2, 3, 1});
    CHECK(mk.s == 2);
    CHECK(mk.variance == doctest::Approx(264.0 / 18.0).epsilon(1e-12));
    CHECK(mk.z == doctest::Approx(1 / std::sqrt(264.0 / 18.0)).epsilon(1e-12));
    CHECK(mk.p == doctest::Approx(0.794).epsilon(1e-3));
}

TEST_CASE("Mann-Kendall on a strictly rising and a strictly falling series") {
    // 1..5: every pair rises, S = 10; Var = 5·4·15/18 = 16.6667; z = 9/√16.6667 = 2.204541.
    const geo::MannKendall up = geo::mann_kendall({1, 2, 3, 4, 5});
    CHECK(up.s == 10);
    CHECK(up.variance == doctest::Approx(300.0 / 18.0).epsilon(1e-12));
    CHECK(up.z == doctest::Approx(9 / std::sqrt(300.0 / 18.0)).epsilon(1e-12));
    CHECK(up.p == doctest::Approx(0.02749).epsilon(1e-3));
    const geo::MannKendall down = geo::mann_kendall({5, 4, 3, 2, 1});
    CHECK(down.s == -10);
    CHECK(down.z == doctest::Approx(-up.z).epsilon(1e-12));
}

TEST_CASE("Mann-Kendall finds no trend in a constant, an empty or a one-value series") {
    for (const std::vector<double>& series : {std::vector<double>{3, 3, 3, 3}, std::vector<double>{}, std::vector<double>{7}}) {
        const geo::MannKendall mk = geo::mann_kendall(series);
        CHECK(mk.s == 0);
        CHECK(mk.z == 0);
        CHECK(mk.p == 1);
    }
    // All tied: Var = (4·3·13 − 4·3·13)/18 = 0.
    CHECK(geo::mann_kendall({3, 3, 3, 3}).variance == 0);
}
