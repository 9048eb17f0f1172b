#include "geo/placement/local_search.h"

#include "geo/placement/greedy.h"
#include "geo/placement/swap_move.h"

namespace geo {

std::size_t fill_and_swap(CoverState& state, double min_delta, std::size_t max_swaps) {
    lazy_greedy_fill(state);
    std::size_t swaps = 0;
    while (swaps < max_swaps) {
        const auto swap = best_swap(state, min_delta);
        if (!swap) break;
        apply(*swap, state);
        ++swaps;
        lazy_greedy_fill(state);
    }
    return swaps;
}

}  // namespace geo
