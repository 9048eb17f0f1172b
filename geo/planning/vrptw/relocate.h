#pragma once
// Relocate (Savelsbergh 1992): move one customer into another route, next to one of its near
// customers or into an unused vehicle.
#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

// Applies the first move of customer u that shortens the travel and keeps both routes
// feasible; true when it did.
bool relocate(VrptwSolution& s, SearchContext& ctx, int u);

}  // namespace geo::planning::vrptw
