#include "geo/review/poisson_test.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "geo/util/error.h"

namespace geo {
namespace {

double log_binomial_pmf(std::int64_t k, std::int64_t n, double p) {
    if (p <= 0) return k == 0 ? 0.0 : -std::numeric_limits<double>::infinity();
    if (p >= 1) return k == n ? 0.0 : -std::numeric_limits<double>::infinity();
    const double dk = static_cast<double>(k), dn = static_cast<double>(n);
    return std::lgamma(dn + 1) - std::lgamma(dk + 1) - std::lgamma(dn - dk + 1) + dk * std::log(p) + (dn - dk) * std::log1p(-p);
}

}  // namespace

PoissonComparison compare_poisson_counts(std::int64_t current, std::int64_t previous, double current_length,
                                         double previous_length, double alpha) {
    if (current < 0 || previous < 0) throw InternalError("compare_poisson_counts: a negative count");
    if (!(current_length > 0) || !(previous_length > 0)) throw InternalError("compare_poisson_counts: a period of no length");
    PoissonComparison out;
    out.current = current;
    out.previous = previous;
    const double r1 = static_cast<double>(current) / current_length, r2 = static_cast<double>(previous) / previous_length;
    out.rate_ratio = previous > 0 ? r1 / r2 : (current > 0 ? std::numeric_limits<double>::infinity() : 1.0);
    const std::int64_t n = current + previous;
    if (n == 0) return out;  // nothing happened in either: no evidence of change
    const double p = current_length / (current_length + previous_length);
    // Two-sided: the outcomes no more likely than the observed one (with a relative tolerance,
    // as R's binom.test does, so ties of equal probability count).
    const double observed = log_binomial_pmf(current, n, p);
    const double tolerance = 1e-7;
    double sum = 0;
    for (std::int64_t k = 0; k <= n; ++k) {
        const double lp = log_binomial_pmf(k, n, p);
        if (lp <= observed + std::log1p(tolerance)) sum += std::exp(lp);
    }
    out.p_value = std::min(1.0, sum);
    const bool significant = out.p_value < alpha;
    out.significant_rise = significant && r1 > r2;
    out.significant_fall = significant && r1 < r2;
    return out;
}

}  // namespace geo
