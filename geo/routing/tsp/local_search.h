#pragma once
// Runs the moves, in order, from every active city until none of them improves the tour.
#include <vector>

#include "geo/routing/tsp/move_context.h"

namespace geo::tsp {

enum class Move { two_opt, or_opt, lin_kernighan };

// The moves the solver uses by default: Or-opt catches what LK's chains of 2-opt exchanges miss.
inline const std::vector<Move> default_moves = {Move::or_opt, Move::lin_kernighan};

void local_search(MoveContext& m, const std::vector<Move>& moves);

}  // namespace geo::tsp
