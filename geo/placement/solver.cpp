#include "geo/placement/solver.h"

#include <algorithm>

#include "geo/placement/branch_and_bound.h"
#include "geo/placement/cover_state.h"
#include "geo/placement/greedy.h"
#include "geo/placement/swap_move.h"
#include "geo/placement/upper_bound.h"

namespace geo {

CoverageSolution solve_max_coverage(const CoverageProblem& problem, const SolverOptions& options) {
    CoverState state(problem);
    CoverageSolution out;
    out.total_weight = problem.total_weight();
    out.precovered_weight = problem.precovered_weight();
    lazy_greedy_fill(state);
    out.greedy_weight = state.covered_weight();
    // Improvements smaller than this are rounding noise, not progress (prevents cycling).
    const double min_delta = 1e-9 * std::max(1.0, out.total_weight);
    while (out.swaps < options.max_swaps) {
        const auto swap = best_swap(state, min_delta);
        if (!swap) break;
        apply(*swap, state);
        ++out.swaps;
        lazy_greedy_fill(state);
    }
    out.chosen = state.chosen();
    out.covered_weight = covered_weight(problem, out.chosen);  // recounted, free of drift
    out.upper_bound = std::max(out.covered_weight,
                               options.bound_iterations > 0 ? lagrangian_bound(state, options.bound_iterations)
                                                            : top_k_marginal_bound(state));
    if (out.upper_bound - out.covered_weight <= min_delta) {
        out.proven_optimal = true;
    } else if (options.exact_work_budget > 0) {
        const ExactSearch exact = branch_and_bound(problem, out.chosen, options.exact_work_budget);
        out.exact_nodes = exact.nodes;
        if (exact.covered_weight > out.covered_weight) {
            out.chosen = exact.chosen;
            out.covered_weight = covered_weight(problem, out.chosen);
        }
        if (exact.proven_optimal) {
            out.proven_optimal = true;
            out.upper_bound = out.covered_weight;
        }
    }
    return out;
}

}  // namespace geo
