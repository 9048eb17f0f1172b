#pragma once
// Squeeze (Nagata & Bräysy 2009, "A powerful route minimization heuristic for the vehicle routing
// problem with time windows", Operations Research Letters 37): an unserved customer that fits
// nowhere goes where it makes the least penalty, the route's time warp (how much too late its
// visits are, time_segment.h) plus its load over the capacity; then a local search that looks at
// the penalty alone moves customers and tails between routes until no route is late or
// overloaded. The customer stays only when the search gets there; else the solution is as before.
// Route elimination tries it before an ejection: a squeeze keeps everyone in.
#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

// A route's penalty: time warp plus load over the capacity (0: feasible).
double route_penalty(const VrptwProblem& p, const TimeSegment& route);

// Serves unserved customer c by a squeeze; true when it did (every route then feasible).
bool squeeze(VrptwSolution& s, SearchContext& ctx, int c);

}  // namespace geo::planning::vrptw
