#pragma once
// 2-opt: remove two edges, reconnect the other way (Croes 1958), new edges to candidates only.
#include "geo/routing/tsp/move_context.h"

namespace geo::tsp {

// Applies the first improving 2-opt move with an edge at t1; true when the tour got shorter.
bool two_opt_from(MoveContext& m, int t1);

}  // namespace geo::tsp
