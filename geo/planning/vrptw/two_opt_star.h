#pragma once
// 2-opt* (Potvin & Rousseau 1995): two routes exchange their tails, so that a customer is
// followed by a near customer of another route; the order within each part is kept (no
// reversal, which windows rarely allow).
#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

// Applies the first tail exchange around customer u that shortens the travel and keeps both
// routes feasible; true when it did.
bool two_opt_star(VrptwSolution& s, SearchContext& ctx, int u);

}  // namespace geo::planning::vrptw
