#include "geo/placement/solver.h"

#include <algorithm>

#include "geo/placement/cover_state.h"
#include "geo/placement/greedy.h"
#include "geo/placement/lagrangian_search.h"
#include "geo/placement/local_search.h"
#include "geo/placement/upper_bound.h"

namespace geo {

CoverageSolution solve_max_coverage(const CoverageProblem& problem, const SolverOptions& options) {
    CoverState state(problem);
    CoverageSolution out;
    out.total_weight = problem.total_weight();
    out.precovered_weight = problem.precovered_weight();
    auto stage = [&](std::size_t done) {
        if (options.progress) options.progress(done, kSolverStages);
    };
    stage(0);
    lazy_greedy_fill(state);
    out.greedy_weight = state.covered_weight();
    // Improvements smaller than this are rounding noise, not progress (prevents cycling).
    const double min_delta = 1e-9 * std::max(1.0, out.total_weight);
    stage(1);
    out.swaps = fill_and_swap(state, min_delta, options.max_swaps);
    out.chosen = state.chosen();
    out.covered_weight = covered_weight(problem, out.chosen);  // recounted, free of drift
    const double top_k = top_k_marginal_bound(state);
    stage(2);
    if (top_k - out.covered_weight <= min_delta) {
        out.upper_bound = top_k;
    } else if (options.exact_work_budget > 0) {
        SearchOptions search;
        search.target_gap = options.target_gap;
        search.work_budget = options.exact_work_budget;
        search.root_steps = options.bound_iterations;
        search.max_swaps = options.max_swaps;
        const SearchResult exact = lagrangian_search(problem, out.chosen, search);
        out.exact_nodes = exact.nodes;
        if (exact.covered_weight > out.covered_weight) {
            out.chosen = exact.chosen;
            out.covered_weight = covered_weight(problem, out.chosen);
        }
        out.upper_bound = std::min(top_k, exact.upper_bound);
    } else {
        out.upper_bound = options.bound_iterations > 0 ? lagrangian_bound(state, options.bound_iterations) : top_k;
    }
    out.upper_bound = std::max(out.upper_bound, out.covered_weight);
    out.proven_optimal = out.upper_bound - out.covered_weight <= min_delta;
    stage(3);
    return out;
}

}  // namespace geo
