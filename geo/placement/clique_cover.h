#pragma once
// Groups of candidates that stand pairwise too close (cliques of the spacing conflict graph).
// "At most one banner per clique" is implied by the spacing, and a relaxation that keeps these
// rows is far tighter than one with the pairs alone, which x = 1/2 everywhere satisfies: the
// bound can no longer spread fractional banners over one hot spot (upper_bound.h).
#include <cstdint>
#include <vector>

#include "geo/placement/coverage_problem.h"

namespace geo {

// A partition of the unblocked candidates into cliques (a candidate without conflicts is a
// clique of one): the lowest unassigned index seeds a greedy clique among the unassigned.
// Deterministic; members ascending.
std::vector<std::vector<std::uint32_t>> clique_partition(const CoverageProblem& problem);

// Cliques covering the conflict pairs of unblocked candidates, overlapping: for each candidate
// with a pair not yet covered, a greedy maximal clique seeded there, then one seeded at each
// pair still uncovered. Growing costs the members' degrees; once that work passes 20 times the
// degrees summed (a dense graph: one big clique after another), the pairs still uncovered are
// left out, which only loosens a relaxation (violated_cliques adds the ones that matter), or
// with `every_pair` (an exact model) added as cliques of two. Distinct, at least two members
// each, ascending; in order of first appearance.
// With `allowed` (per candidate), only among those: a relaxation whose other candidates are
// forced out needs no more.
std::vector<std::vector<std::uint32_t>> clique_family(const CoverageProblem& problem, const std::vector<bool>& allowed = {},
                                                      bool every_pair = false);

// Cliques whose fractional load sum_{j in Q} x_j exceeds 1 + min_excess, to add as rows to a
// relaxation whose solution `x` (per candidate, in [0, 1]) breaks them ("relax and cut",
// Lucena 2005): from each candidate with x > 0, heaviest first, a clique grown greedily by
// x, then made maximal among `allowed` (empty: every unblocked candidate). At most max_count,
// distinct, members ascending.
std::vector<std::vector<std::uint32_t>> violated_cliques(const CoverageProblem& problem, const std::vector<double>& x,
                                                         double min_excess, std::size_t max_count,
                                                         const std::vector<bool>& allowed = {});

}  // namespace geo
