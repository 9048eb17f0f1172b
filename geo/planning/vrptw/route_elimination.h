#pragma once
// Fleet minimisation by route elimination (Christiaens & Vanden Berghe 2020, section 5): take
// one route away, leaving its customers unserved, then ruin and recreate with one vehicle less,
// accepting a result with fewer unserved customers or with a smaller sum of "absences" (how many
// rounds each unserved customer has stayed out: the hard ones weigh more, so the search turns
// to making room for them; in half the rounds the recreate also inserts them first). When none
// is left out, the fleet is one smaller; repeat.
#include <functional>

#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

// `s` serves everyone. Removes routes while more than `goal` are used and `keep_going()` says
// so (it is asked once per round); returns the solution with the fewest routes that serves all,
// with its empty slots dropped. `rounds` counts the ruin-and-recreate rounds done.
// Ruin and recreate `s` with the absence acceptance until it serves everyone or `keep_going()`
// says no; true when everyone is served.
bool serve_all(VrptwSolution& s, SearchContext& ctx, const std::function<bool()>& keep_going, std::int64_t& rounds);

VrptwSolution eliminate_routes(VrptwSolution s, SearchContext& ctx, int goal, const std::function<bool()>& keep_going,
                               std::int64_t& rounds);

}  // namespace geo::planning::vrptw
