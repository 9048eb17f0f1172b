#include "geo/hotspots/getis_ord.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "geo/util/error.h"

namespace geo {

double two_sided_p(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

int confidence_bin(double z, double p) {
    // ArcGIS's levels: 99%, 95%, 90%.
    const int level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.10 ? 1 : 0;
    return z > 0 ? level : z < 0 ? -level : 0;
}

std::vector<double> benjamini_hochberg(const std::vector<double>& p) {
    const std::size_t m = p.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    std::vector<double> q(m);
    double running_min = 1.0;
    for (std::size_t r = m; r-- > 0;) {  // from the largest p down: q_(i) = min_{j>=i} p_(j) m / j
        const double scaled = p[order[r]] * static_cast<double>(m) / static_cast<double>(r + 1);
        running_min = std::min(running_min, scaled);
        q[order[r]] = running_min;
    }
    return q;
}

GiStarResult getis_ord_gi_star(const std::vector<double>& values, const SpatialWeights& weights, bool fdr) {
    const std::size_t n = values.size();
    if (weights.features() != n) throw InternalError("Gi*: weights do not match the values");
    GiStarResult r;
    r.z.assign(n, 0.0);
    r.p.assign(n, 1.0);
    r.bin.assign(n, 0);
    if (n == 0) return r;

    double sum = 0, sum_sq = 0;
    for (double x : values) sum += x, sum_sq += x * x;
    const double dn = static_cast<double>(n);
    r.mean = sum / dn;
    r.sd = std::sqrt(std::max(0.0, sum_sq / dn - r.mean * r.mean));
    // Relative to the values' scale, below this S is rounding noise of equal values.
    const bool constant = r.sd <= 1e-12 * std::max(1.0, std::fabs(r.mean));

    for (std::size_t i = 0; i < n && n > 1 && !constant; ++i) {
        double wx = 0, w_sum = 0, w_sq = 0;
        for (std::size_t e = weights.offset[i]; e < weights.offset[i + 1]; ++e) {
            const double w = weights.weight[e];
            wx += w * values[weights.neighbour[e]];
            w_sum += w;
            w_sq += w * w;
        }
        const double spread = (dn * w_sq - w_sum * w_sum) / (dn - 1);
        if (!(spread > 1e-12)) continue;  // every feature is a neighbour: nothing to compare with
        r.z[i] = (wx - r.mean * w_sum) / (r.sd * std::sqrt(spread));
        r.p[i] = two_sided_p(r.z[i]);
    }
    if (fdr) r.p_fdr = benjamini_hochberg(r.p);
    const std::vector<double>& judged = fdr ? r.p_fdr : r.p;
    for (std::size_t i = 0; i < n; ++i) r.bin[i] = confidence_bin(r.z[i], judged[i]);
    return r;
}

}  // namespace geo
