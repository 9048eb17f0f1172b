#pragma once
// Branch and bound on the Lagrangian relaxation (lagrangian_relaxation.h), spacing included:
// best-first over nodes that force candidates in or out, each bounded by a short subgradient
// descent warm-started from the multipliers the previous node left (any multipliers give a
// valid bound, so sharing them is safe). The root descends longest, in chunks; between chunks
// it adds clique rows among the candidates still open and those the fractional picks break
// (relax and cut, Lucena 2005): on the Portland and sample benchmarks this alone proves most
// cases optimal. At each node: reduced-cost fixing (a candidate whose forced-in child cannot
// beat the pruning level is forced out, and the converse), a repair of the subproblem's picks
// into a feasible solution (greedy fill, then the swap local search from each new start); then
// a branch on the most fractional candidate (its average pick nearest 1/2), forcing it in first.
//
// Stops when the bound proves the incumbent within `target_gap` of the optimum (0: optimal), or
// when the work budget (incident visits after the root, so results do not depend on the
// machine; the root's own work is set by root_steps) runs out;
// either way the reported bound is proven: the largest bound of a node still open or closed.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/placement/coverage_problem.h"

namespace geo {

struct SearchOptions {
    double target_gap = 0;                  // stop once (bound - covered) / bound <= this
    std::size_t work_budget = 1'000'000'000;  // incident visits after the root
    std::size_t root_steps = 3000;          // subgradient steps at the root
    std::size_t node_steps = 50;            // and at every other node
    std::size_t max_swaps = 1000;           // per local search from a repair
};

struct SearchResult {
    std::vector<std::uint32_t> chosen;      // the best found (the incumbent if nothing beat it)
    double covered_weight = 0;
    double upper_bound = 0;                 // >= the optimum
    std::size_t nodes = 0;                  // bounded, the root included
};

// `incumbent` is a feasible solution (the local search's); the result is never worse.
SearchResult lagrangian_search(const CoverageProblem& problem, const std::vector<std::uint32_t>& incumbent,
                               const SearchOptions& options);

}  // namespace geo
