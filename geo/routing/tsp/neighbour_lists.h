#pragma once
// Candidate lists: each city's k nearest others, nearest first. Every move only tries new edges
// to these candidates (k = 8..10 is the usual choice for 2-opt / Lin–Kernighan on Euclidean
// instances, Johnson & McGeoch 1997, "The TSP: a case study in local optimization").
#include <vector>

#include "geo/routing/tsp/distance_matrix.h"

namespace geo::tsp {

class NeighbourLists {
public:
    NeighbourLists() = default;
    NeighbourLists(const DistanceMatrix& d, int k);

    int k() const { return k_; }
    // The k (or n - 1 when fewer) nearest cities to `city`, nearest first, ties by index.
    const int* begin(int city) const { return ids_.data() + static_cast<std::size_t>(city) * static_cast<std::size_t>(k_); }
    const int* end(int city) const { return begin(city) + k_; }

private:
    int k_ = 0;
    std::vector<int> ids_;
};

}  // namespace geo::tsp
