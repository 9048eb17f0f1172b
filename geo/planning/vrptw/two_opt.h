#pragma once
// 2-opt within a route (Croes 1958): reverse the stretch between u and a near customer of the
// same route so that they become neighbours.
#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

// Applies the first reversal that shortens the route and keeps it feasible; true when it did.
bool two_opt(VrptwSolution& s, SearchContext& ctx, int u);

}  // namespace geo::planning::vrptw
