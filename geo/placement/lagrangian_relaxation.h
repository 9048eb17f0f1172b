#pragma once
// The Lagrangian relaxation of banner placement, spacing included (upper_bound.h gives the
// maths). Relaxed: every coverage constraint y_i <= sum_{j reaching i} x_j (multiplier
// lambda_i in [0, w_i]) and the clique rows sum_{j in Q} x_j <= 1 of clique_family, and those
// added later (add_rows), with multipliers mu_Q >= 0. Kept: at most K candidates and at most
// one per clique of clique_partition, so the subproblem is solved exactly: the best candidate
// of each partition clique, then the K best. Any multipliers give an upper bound, and so does
// any set of rows (a spacing pair in no row only loosens it; branching still enforces every
// pair); subgradient descent (Held, Wolfe & Crowder 1974, Polyak step) lowers it towards the
// LP optimum with the clique rows, much tighter than the LP with spacing pairs, which
// x = 1/2 everywhere satisfies.
//
// Incidents no candidate reaches, or a hanging banner reaches, are constants; incidents reached
// by the same candidates are merged into one demand group (their rows are identical), which
// shrinks the work per step on real data where many calls share an address.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <set>
#include <vector>

#include "geo/placement/cover_state.h"
#include "geo/placement/coverage_problem.h"

namespace geo {

// What a branch-and-bound node has decided about a candidate.
enum class Fix : std::uint8_t { open, in, out };

class LagrangianRelaxation {
public:
    explicit LagrangianRelaxation(const CoverageProblem& problem);

    // Multipliers at which the bound is the solution's weight plus its K best marginal gains
    // (lambda = 0 on covered groups, w elsewhere; mu = 0): the top-K marginal bound or less.
    void start_from(const CoverState& state);

    // More clique rows to relax (from violated_cliques), their multipliers 0; rows already
    // there or inside one partition clique are skipped. Returns how many were added.
    std::size_t add_rows(const std::vector<std::vector<std::uint32_t>>& rows);
    const std::vector<double>& average_picks() const { return average_pick_; }

    // Step control for descend (Held & Karp 1971): the Polyak step is scaled by theta, halved
    // after `patience` steps without a new best bound. Kept from one descend to the next, so a
    // descent cut into chunks steps as one would.
    void set_step(double theta, std::size_t patience) {
        theta_ = theta;
        patience_ = patience;
        idle_steps_ = 0;
        step_best_ = std::numeric_limits<double>::infinity();
    }

    // Subgradient descent from the current multipliers under `fix`: up to `steps` Polyak steps
    // towards `target` (a covered weight known to be reachable), stopping early once the bound
    // is at most `enough`. Returns the smallest bound seen and leaves the multipliers, and
    // every figure below, at the point that gave it. -infinity when `fix` is infeasible (more
    // than K forced in).
    double descend(const std::vector<Fix>& fix, double target, double enough, std::size_t steps);

    // At the multipliers descend left: the bound of the child node forcing candidate j in
    // (j open, not picked) or out (j picked and open); -infinity when forcing it in is infeasible.
    double bound_forcing_in(std::uint32_t j) const;
    double bound_forcing_out(std::uint32_t j) const;

    // The subproblem's solution at the best multipliers (forced-in candidates included), and
    // the candidates' average pick over the descent: an estimate of the LP's fractional x.
    bool is_picked(std::uint32_t j) const { return picked_flag_[j]; }
    double average_pick(std::uint32_t j) const { return average_pick_[j]; }
    double reduced_value(std::uint32_t j) const { return value_[j]; }

    // Incident visits so far (the work budget's unit).
    std::size_t work() const { return work_; }

private:
    static constexpr double none = -std::numeric_limits<double>::infinity();

    double evaluate(const std::vector<Fix>& fix);  // bound at the current multipliers
    void step(double bound, double target, double theta);

    const CoverageProblem* problem_;
    double constant_ = 0;                                     // precovered weight
    std::vector<double> group_weight_;                        // per demand group
    std::vector<std::uint32_t> group_start_, group_item_;     // per candidate: its groups (CSR)
    std::vector<std::uint32_t> clique_of_;                    // per candidate
    std::vector<std::vector<std::uint32_t>> cliques_;
    std::vector<std::uint32_t> row_start_, row_item_;         // relaxed clique rows: members (CSR)
    std::vector<std::uint32_t> cand_row_start_, cand_row_item_;  // per candidate: its rows (CSR)
    std::set<std::vector<std::uint32_t>> rows_;                // the same rows, for add_rows

    std::vector<double> lambda_, mu_, best_lambda_, best_mu_;

    // Figures of the last evaluation.
    std::size_t open_count_ = 0;                              // K minus the forced-in count
    std::vector<double> value_;                               // per candidate: reduced value
    std::vector<std::uint32_t> clique_best_;                  // per clique, or UINT32_MAX
    std::vector<double> clique_second_;                       // second-best value per clique (>= 0)
    std::vector<bool> clique_taken_;                          // among the K best
    double last_taken_ = 0, first_left_ = 0;                  // smallest taken, largest left (>= 0)
    std::vector<std::uint32_t> picked_;
    std::vector<bool> picked_flag_;
    std::vector<double> average_pick_;
    double bound_ = none;
    double theta_ = 2.0;
    std::size_t patience_ = 100, idle_steps_ = 0;
    double step_best_ = std::numeric_limits<double>::infinity();
    std::size_t work_ = 0;
};

}  // namespace geo
