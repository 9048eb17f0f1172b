#include "geo/placement/swap_move.h"

#include <vector>

namespace geo {

std::optional<Swap> best_swap(const CoverState& state, double min_delta) {
    const CoverageProblem& problem = state.problem();
    const auto& chosen = state.chosen();
    constexpr std::uint32_t nobody = UINT32_MAX;
    // For each incident only one chosen candidate reaches (a hanging banner counts as a reach,
    // so such an incident is never "only"), that candidate's position in `chosen`.
    std::vector<std::uint32_t> only(problem.incidents(), nobody);
    std::vector<double> loss(chosen.size());
    for (std::uint32_t p = 0; p < chosen.size(); ++p) {
        loss[p] = state.loss(chosen[p]);
        for (const std::uint32_t i : problem.covers[chosen[p]])
            if (state.reach_count(i) == 1) only[i] = p;
    }
    // Gain of `in` once chosen[p] has left = what nobody reaches + what only chosen[p] reaches:
    // one pass over in's incidents serves every p, so a full scan costs one pass over all pairs.
    std::optional<Swap> best;
    std::uint32_t best_p = 0;
    std::vector<double> shared(chosen.size(), 0.0);
    for (std::uint32_t in = 0; in < problem.candidates(); ++in) {
        if (state.is_chosen(in) || problem.is_blocked(in)) continue;
        double free_gain = 0;
        for (const std::uint32_t i : problem.covers[in]) {
            const std::uint32_t r = state.reach_count(i);
            if (r == 0) free_gain += problem.incident_weight[i];
            else if (r == 1 && only[i] != nobody) shared[only[i]] += problem.incident_weight[i];
        }
        for (std::uint32_t p = 0; p < chosen.size(); ++p) {
            const double delta = free_gain + shared[p] - loss[p];
            shared[p] = 0;
            // Ties: the first `out` in chosen order, then the lower `in` (scanned ascending).
            if (delta > min_delta && (!best || delta > best->delta || (delta == best->delta && p < best_p)) &&
                state.can_add(in, chosen[p])) {
                best = Swap{chosen[p], in, delta};
                best_p = p;
            }
        }
    }
    return best;
}

void apply(const Swap& swap, CoverState& state) {
    state.remove(swap.out);
    state.add(swap.in);
}

}  // namespace geo
