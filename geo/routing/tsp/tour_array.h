#pragma once
// The tour as the local-search moves see it: the visiting order and each city's position in it,
// so that successor, predecessor and "reverse a path" are O(1), O(1) and O(path length).
// Every move is written as 2-opt exchanges (make_2opt), which keeps the operators short and
// lets them be undone exactly.
#include <cstdint>
#include <vector>

#include "geo/routing/tsp/distance_matrix.h"

namespace geo::tsp {

class TourArray {
public:
    TourArray() = default;
    explicit TourArray(std::vector<int> order);

    int size() const { return static_cast<int>(order_.size()); }
    int at(int position) const { return order_[static_cast<std::size_t>(position)]; }
    int position(int city) const { return pos_[static_cast<std::size_t>(city)]; }
    int succ(int city) const {
        const int p = pos_[static_cast<std::size_t>(city)] + 1;
        return order_[static_cast<std::size_t>(p == size() ? 0 : p)];
    }
    int pred(int city) const {
        const int p = pos_[static_cast<std::size_t>(city)];
        return order_[static_cast<std::size_t>(p == 0 ? size() - 1 : p - 1)];
    }
    bool adjacent(int a, int b) const { return succ(a) == b || pred(a) == b; }
    const std::vector<int>& order() const { return order_; }

    // The 2-opt exchange: removes edges (a, b) and (c, d), adds (a, c) and (b, d). b must follow a
    // and d follow c in the same direction (b = succ(a) and d = succ(c), or both pred). Reverses
    // the shorter of the two paths it may reverse, so the tour's direction can flip.
    void make_2opt(int a, int b, int c, int d);

    // Replaces positions first..first+count-1 (cyclic) by `cities` (a perturbation's rewrite).
    void overwrite(int first, const std::vector<int>& cities);

    double length(const DistanceMatrix& d) const;

private:
    // Reverses the path from city `from` forward to city `to`, or its complement (same tour).
    void reverse_path(int from, int to);

    std::vector<int> order_;
    std::vector<int> pos_;
};

}  // namespace geo::tsp
