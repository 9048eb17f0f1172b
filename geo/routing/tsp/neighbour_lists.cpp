#include "geo/routing/tsp/neighbour_lists.h"

#include <algorithm>
#include <numeric>

namespace geo::tsp {

NeighbourLists::NeighbourLists(const DistanceMatrix& d, int k) {
    const int n = static_cast<int>(d.size());
    k_ = std::max(0, std::min(k, n - 1));
    ids_.resize(static_cast<std::size_t>(n) * static_cast<std::size_t>(k_));
    std::vector<int> others(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        std::iota(others.begin(), others.end(), 0);
        std::swap(others[static_cast<std::size_t>(i)], others.back());
        others.pop_back();
        const double* row = d.row(static_cast<std::size_t>(i));
        auto closer = [row](int a, int b) { return row[a] < row[b] || (row[a] == row[b] && a < b); };
        std::partial_sort(others.begin(), others.begin() + k_, others.end(), closer);
        std::copy(others.begin(), others.begin() + k_, ids_.begin() + static_cast<std::ptrdiff_t>(i) * k_);
        others.resize(static_cast<std::size_t>(n));
    }
}

}  // namespace geo::tsp
