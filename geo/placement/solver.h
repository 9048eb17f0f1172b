#pragma once
// The max-coverage solver as a list of moves: lazy greedy fill, then the best swap while one
// improves, filling again whenever a swap freed room; then the upper bound, and while it leaves
// a gap, branch and bound within a work budget. Deterministic: every tie goes to the lower
// candidate index and every budget counts work, not time.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/placement/coverage_problem.h"

namespace geo {

struct SolverOptions {
    std::size_t max_swaps = 1000;       // local search stops after this many swaps
    std::size_t bound_iterations = 200; // Lagrangian subgradient steps; 0 = top-K marginal only
    // Branch and bound after the local search while the proven gap is open, within this many
    // incident visits (about a second on the project's machine at 2e8); 0 = none.
    std::size_t exact_work_budget = 200'000'000;
};

struct CoverageSolution {
    std::vector<std::uint32_t> chosen;  // candidate indices, in the order chosen
    double covered_weight = 0;          // precovered included
    double total_weight = 0;
    double precovered_weight = 0;
    double greedy_weight = 0;           // after the greedy fill alone
    double upper_bound = 0;             // >= the optimum (see upper_bound.h)
    std::size_t swaps = 0;
    bool proven_optimal = false;        // branch and bound finished: covered_weight is the optimum
    std::size_t exact_nodes = 0;

    // (bound - covered) / bound: the optimum is at most this share above the solution.
    double proven_gap() const { return upper_bound > 0 ? (upper_bound - covered_weight) / upper_bound : 0.0; }
};

CoverageSolution solve_max_coverage(const CoverageProblem& problem, const SolverOptions& options = {});

}  // namespace geo
