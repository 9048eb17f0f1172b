#pragma once
// The max-coverage solver as a list of moves: lazy greedy fill, then the best swap while one
// improves, filling again whenever a swap freed room; then branch and bound on the Lagrangian
// relaxation (spacing included) until the proven gap is at most the target or the work budget
// is spent. Deterministic: every tie goes to the lower candidate index and every budget counts
// work, not time.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "geo/placement/coverage_problem.h"

namespace geo {

struct SolverOptions {
    std::size_t max_swaps = 1000;       // local search stops after this many swaps
    std::size_t bound_iterations = 3000; // Lagrangian subgradient steps at the root; 0 = top-K marginal only
    // Branch and bound after the local search while the proven gap is above target_gap: the
    // root's bound_iterations steps, then nodes within this many incident visits (about 1.5 s
    // on the project's machine at 1e9, the root about as much at 2,000 x 20,000); 0 = no branch
    // and bound, the bound is then lagrangian_bound alone.
    std::size_t exact_work_budget = 1'000'000'000;
    double target_gap = 0;              // 0: prove the optimum; 0.01: stop within 1 %
    // Called as each stage starts (done of kSolverStages: greedy fill, swaps, bound and
    // branch and bound, finished), for a progress bar; the exact search is the long one.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

inline constexpr std::size_t kSolverStages = 3;

struct CoverageSolution {
    std::vector<std::uint32_t> chosen;  // candidate indices, in the order chosen
    double covered_weight = 0;          // precovered included
    double total_weight = 0;
    double precovered_weight = 0;
    double greedy_weight = 0;           // after the greedy fill alone
    double upper_bound = 0;             // >= the optimum (see upper_bound.h)
    std::size_t swaps = 0;
    bool proven_optimal = false;        // the bound meets the solution: covered_weight is the optimum
    std::size_t exact_nodes = 0;        // branch-and-bound nodes bounded (the root included)

    // (bound - covered) / bound: the optimum is at most this share above the solution.
    double proven_gap() const { return upper_bound > 0 ? (upper_bound - covered_weight) / upper_bound : 0.0; }
};

CoverageSolution solve_max_coverage(const CoverageProblem& problem, const SolverOptions& options = {});

}  // namespace geo
