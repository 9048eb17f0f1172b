#pragma once
// Is this week's count more than chance against last week's (or this year's against last
// year's)? The conditional test for two Poisson counts (Przyborowski & Wilenski 1940, "the
// C-test"): given n = x1 + x2 events, under "same rate" x1 is Binomial(n, t1 / (t1 + t2)), t
// being each period's length. Exact, from log-gamma; two-sided by summing the probabilities of
// outcomes no more likely than the one observed. What the weekly review (会商) marks as a
// significant rise or fall, and names in its footnote.
#include <cstdint>

namespace geo {

struct PoissonComparison {
    std::int64_t current = 0, previous = 0;
    double rate_ratio = 0;   // (current / t1) / (previous / t2); +inf when previous is 0 and current > 0
    double p_value = 1;      // two-sided
    bool significant_rise = false;  // p < alpha and current rate above the previous
    bool significant_fall = false;
};

// `current_length` and `previous_length` in any unit (weeks): 1 and 1 for week on week, 4 and 4
// for four weeks on the four before. alpha: 0.05 unless said.
PoissonComparison compare_poisson_counts(std::int64_t current, std::int64_t previous, double current_length = 1,
                                         double previous_length = 1, double alpha = 0.05);

}  // namespace geo
