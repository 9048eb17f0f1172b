#pragma once
// The exact integer program of a CoverageProblem in CPLEX LP format, for an external solver
// (CBC reads it with `cbc FILE.lp solve`):
//   max  sum_i w_i y_i
//   s.t. y_i <= sum_{j reaches i} x_j      for each incident that some candidate reaches
//        sum_j x_j <= K
//        sum_{j in Q} x_j <= 1             for each clique Q of clique_family: together they
//                                          forbid every pair closer than the spacing, and
//                                          their LP is far tighter than the pairs' (which
//                                          x = 1/2 meets), so CBC is not handicapped
//        x_j = 0                           for blocked candidates (left out)
//        x binary, 0 <= y <= 1
// Precovered incidents and incidents no candidate reaches are constants, left out: the LP's
// objective plus `lp_constant` is the covered weight.
#include <string>

#include "geo/placement/coverage_problem.h"

namespace geo {

std::string coverage_lp(const CoverageProblem& problem);
double lp_constant(const CoverageProblem& problem);

}  // namespace geo
