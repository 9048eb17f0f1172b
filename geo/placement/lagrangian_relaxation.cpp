#include "geo/placement/lagrangian_relaxation.h"

#include <algorithm>
#include <map>

#include "geo/placement/clique_cover.h"

namespace geo {
namespace {

constexpr std::uint32_t no_candidate = UINT32_MAX;

}  // namespace

LagrangianRelaxation::LagrangianRelaxation(const CoverageProblem& problem) : problem_(&problem) {
    const std::size_t n = problem.candidates();
    constant_ = problem.precovered_weight();

    // Demand groups: open incidents with weight, keyed by the unblocked candidates reaching them.
    std::vector<std::vector<std::uint32_t>> reached_by(problem.incidents());
    for (std::uint32_t c = 0; c < n; ++c)
        if (!problem.is_blocked(c))
            for (const std::uint32_t i : problem.covers[c]) reached_by[i].push_back(c);
    std::map<std::vector<std::uint32_t>, std::uint32_t> group_of;
    std::vector<const std::vector<std::uint32_t>*> group_candidates;
    for (std::uint32_t i = 0; i < problem.incidents(); ++i) {
        if (problem.is_precovered(i) || reached_by[i].empty() || !(problem.incident_weight[i] > 0)) continue;
        const auto [at, added] = group_of.try_emplace(reached_by[i], static_cast<std::uint32_t>(group_weight_.size()));
        if (added) {
            group_weight_.push_back(0);
            group_candidates.push_back(&at->first);
        }
        group_weight_[at->second] += problem.incident_weight[i];
    }
    std::vector<std::uint32_t> degree(n + 1, 0);
    for (const auto* list : group_candidates)
        for (const std::uint32_t c : *list) ++degree[c];
    group_start_.assign(n + 1, 0);
    for (std::size_t c = 0; c < n; ++c) group_start_[c + 1] = group_start_[c] + degree[c];
    group_item_.resize(group_start_[n]);
    std::vector<std::uint32_t> fill(group_start_.begin(), group_start_.end() - 1);
    for (std::uint32_t g = 0; g < group_candidates.size(); ++g)
        for (const std::uint32_t c : *group_candidates[g]) group_item_[fill[c]++] = g;

    // Partition cliques kept in the subproblem; the family's other cliques relaxed (a row
    // inside one partition clique adds nothing).
    cliques_ = clique_partition(problem);
    clique_of_.assign(n, no_candidate);
    for (std::uint32_t q = 0; q < cliques_.size(); ++q)
        for (const std::uint32_t c : cliques_[q]) clique_of_[c] = q;
    row_start_.assign(1, 0);
    add_rows(clique_family(problem));
    lambda_ = group_weight_;

    value_.assign(n, none);
    clique_best_.assign(cliques_.size(), no_candidate);
    clique_second_.assign(cliques_.size(), 0.0);
    clique_taken_.assign(cliques_.size(), false);
    picked_flag_.assign(n, false);
    average_pick_.assign(n, 0.0);
}

std::size_t LagrangianRelaxation::add_rows(const std::vector<std::vector<std::uint32_t>>& rows) {
    std::size_t added = 0;
    for (const auto& row : rows) {
        if (std::all_of(row.begin(), row.end(), [&](std::uint32_t c) { return clique_of_[c] == clique_of_[row.front()]; })) continue;
        if (!rows_.insert(row).second) continue;
        row_item_.insert(row_item_.end(), row.begin(), row.end());
        row_start_.push_back(static_cast<std::uint32_t>(row_item_.size()));
        mu_.push_back(0.0);
        ++added;
    }
    if (added == 0 && !cand_row_start_.empty()) return 0;
    // Rebuild the candidates' row lists (CSR).
    const std::size_t n = problem_->candidates();
    std::vector<std::uint32_t> count(n, 0);
    for (const std::uint32_t c : row_item_) ++count[c];
    cand_row_start_.assign(n + 1, 0);
    for (std::size_t c = 0; c < n; ++c) cand_row_start_[c + 1] = cand_row_start_[c] + count[c];
    cand_row_item_.resize(cand_row_start_[n]);
    std::vector<std::uint32_t> fill(cand_row_start_.begin(), cand_row_start_.end() - 1);
    for (std::uint32_t r = 0; r + 1 < row_start_.size(); ++r)
        for (std::uint32_t k = row_start_[r]; k < row_start_[r + 1]; ++k) cand_row_item_[fill[row_item_[k]]++] = r;
    best_mu_.resize(mu_.size(), 0.0);
    return added;
}

void LagrangianRelaxation::start_from(const CoverState& state) {
    // A group is covered by the solution exactly when one of its candidates is chosen.
    for (std::uint32_t g = 0; g < group_weight_.size(); ++g) lambda_[g] = group_weight_[g];
    for (const std::uint32_t c : state.chosen())
        for (std::uint32_t k = group_start_[c]; k < group_start_[c + 1]; ++k) lambda_[group_item_[k]] = 0;
    std::fill(mu_.begin(), mu_.end(), 0.0);
}

double LagrangianRelaxation::evaluate(const std::vector<Fix>& fix) {
    const std::size_t n = problem_->candidates();
    work_ += group_item_.size() + cand_row_item_.size() + n;
    for (const std::uint32_t c : picked_) picked_flag_[c] = false;
    picked_.clear();
    std::fill(clique_taken_.begin(), clique_taken_.end(), false);
    std::fill(clique_best_.begin(), clique_best_.end(), no_candidate);
    std::fill(clique_second_.begin(), clique_second_.end(), 0.0);

    double bound = constant_;
    for (std::uint32_t g = 0; g < group_weight_.size(); ++g) bound += group_weight_[g] - lambda_[g];
    for (const double m : mu_) bound += m;
    std::size_t forced = 0;
    std::vector<bool> clique_used(cliques_.size(), false);
    for (std::uint32_t c = 0; c < n; ++c) {
        if (clique_of_[c] == no_candidate || fix[c] == Fix::out) {
            value_[c] = none;
            continue;
        }
        double v = 0;
        for (std::uint32_t k = group_start_[c]; k < group_start_[c + 1]; ++k) v += lambda_[group_item_[k]];
        for (std::uint32_t k = cand_row_start_[c]; k < cand_row_start_[c + 1]; ++k) v -= mu_[cand_row_item_[k]];
        value_[c] = v;
        if (fix[c] == Fix::in) {
            bound += v;
            ++forced;
            clique_used[clique_of_[c]] = true;
            picked_.push_back(c);
        }
    }
    if (forced > problem_->count) {
        open_count_ = 0;
        for (const std::uint32_t c : picked_) picked_flag_[c] = true;
        return bound_ = none;
    }
    open_count_ = problem_->count - forced;

    // Best open candidate of each clique (ties: lower index), if its value is positive.
    std::vector<std::pair<double, std::uint32_t>> ranked;
    for (std::uint32_t q = 0; q < cliques_.size(); ++q) {
        if (clique_used[q]) continue;
        double best = 0, second = 0;
        std::uint32_t best_c = no_candidate;
        for (const std::uint32_t c : cliques_[q]) {
            if (fix[c] != Fix::open) continue;
            if (value_[c] > best) {
                second = best;
                best = value_[c];
                best_c = c;
            } else if (value_[c] > second) {
                second = value_[c];
            }
        }
        clique_best_[q] = best_c;
        clique_second_[q] = second;
        if (best_c != no_candidate) ranked.push_back({best, q});
    }
    const std::size_t taken = std::min(open_count_, ranked.size());
    auto better = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
    if (taken < ranked.size()) {
        std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(taken), ranked.end(), better);
        first_left_ = ranked[taken].first;
    } else {
        first_left_ = 0;
    }
    std::sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(taken), better);
    last_taken_ = taken == open_count_ && taken > 0 ? ranked[taken - 1].first : 0;
    for (std::size_t k = 0; k < taken; ++k) {
        bound += ranked[k].first;
        clique_taken_[ranked[k].second] = true;
        picked_.push_back(clique_best_[ranked[k].second]);
    }
    for (const std::uint32_t c : picked_) picked_flag_[c] = true;
    return bound_ = bound;
}

void LagrangianRelaxation::step(double bound, double target, double theta) {
    // Subgradient: dL/dlambda_g = (picked candidates reaching g) - 1, dL/dmu_Q = 1 - (picked
    // in Q); components the box [0, w] or mu >= 0 would clip are left out of the norm (projection).
    std::vector<std::int32_t> reach(group_weight_.size(), -1);
    std::vector<std::int32_t> slack(mu_.size(), 1);
    for (const std::uint32_t c : picked_) {
        for (std::uint32_t k = group_start_[c]; k < group_start_[c + 1]; ++k) ++reach[group_item_[k]];
        for (std::uint32_t k = cand_row_start_[c]; k < cand_row_start_[c + 1]; ++k) --slack[cand_row_item_[k]];
    }
    double norm2 = 0;
    for (std::uint32_t g = 0; g < reach.size(); ++g) {
        const double s = reach[g];
        if ((s > 0 && lambda_[g] > 0) || (s < 0 && lambda_[g] < group_weight_[g])) norm2 += s * s;
    }
    for (std::uint32_t r = 0; r < mu_.size(); ++r) {
        const double s = slack[r];
        if (s < 0 || (s > 0 && mu_[r] > 0)) norm2 += s * s;
    }
    if (norm2 == 0) return;
    const double t = theta * (bound - target) / norm2;
    for (std::uint32_t g = 0; g < reach.size(); ++g)
        if (reach[g] != 0) lambda_[g] = std::clamp(lambda_[g] - t * reach[g], 0.0, group_weight_[g]);
    for (std::uint32_t r = 0; r < mu_.size(); ++r)
        if (slack[r] < 0 || mu_[r] > 0) mu_[r] = std::max(0.0, mu_[r] - t * slack[r]);
}

double LagrangianRelaxation::descend(const std::vector<Fix>& fix, double target, double enough, std::size_t steps) {
    const double tolerance = 1e-9 * std::max(1.0, std::abs(target));
    double best = none;
    for (std::size_t it = 0; it < std::max<std::size_t>(1, steps); ++it) {
        const double bound = evaluate(fix);
        if (bound == none) return none;
        // Exponential average of the picks (weight 0.1 for the newest): the LP's x, roughly.
        for (std::uint32_t c = 0; c < average_pick_.size(); ++c)
            average_pick_[c] = it == 0 ? picked_flag_[c] : 0.9 * average_pick_[c] + 0.1 * picked_flag_[c];
        if (it == 0 || bound < best) {
            best = bound;
            best_lambda_ = lambda_;
            best_mu_ = mu_;
        }
        if (bound < step_best_ - tolerance) {
            step_best_ = bound;
            idle_steps_ = 0;
        } else if (++idle_steps_ >= patience_) {
            theta_ /= 2;
            idle_steps_ = 0;
        }
        if (best <= std::max(enough, target + tolerance) || it + 1 >= steps) break;
        step(bound, target, theta_);
    }
    lambda_ = best_lambda_;
    mu_ = best_mu_;
    return std::min(best, evaluate(fix));
}

double LagrangianRelaxation::bound_forcing_in(std::uint32_t j) const {
    if (picked_flag_[j]) return bound_;
    const std::uint32_t q = clique_of_[j];
    if (open_count_ == 0 || value_[j] == none || q == no_candidate) return none;
    if (clique_taken_[q]) return bound_ - value_[clique_best_[q]] + value_[j];
    if (clique_best_[q] == no_candidate && std::any_of(cliques_[q].begin(), cliques_[q].end(), [&](std::uint32_t c) { return picked_flag_[c]; }))
        return none;  // its clique holds a forced-in candidate
    return bound_ - last_taken_ + value_[j];
}

double LagrangianRelaxation::bound_forcing_out(std::uint32_t j) const {
    if (!picked_flag_[j]) return bound_;
    const std::uint32_t q = clique_of_[j];
    if (clique_best_[q] != j) return none;  // forced in: forcing it out leaves nothing
    return bound_ - value_[j] + std::max({0.0, clique_second_[q], first_left_});
}

}  // namespace geo
