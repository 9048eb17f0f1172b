#pragma once
// Or-opt (Or 1976): move a segment of 1 to 3 cities elsewhere, either way round, next to one
// of its ends' candidates.
#include "geo/routing/tsp/move_context.h"

namespace geo::tsp {

// Longest segment moved.
inline constexpr int or_opt_max_segment = 3;

// Applies the first improving move of a segment that starts at t1 (in either direction);
// true when the tour got shorter.
bool or_opt_from(MoveContext& m, int t1);

}  // namespace geo::tsp
