#pragma once
// What every local-search move works on: the tour, the distances, the candidate lists, and the
// queue where a move puts the cities whose edges it changed.
#include "geo/routing/tsp/active_queue.h"
#include "geo/routing/tsp/distance_matrix.h"
#include "geo/routing/tsp/neighbour_lists.h"
#include "geo/routing/tsp/tour_array.h"

namespace geo::tsp {

// Gains below this are treated as zero, so equal-length moves never cycle.
inline constexpr double gain_epsilon = 1e-7;

struct MoveContext {
    TourArray& tour;
    const DistanceMatrix& d;
    const NeighbourLists& neighbours;
    ActiveQueue& active;
    // Sum of every applied change to the tour length (negative: shorter), so that the solver
    // need not re-measure the whole tour after each kick.
    double length_change = 0;

    double dist(int a, int b) const { return d(static_cast<std::size_t>(a), static_cast<std::size_t>(b)); }
    void touched(int a, int b, int c, int e) {
        active.push(a), active.push(b), active.push(c), active.push(e);
    }
};

}  // namespace geo::tsp
