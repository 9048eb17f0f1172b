#pragma once
// Exact search to close what the local search leaves open: depth-first branch and bound,
// branching on the candidate with the largest gain (take it, then forbid it), pruning a node
// when its top-K marginal bound (upper_bound.h) cannot beat the incumbent. Runs under a work
// budget counted in incident visits, not seconds, so results do not depend on the machine.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/placement/coverage_problem.h"

namespace geo {

struct ExactSearch {
    std::vector<std::uint32_t> chosen;  // the best found (the incumbent if nothing beat it)
    double covered_weight = 0;
    bool proven_optimal = false;        // the search finished within the budget
    std::size_t nodes = 0;
};

// `incumbent` is a feasible solution (the local search's); the result is never worse.
ExactSearch branch_and_bound(const CoverageProblem& problem, const std::vector<std::uint32_t>& incumbent,
                             std::size_t work_budget);

}  // namespace geo
