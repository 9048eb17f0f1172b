#include "geo/placement/upper_bound.h"

#include <algorithm>
#include <vector>

#include "geo/placement/clique_cover.h"
#include "geo/placement/lagrangian_relaxation.h"

namespace geo {

double top_k_marginal_bound(const CoverState& state) {
    const CoverageProblem& problem = state.problem();
    std::vector<double> gain;
    for (std::uint32_t c = 0; c < problem.candidates(); ++c)
        if (!state.is_chosen(c) && !problem.is_blocked(c)) gain.push_back(state.gain(c));
    const std::size_t k = std::min(problem.count, gain.size());
    std::partial_sort(gain.begin(), gain.begin() + static_cast<std::ptrdiff_t>(k), gain.end(), std::greater<>());
    double bound = state.covered_weight();
    for (std::size_t j = 0; j < k; ++j) bound += gain[j];
    return bound;
}

double lagrangian_bound(const CoverState& state, std::size_t iterations) {
    const CoverageProblem& problem = state.problem();
    LagrangianRelaxation relaxation(problem);
    relaxation.start_from(state);
    std::vector<Fix> fix(problem.candidates(), Fix::open);
    for (std::uint32_t c = 0; c < problem.candidates(); ++c)
        if (problem.is_blocked(c)) fix[c] = Fix::out;
    const double target = state.covered_weight();
    // In rounds of 100 steps, adding the clique rows the fractional picks break (relax and cut).
    constexpr std::size_t round_steps = 100;
    double bound = top_k_marginal_bound(state);
    for (std::size_t done = 0; done < iterations && bound > target; done += round_steps) {
        bound = std::min(bound, relaxation.descend(fix, target, target, std::min(round_steps, iterations - done)));
        if (problem.count > 1) relaxation.add_rows(violated_cliques(problem, relaxation.average_picks(), 0.05, 1000));
    }
    return std::max(bound, target);
}

}  // namespace geo
