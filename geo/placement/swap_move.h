#pragma once
// The swap move of the local search: take one chosen banner out and put one unchosen
// candidate in, keeping the spacing. Evaluated exactly: the gain of `in` once `out` has left
// counts the incidents nobody reaches plus those only `out` reaches.
#include <cstdint>
#include <optional>

#include "geo/placement/cover_state.h"

namespace geo {

struct Swap {
    std::uint32_t out = 0;  // chosen candidate leaving
    std::uint32_t in = 0;   // candidate entering
    double delta = 0;       // change of the covered weight, > 0
};

// The best improving swap (largest delta; ties: first `out` in chosen order, then lower `in`),
// found in one pass over the candidate-incident pairs plus one check per (in, out) pair,
// or nullopt when none improves by more than `min_delta`.
std::optional<Swap> best_swap(const CoverState& state, double min_delta);

void apply(const Swap& swap, CoverState& state);

}  // namespace geo
