#pragma once
// Greedy construction with lazy evaluation (Minoux 1978, "Accelerated greedy algorithms for
// maximizing submodular set functions"): a candidate's gain only shrinks as others are chosen,
// so a stale gain is an upper bound and only the top of the queue needs recomputing.
#include <cstddef>

#include "geo/placement/cover_state.h"

namespace geo {

// Adds candidates with the largest gain (ties: lower index) until the state holds
// problem.count of them or no allowed candidate gains anything. Returns how many were added.
std::size_t lazy_greedy_fill(CoverState& state);

}  // namespace geo
