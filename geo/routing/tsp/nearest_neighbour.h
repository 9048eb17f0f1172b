#pragma once
// Construction: the nearest-neighbour tour (Rosenkrantz, Stearns & Lewis 1977), from city 0,
// nearest unvisited candidate first and a full scan only when all candidates are visited.
#include <vector>

#include "geo/routing/tsp/distance_matrix.h"
#include "geo/routing/tsp/neighbour_lists.h"

namespace geo::tsp {

std::vector<int> nearest_neighbour_tour(const DistanceMatrix& d, const NeighbourLists& neighbours);

}  // namespace geo::tsp
