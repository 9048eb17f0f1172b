// The max-coverage solver: constructed cases, spacing, hanging banners, exhaustive optimum on
// small instances and the upper bound.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "geo/placement/coverage_problem.h"
#include "geo/placement/cover_state.h"
#include "geo/placement/greedy.h"
#include "geo/placement/solver.h"
#include "geo/placement/upper_bound.h"

namespace {

using Lists = std::vector<std::vector<std::uint32_t>>;

geo::CoverageProblem make_problem(std::vector<double> weights, Lists covers, std::size_t k) {
    geo::CoverageProblem p;
    p.incident_weight = std::move(weights);
    p.covers = std::move(covers);
    p.conflicts.assign(p.covers.size(), {});
    p.count = k;
    return p;
}

// The best covered weight over every feasible set of at most K candidates.
double exhaustive_optimum(const geo::CoverageProblem& p) {
    double best = geo::covered_weight(p, {});
    std::vector<std::uint32_t> chosen;
    auto recurse = [&](auto&& self, std::uint32_t from) -> void {
        if (geo::is_feasible(p, chosen)) best = std::max(best, geo::covered_weight(p, chosen));
        else return;
        if (chosen.size() == p.count) return;
        for (std::uint32_t c = from; c < p.candidates(); ++c) {
            chosen.push_back(c);
            self(self, c + 1);
            chosen.pop_back();
        }
    };
    recurse(recurse, 0);
    return best;
}

geo::CoverageProblem random_problem(std::mt19937& rng, std::size_t candidates, std::size_t incidents, std::size_t k,
                                    bool spacing) {
    std::uniform_real_distribution<double> weight(0.0, 10.0);
    std::bernoulli_distribution reaches(0.25), close(0.15), precovered(0.1);
    std::vector<double> w(incidents);
    for (double& x : w) x = std::round(weight(rng) * 4) / 4;  // ties on purpose
    Lists covers(candidates);
    for (auto& list : covers)
        for (std::uint32_t i = 0; i < incidents; ++i)
            if (reaches(rng)) list.push_back(i);
    geo::CoverageProblem p = make_problem(w, covers, k);
    p.precovered.assign(incidents, false);
    for (std::uint32_t i = 0; i < incidents; ++i) p.precovered[i] = precovered(rng);
    if (spacing)
        for (std::uint32_t a = 0; a < candidates; ++a)
            for (std::uint32_t b = a + 1; b < candidates; ++b)
                if (close(rng)) {
                    p.conflicts[a].push_back(b);
                    p.conflicts[b].push_back(a);
                }
    for (auto& list : p.conflicts) std::sort(list.begin(), list.end());
    return p;
}

}  // namespace

TEST_CASE("Greedy alone is fooled, the swap finds the optimum") {
    // Incidents 0..5 weigh 1. Candidate 0 reaches the middle four, candidates 1 and 2 reach the
    // left and the right three:
    //   incident   0 1 2 3 4 5
    //   cand 0       x x x x       greedy takes it first (4)
    //   cand 1     x x x           then one of these adds 1: 5 in all
    //   cand 2           x x x     the optimum with K = 2 is {1, 2}: 6
    const auto p = make_problem({1, 1, 1, 1, 1, 1}, {{1, 2, 3, 4}, {0, 1, 2}, {3, 4, 5}}, 2);
    const auto s = geo::solve_max_coverage(p);
    CHECK(s.greedy_weight == 5);
    CHECK(s.covered_weight == 6);
    CHECK(s.swaps >= 1);
    auto chosen = s.chosen;
    std::sort(chosen.begin(), chosen.end());
    CHECK(chosen == std::vector<std::uint32_t>{1, 2});
    CHECK(s.upper_bound >= 6);
}

TEST_CASE("Lazy greedy picks by gain and breaks ties by the lower index") {
    const auto p = make_problem({2, 2, 1, 1}, {{2, 3}, {0}, {1}, {2}}, 3);
    geo::CoverState state(p);
    geo::lazy_greedy_fill(state);
    // Gains: 2, 2, 2, 1 -> candidate 0 first (tie, lower index), then 1, then 2.
    CHECK(state.chosen() == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(state.covered_weight() == 6);
}

TEST_CASE("Spacing: two candidates in conflict are never chosen together") {
    // Candidates 0 and 1 reach most but stand too close to each other.
    auto p = make_problem({5, 5, 1}, {{0}, {1}, {2}}, 2);
    p.conflicts = {{1}, {0}, {}};
    const auto s = geo::solve_max_coverage(p);
    CHECK(geo::is_feasible(p, s.chosen));
    CHECK(s.covered_weight == 6);
}

TEST_CASE("Hanging banners: their incidents are covered first and give no candidate a gain") {
    // Incidents 0 and 1 are reached by a hanging banner; candidate 0 reaches only them.
    auto p = make_problem({3, 3, 1}, {{0, 1}, {2}}, 1);
    p.precovered = {true, true, false};
    const auto s = geo::solve_max_coverage(p);
    CHECK(s.precovered_weight == 6);
    CHECK(s.chosen == std::vector<std::uint32_t>{1});
    CHECK(s.covered_weight == 7);
    // A blocked candidate (too close to a hanging banner) is never chosen.
    p.blocked = {false, true};
    const auto blocked = geo::solve_max_coverage(p);
    CHECK(blocked.covered_weight == 6);
    CHECK(blocked.chosen.empty());
}

TEST_CASE("Small random instances: the optimum against exhaustive search, the bound above it") {
    // Dense random instances (each candidate reaches a quarter of the incidents) are harder
    // than streets: the local search alone may stop short, branch and bound closes the gap.
    std::mt19937 rng(20210601);
    int local_optimal = 0, runs = 0;
    geo::SolverOptions local_only;
    local_only.exact_work_budget = 0;
    for (std::size_t candidates : {5u, 9u, 12u, 15u})
        for (std::size_t k = 1; k <= 4; ++k)
            for (int rep = 0; rep < 12; ++rep) {
                const auto p = random_problem(rng, candidates, 30, k, rep % 2 == 1);
                const double best = exhaustive_optimum(p);
                CAPTURE(candidates);
                CAPTURE(k);
                CAPTURE(rep);
                const auto s = geo::solve_max_coverage(p);
                CHECK(geo::is_feasible(p, s.chosen));
                CHECK(s.proven_optimal);
                CHECK(s.covered_weight == doctest::Approx(best).epsilon(1e-12));
                CHECK(s.upper_bound >= best - 1e-9);

                const auto local = geo::solve_max_coverage(p, local_only);
                CHECK(geo::is_feasible(p, local.chosen));
                CHECK(local.covered_weight <= best + 1e-9);
                CHECK(local.upper_bound >= best - 1e-9);
                local_optimal += local.covered_weight >= best - 1e-9 ? 1 : 0;
                ++runs;
            }
    MESSAGE(local_optimal << " of " << runs << " small instances solved exactly by greedy + swap alone");
}

TEST_CASE("The Lagrangian bound is never above the top-K marginal bound and never below the optimum") {
    std::mt19937 rng(7);
    for (int rep = 0; rep < 20; ++rep) {
        const auto p = random_problem(rng, 12, 40, 3, false);
        geo::CoverState state(p);
        geo::lazy_greedy_fill(state);
        const double top_k = geo::top_k_marginal_bound(state);
        const double lagrangian = geo::lagrangian_bound(state, 200);
        CHECK(lagrangian <= top_k + 1e-9);
        CHECK(lagrangian >= exhaustive_optimum(p) - 1e-9);
    }
}

TEST_CASE("The solver is deterministic") {
    std::mt19937 rng(99);
    const auto p = random_problem(rng, 15, 60, 4, true);
    const auto a = geo::solve_max_coverage(p);
    const auto b = geo::solve_max_coverage(p);
    CHECK(a.chosen == b.chosen);
    CHECK(a.covered_weight == b.covered_weight);
    CHECK(a.upper_bound == b.upper_bound);
}
