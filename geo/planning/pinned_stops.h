#pragma once
// Construction's first step when stops are pinned to days (the dispatcher locked them in the
// GUI): every pinned stop goes on its day before any free stop, so that the free ones fill the
// time around them and no later move has to make room.
#include "geo/planning/prize_vrp_moves.h"

namespace geo::planning {

// Puts every pinned stop of `s.problem` on its day of the empty state `s`, in the shortest order
// found: cheapest feasible insertion, most urgent window first, then 2-opt and Or-opt; when that
// misses a window or the day limit and the day has at most 8 pinned stops, every order is tried.
// Throws geo::BadInput naming the day (1-based) and the minutes needed against its limit, or
// the demand against its capacity, when the pinned stops cannot fit.
void place_pinned_stops(VrpState& s);

}  // namespace geo::planning
