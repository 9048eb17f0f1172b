#pragma once
// The TSP solver: nearest-neighbour construction, then iterated local search (Or-opt and
// Lin–Kernighan moves on candidate lists with don't-look bits, local double-bridge kicks,
// a kick kept when the tour is no longer). Used by `patrolmap tsp` and `bench-tsp`; the weekly
// planner (geo/planning/prize_vrp.h) orders each day's stops with its own moves, which keep the
// visit windows, and does not call it.
#include <cstdint>
#include <functional>
#include <vector>

#include "geo/routing/tsp/distance_matrix.h"
#include "geo/routing/tsp/local_search.h"

namespace geo::tsp {

struct SolverOptions {
    std::uint64_t seed = 1;
    double time_budget_s = 5.0;      // wall clock for the whole solve; 0: no time limit
    // Kicks after the first local optimum; 0: until the time budget. With a limit and no time
    // budget, the result depends on the seed alone (what tests use).
    std::int64_t max_kicks = 0;
    // Stop after this many kicks in a row that did not shorten the best tour; 0: never.
    std::int64_t max_kicks_without_gain = 0;
    int neighbours = 10;             // candidate list length (at most 16)
    std::vector<Move> moves = default_moves;
    bool start_at_node_0 = true;     // rotate the tour so that it starts at node 0 (the post)
};

struct Tour {
    std::vector<int> order;  // each node once; closed back to order.front()
    double length = 0;       // in the matrix's unit, including the closing edge
    std::int64_t kicks = 0;  // perturbations tried
};

// Assumes a symmetric matrix (see DistanceMatrix::symmetrised); the length is measured on the
// matrix as given, in the order returned.
Tour solve_tsp(const DistanceMatrix& d, const SolverOptions& options = {});
Tour solve_tsp(std::size_t n, const std::function<double(std::size_t, std::size_t)>& distance,
               const SolverOptions& options = {});

// Closed-tour length of `order` on d.
double tour_length(const DistanceMatrix& d, const std::vector<int>& order);

}  // namespace geo::tsp
