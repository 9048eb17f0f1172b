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

// After a priced recreate (greedy_insertion.h) left routes late: the local search over the
// late routes' customers with each unit of lateness costing `warp_penalty` (set high, moves
// trade travel for punctuality). The context's own penalty is as it was after.
void repair_late_routes(VrptwSolution& s, SearchContext& ctx, double warp_penalty);

}  // namespace geo::planning::vrptw
