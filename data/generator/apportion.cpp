#include "data/generator/apportion.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sample::detail {

std::vector<std::int64_t> apportion(const std::vector<double>& weights, std::int64_t total) {
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<std::int64_t> shares(weights.size(), 0);
    std::vector<double> remainders(weights.size(), 0.0);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double quota = static_cast<double>(total) * weights[i] / sum;
        shares[i] = static_cast<std::int64_t>(std::floor(quota));
        remainders[i] = quota - static_cast<double>(shares[i]);
        given += shares[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    // Floating rounding can leave the floors one or two off in either direction.
    for (std::size_t k = 0; given < total; k = (k + 1) % order.size(), ++given) ++shares[order[k]];
    for (std::size_t k = order.size(); given > total;) {
        k = (k == 0 ? order.size() : k) - 1;  // smallest remainders give back first
        if (shares[order[k]] > 0) {
            --shares[order[k]];
            --given;
        }
    }
    return shares;
}

}  // namespace sample::detail
