#pragma once
// The Mann-Kendall test for a monotonic trend in a series (weekly counts of a cell).
// Mann, H. B. (1945) "Nonparametric tests against trend", Econometrica 13(3);
// Kendall, M. G. (1975) Rank Correlation Methods, 4th ed., Griffin.
//
//   S = Σ_{i<j} sgn(x_j − x_i)
//   Var(S) = [ n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5) ] / 18
//            (t_g: the size of each group of tied values; counts tie a lot, so this matters)
//   z = (S − 1)/√Var(S) for S > 0, 0 for S = 0, (S + 1)/√Var(S) for S < 0 (continuity correction)
//   p = two-sided normal p-value of z.
#include <vector>

namespace geo {

struct MannKendall {
    double s = 0;
    double variance = 0;  // of S under no trend, ties corrected
    double z = 0;         // 0 when the variance is 0 (fewer than 2 values, or all equal)
    double p = 1;
};

MannKendall mann_kendall(const std::vector<double>& series);

}  // namespace geo
