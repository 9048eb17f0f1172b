#pragma once
// A Lin–Kernighan style move (Lin & Kernighan 1973): a chain of 2-opt exchanges that each break
// the edge just closed at t1, kept while the partial gain stays positive, cut back to the
// prefix with the best closed-tour gain. Breadth 5, 3, then 1 candidates per level with
// backtracking, depth up to `lk_max_depth`; edges added in a chain are never broken again in it.
#include "geo/routing/tsp/move_context.h"

namespace geo::tsp {

inline constexpr int lk_max_depth = 30;

// Applies an improving chain starting with an edge at t1; true when the tour got shorter.
bool lin_kernighan_from(MoveContext& m, int t1);

}  // namespace geo::tsp
