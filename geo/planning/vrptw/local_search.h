#pragma once
// Local search over the moves, one per file: relocate, exchange, 2-opt*, CROSS-exchange between
// routes, or-opt and 2-opt within a route. Customers are taken in a random order; the first
// improving move is applied; it stops when no move of any customer shortens the travel.
#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

// Returns the number of moves applied.
int local_search(VrptwSolution& s, SearchContext& ctx);
// The same, trying moves of the given customers only (those of the routes a ruin and recreate
// changed: moves among the other routes did not improve before and still do not).
int local_search(VrptwSolution& s, SearchContext& ctx, std::vector<int> customers);

}  // namespace geo::planning::vrptw
