#include "geo/evaluate/hit_rate.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "geo/util/error.h"

namespace geo {

std::vector<std::size_t> top_cells(const std::vector<double>& predicted, std::size_t m) {
    std::vector<std::size_t> order(predicted.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    m = std::min(m, order.size());
    // Strict weak order: higher value first, then lower index. NaN ranks last.
    const auto before = [&](std::size_t a, std::size_t b) {
        const double va = std::isnan(predicted[a]) ? -INFINITY : predicted[a];
        const double vb = std::isnan(predicted[b]) ? -INFINITY : predicted[b];
        return va != vb ? va > vb : a < b;
    };
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(m), order.end(), before);
    order.resize(m);
    return order;
}

AreaShareScore score_area_share(const std::vector<double>& predicted, const std::vector<std::size_t>& observed,
                                double area_share) {
    if (predicted.size() != observed.size()) throw InternalError("score_area_share: one prediction per cell expected");
    if (!(area_share > 0 && area_share <= 1)) throw InternalError("score_area_share: area share outside (0, 1]");
    AreaShareScore s;
    s.area_share = area_share;
    s.cells = static_cast<std::size_t>(std::lround(area_share * static_cast<double>(predicted.size())));
    s.test_incidents = std::accumulate(observed.begin(), observed.end(), std::size_t{0});
    for (std::size_t cell : top_cells(predicted, s.cells)) s.hits += observed[cell];
    std::vector<std::size_t> most = observed;
    std::partial_sort(most.begin(), most.begin() + static_cast<std::ptrdiff_t>(s.cells), most.end(),
                      std::greater<std::size_t>());
    s.best_hits = std::accumulate(most.begin(), most.begin() + static_cast<std::ptrdiff_t>(s.cells), std::size_t{0});
    if (s.test_incidents > 0) {
        s.hit_rate = static_cast<double>(s.hits) / static_cast<double>(s.test_incidents);
        s.pai = *s.hit_rate / area_share;
    }
    if (s.best_hits > 0) s.pei = static_cast<double>(s.hits) / static_cast<double>(s.best_hits);
    return s;
}

}  // namespace geo
