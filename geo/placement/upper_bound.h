#pragma once
// Upper bounds on the best covered weight, so that a solution's quality is proven and not hoped.
// Both bound the relaxation without spacing (dropping a constraint can only raise the optimum),
// so they hold with or without a minimum spacing.
//
// Top-K marginal bound (Nemhauser, Wolsey & Fisher 1978, eq. for submodular f):
//   for any solution S and the optimum O with |O| <= K,
//   f(O) <= f(S) + sum of the K largest marginal gains f(S + c) - f(S).
//
// Lagrangian bound (Fisher 1981, "The Lagrangian relaxation method for solving integer
// programming problems"): relaxing y_i <= sum_{j reaching i} x_j with multipliers
// 0 <= lambda_i <= w_i gives
//   L(lambda) = sum_i (w_i - lambda_i) + sum of the K largest c_j, c_j = sum_{i in N_j} lambda_i,
// an upper bound for every lambda; its minimum equals the LP relaxation's optimum. The top-K
// marginal bound of S is L at lambda_i = 0 on incidents S covers and w_i elsewhere, so the
// subgradient descent started there never reports more than it.
#include <cstddef>

#include "geo/placement/cover_state.h"

namespace geo {

double top_k_marginal_bound(const CoverState& state);

// The smallest L(lambda) found in `iterations` subgradient steps (Polyak step towards
// `state`'s covered weight), started from the top-K marginal multipliers of `state`.
double lagrangian_bound(const CoverState& state, std::size_t iterations);

}  // namespace geo
