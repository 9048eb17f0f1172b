#pragma once
// The kick of iterated local search: a double bridge (Martin, Otto & Felten 1991) on a short
// stretch of the tour, A B C D -> A C B D with B and C of 1..max_segment cities each. Kept local
// so that it costs O(segment) and the local search only has to repair its neighbourhood
// ("segment" or "local" double bridge, as in Applegate et al.'s linkern kicks).
#include <random>

#include "geo/routing/tsp/move_context.h"

namespace geo::tsp {

inline constexpr int double_bridge_max_segment = 50;

// Needs at least 8 cities; marks the six cities at the changed edges active.
void double_bridge(MoveContext& m, std::mt19937_64& rng);

}  // namespace geo::tsp
