#pragma once
// The local search shared by the solver and the branch and bound's repairs: the greedy fill,
// then the best swap while one improves by more than `min_delta`, filling again after each
// (a swap that frees a conflict can make room for one more banner).
#include <cstddef>

#include "geo/placement/cover_state.h"

namespace geo {

// Returns the number of swaps made (at most max_swaps).
std::size_t fill_and_swap(CoverState& state, double min_delta, std::size_t max_swaps);

}  // namespace geo
