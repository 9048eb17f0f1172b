#pragma once
// CROSS-exchange (Taillard et al. 1997): two routes swap a stretch of up to three customers
// each, keeping their order; one stretch may be empty (then it is a chain relocation). The
// stretch taken from the other route starts at a near customer, placed right after u.
#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

inline constexpr int cross_exchange_max_stretch = 3;

// Applies the first exchange around customer u that shortens the travel and keeps both routes
// feasible; true when it did.
bool cross_exchange(VrptwSolution& s, SearchContext& ctx, int u);

}  // namespace geo::planning::vrptw
