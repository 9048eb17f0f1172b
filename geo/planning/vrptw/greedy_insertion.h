#pragma once
// Recreate by greedy insertion with blinks (Christiaens & Vanden Berghe 2020): the unserved
// customers, in one of a few orders drawn at random, each go where it adds the least travel,
// every position being skipped with a small probability; an empty route is opened only when no
// used route can take the customer. Those that fit nowhere stay unserved.
// When the context prices lateness (SearchContext::warp_penalty > 0) a customer may also go
// where it makes its route late: each position costs the travel it adds plus the price per unit
// of time warp it adds, and the cheapest is taken (capacity stays a hard limit). With few long
// routes whose hours are nearly full, every feasible reinsertion is the old one; passing through
// late routes is how the search moves customers between them (Vidal et al. 2013).
#include <cstdint>
#include <vector>

#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

inline constexpr double insertion_blink_rate = 0.01;

void insert_greedily(VrptwSolution& s, SearchContext& ctx);

// The same, but the customers that have been out longest (`absence`, per node, as route
// elimination counts it) go first, the drawn order breaking ties: in route elimination the hard
// customers, which fit only in few places, get those places before the customers just ruined
// (who fit back where they were) fill them again.
void insert_greedily(VrptwSolution& s, SearchContext& ctx, const std::vector<std::int64_t>& absence);

}  // namespace geo::planning::vrptw
