#pragma once
// Upper bounds on the best covered weight, so that a solution's quality is proven and not hoped.
//
// Top-K marginal bound (Nemhauser, Wolsey & Fisher 1978, eq. for submodular f):
//   for any solution S and the optimum O with |O| <= K,
//   f(O) <= f(S) + sum of the K largest marginal gains f(S + c) - f(S).
// It ignores the spacing (dropping a constraint can only raise the optimum), so it is loose
// when the spacing binds: it may count K banners on one hot spot.
//
// Lagrangian bound (Fisher 1981, "The Lagrangian relaxation method for solving integer
// programming problems"; for maximum coverage Galvão & ReVelle 1996): the spacing is written
// as clique rows sum_{j in Q} x_j <= 1 (clique_cover.h: a partition P of the candidates and a
// family F of overlapping cliques covering every pair too close). Relaxing
// y_i <= sum_{j reaching i} x_j with 0 <= lambda_i <= w_i and the rows of F with mu_Q >= 0 gives
//   L(lambda, mu) = sum_i (w_i - lambda_i) + sum_Q mu_Q
//                   + max { sum_j x_j c_j : at most K, at most one per clique of P },
//   c_j = sum_{i in N_j} lambda_i - sum_{Q in F containing j} mu_Q,
// an upper bound for every lambda and mu, solved exactly by the best candidate of each clique
// of P and then the K best. Its minimum is the LP optimum with the clique rows, far below the
// LP with spacing pairs x_a + x_b <= 1 (x = 1/2 everywhere meets those, so that LP is the LP
// without spacing). The top-K marginal bound of S is L at lambda_i = 0 on incidents S covers,
// w_i elsewhere and mu = 0, minus what P removes, so the subgradient descent started there
// never reports more than it.
#include <cstddef>

#include "geo/placement/cover_state.h"

namespace geo {

double top_k_marginal_bound(const CoverState& state);

// The smallest L(lambda, mu) found in `iterations` subgradient steps (Polyak step towards
// `state`'s covered weight), started from the top-K marginal multipliers of `state`; never
// above top_k_marginal_bound(state). The branch and bound (lagrangian_search.h) goes further.
double lagrangian_bound(const CoverState& state, std::size_t iterations);

}  // namespace geo
