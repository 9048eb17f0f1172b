#include "geo/placement/swap_move.h"

#include <vector>

namespace geo {

std::optional<Swap> best_swap(const CoverState& state, double min_delta) {
    const CoverageProblem& problem = state.problem();
    std::optional<Swap> best;
    // Weight of the incidents that only `out` reaches, by incident; zero elsewhere.
    std::vector<double> only_out(problem.incidents(), 0.0);
    for (const std::uint32_t out : state.chosen()) {
        const double loss = state.loss(out);
        for (const std::uint32_t i : problem.covers[out])
            if (state.reach_count(i) == 1) only_out[i] = problem.incident_weight[i];
        for (std::uint32_t in = 0; in < problem.candidates(); ++in) {
            if (!state.can_add(in, out)) continue;
            double gain = 0;
            for (const std::uint32_t i : problem.covers[in])
                gain += state.reach_count(i) == 0 ? problem.incident_weight[i] : only_out[i];
            const double delta = gain - loss;
            if (delta > min_delta && (!best || delta > best->delta)) best = Swap{out, in, delta};
        }
        for (const std::uint32_t i : problem.covers[out]) only_out[i] = 0.0;
    }
    return best;
}

void apply(const Swap& swap, CoverState& state) {
    state.remove(swap.out);
    state.add(swap.in);
}

}  // namespace geo
