#pragma once
// Or-opt within a route (Or 1976): move a stretch of one to three customers, starting at u,
// next to a near customer of the same route, order kept.
#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

inline constexpr int or_opt_max_stretch = 3;

// Applies the first such move that shortens the route and keeps it feasible; true when it did.
bool or_opt(VrptwSolution& s, SearchContext& ctx, int u);

}  // namespace geo::planning::vrptw
