#include "geo/routing/tsp/tour_array.h"

#include <utility>

namespace geo::tsp {

TourArray::TourArray(std::vector<int> order) : order_(std::move(order)), pos_(order_.size()) {
    for (std::size_t i = 0; i < order_.size(); ++i) pos_[static_cast<std::size_t>(order_[i])] = static_cast<int>(i);
}

void TourArray::make_2opt(int a, int b, int c, int d) {
    if (succ(a) == b)
        reverse_path(b, c);  // a b ... c d  ->  a c ... b d
    else
        reverse_path(a, d);  // b a ... d c  ->  b d ... a c
}

void TourArray::reverse_path(int from, int to) {
    const int n = size();
    int i = pos_[static_cast<std::size_t>(from)];
    int j = pos_[static_cast<std::size_t>(to)];
    int inner = j - i;
    if (inner < 0) inner += n;
    int count = inner + 1;
    if (2 * count > n) {  // reversing the complement gives the same cycle, read backwards
        const int next = j + 1 == n ? 0 : j + 1;
        const int prev = i == 0 ? n - 1 : i - 1;
        i = next;
        j = prev;
        count = n - count;
    }
    for (int k = 0; k < count / 2; ++k) {
        const int ci = order_[static_cast<std::size_t>(i)];
        const int cj = order_[static_cast<std::size_t>(j)];
        order_[static_cast<std::size_t>(i)] = cj;
        pos_[static_cast<std::size_t>(cj)] = i;
        order_[static_cast<std::size_t>(j)] = ci;
        pos_[static_cast<std::size_t>(ci)] = j;
        if (++i == n) i = 0;
        if (--j < 0) j = n - 1;
    }
}

void TourArray::overwrite(int first, const std::vector<int>& cities) {
    const int n = size();
    int p = first % n;
    for (const int city : cities) {
        order_[static_cast<std::size_t>(p)] = city;
        pos_[static_cast<std::size_t>(city)] = p;
        if (++p == n) p = 0;
    }
}

double TourArray::length(const DistanceMatrix& d) const {
    double total = 0;
    for (std::size_t i = 0; i < order_.size(); ++i)
        total += d(static_cast<std::size_t>(order_[i]), static_cast<std::size_t>(order_[(i + 1) % order_.size()]));
    return total;
}

}  // namespace geo::tsp
