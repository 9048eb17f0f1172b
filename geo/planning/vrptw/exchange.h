#pragma once
// Exchange (swap): two customers of different routes trade places, one of them landing next to
// a near customer of the other.
#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

// Applies the first swap of customer u that shortens the travel and keeps both routes
// feasible; true when it did.
bool exchange(VrptwSolution& s, SearchContext& ctx, int u);

}  // namespace geo::planning::vrptw
