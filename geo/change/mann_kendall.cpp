#include "geo/change/mann_kendall.h"

#include <algorithm>
#include <cmath>

#include "geo/hotspots/getis_ord.h"

namespace geo {

MannKendall mann_kendall(const std::vector<double>& series) {
    MannKendall r;
    const std::size_t n = series.size();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            r.s += (series[j] > series[i]) - (series[j] < series[i]);

    const auto group_term = [](double t) { return t * (t - 1) * (2 * t + 5); };
    std::vector<double> sorted = series;
    std::sort(sorted.begin(), sorted.end());
    double ties = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && sorted[j] == sorted[i]) ++j;
        ties += group_term(static_cast<double>(j - i));
        i = j;
    }
    r.variance = (group_term(static_cast<double>(n)) - ties) / 18.0;
    if (r.variance > 0 && r.s != 0) {
        r.z = (r.s > 0 ? r.s - 1 : r.s + 1) / std::sqrt(r.variance);
        r.p = two_sided_p(r.z);
    }
    return r;
}

}  // namespace geo
