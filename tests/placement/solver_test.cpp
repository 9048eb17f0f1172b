// The max-coverage solver: constructed cases, spacing, hanging banners, exhaustive optimum on
// small instances, the upper bounds (top-K marginal, Lagrangian with clique rows, branch and
// bound) against that optimum, and the one-pass swap against trying every pair.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <random>
#include <vector>

#include "geo/placement/coverage_problem.h"
#include "geo/placement/cover_state.h"
#include "geo/placement/greedy.h"
#include "geo/placement/lagrangian_relaxation.h"
#include "geo/placement/solver.h"
#include "geo/placement/swap_move.h"
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

constexpr double no_solution = -1;

// The best covered weight over every feasible set of at most K candidates that holds every
// candidate in `must` (no_solution when none does).
double exhaustive_optimum(const geo::CoverageProblem& p, const std::vector<std::uint32_t>& must = {}) {
    double best = no_solution;
    std::vector<std::uint32_t> chosen;
    auto recurse = [&](auto&& self, std::uint32_t from) -> void {
        if (!geo::is_feasible(p, chosen)) return;
        if (std::all_of(must.begin(), must.end(), [&](std::uint32_t c) { return std::find(chosen.begin(), chosen.end(), c) != chosen.end(); }))
            best = std::max(best, geo::covered_weight(p, chosen));
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

// The optimum with `out` unusable.
double optimum_without(geo::CoverageProblem p, std::uint32_t out) {
    p.blocked.resize(p.candidates(), false);
    p.blocked[out] = true;
    return exhaustive_optimum(p);
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

// Candidates and incidents at random points of a 1 km square: reach within radius_m, conflict
// closer than spacing_m, as on a map (the conflict graph is a unit-disk graph, not random
// pairs). Weights in quarters, or with decimals when `fractional` (no integral rounding).
geo::CoverageProblem random_map(std::mt19937& rng, std::size_t candidates, std::size_t incidents, std::size_t k,
                                double radius_m, double spacing_m, bool fractional) {
    std::uniform_real_distribution<double> at(0.0, 1000.0), weight(0.0, 10.0);
    auto points = [&](std::size_t n) {
        std::vector<std::pair<double, double>> xy(n);
        for (auto& point : xy) point = {at(rng), at(rng)};
        return xy;
    };
    const auto sites = points(candidates), cases = points(incidents);
    auto distance = [](const auto& a, const auto& b) { return std::hypot(a.first - b.first, a.second - b.second); };
    std::vector<double> w(incidents);
    for (double& x : w) x = fractional ? weight(rng) : std::round(weight(rng) * 4) / 4;
    Lists covers(candidates);
    for (std::uint32_t c = 0; c < candidates; ++c)
        for (std::uint32_t i = 0; i < incidents; ++i)
            if (distance(sites[c], cases[i]) <= radius_m) covers[c].push_back(i);
    geo::CoverageProblem p = make_problem(w, covers, k);
    for (std::uint32_t a = 0; a < candidates; ++a)
        for (std::uint32_t b = 0; b < candidates; ++b)
            if (a != b && distance(sites[a], sites[b]) < spacing_m) p.conflicts[a].push_back(b);
    return p;
}

// The best swap by trying every (out, in) pair, as the swap move was first written.
std::optional<geo::Swap> naive_best_swap(const geo::CoverState& state, double min_delta) {
    std::optional<geo::Swap> best;
    for (const std::uint32_t out : state.chosen())
        for (std::uint32_t in = 0; in < state.problem().candidates(); ++in) {
            if (!state.can_add(in, out)) continue;
            std::vector<std::uint32_t> next;
            for (const std::uint32_t c : state.chosen()) next.push_back(c == out ? in : c);
            const double delta = geo::covered_weight(state.problem(), next) - state.covered_weight();
            if (delta > min_delta && (!best || delta > best->delta)) best = geo::Swap{out, in, delta};
        }
    return best;
}

std::vector<geo::Fix> all_open(const geo::CoverageProblem& p) {
    std::vector<geo::Fix> fix(p.candidates(), geo::Fix::open);
    for (std::uint32_t c = 0; c < p.candidates(); ++c)
        if (p.is_blocked(c)) fix[c] = geo::Fix::out;
    return fix;
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
    int local_optimal = 0, runs = 0, branched = 0;
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
                branched += s.exact_nodes > 1 ? 1 : 0;

                const auto local = geo::solve_max_coverage(p, local_only);
                CHECK(geo::is_feasible(p, local.chosen));
                CHECK(local.covered_weight <= best + 1e-9);
                CHECK(local.upper_bound >= best - 1e-9);
                local_optimal += local.covered_weight >= best - 1e-9 ? 1 : 0;
                ++runs;
            }
    MESSAGE(local_optimal << " of " << runs << " small instances solved exactly by greedy + swap alone, "
                          << branched << " needed branching to prove it");
    CHECK(branched >= 10);  // the branch and bound is exercised, not only the root bound
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

TEST_CASE("Every bound is at least the exhaustive optimum, with and without spacing") {
    // Random pairs (any conflict graph) and maps (unit-disk graphs, spacing from none to
    // twice the reach); the Lagrangian bound alone, the root of the branch and bound alone,
    // the full solver, and the solver stopped at a 5 % target gap.
    std::mt19937 rng(20240611);
    geo::SolverOptions root_only, five_percent;
    root_only.exact_work_budget = 1;
    five_percent.target_gap = 0.05;
    for (int rep = 0; rep < 120; ++rep) {
        const std::size_t k = 1 + rep % 4;
        const double spacing_m = (rep / 4) % 3 * 150.0;
        const auto p = rep % 2 == 0 ? random_map(rng, 14, 40, k, 200, spacing_m, rep % 3 == 0)
                                    : random_problem(rng, 13, 30, k, rep % 3 != 0);
        CAPTURE(rep);
        const double best = exhaustive_optimum(p);
        geo::CoverState state(p);
        geo::lazy_greedy_fill(state);
        CHECK(geo::top_k_marginal_bound(state) >= best - 1e-9);
        CHECK(geo::lagrangian_bound(state, 300) >= best - 1e-9);
        const auto root = geo::solve_max_coverage(p, root_only);
        CHECK(root.upper_bound >= best - 1e-9);
        CHECK(geo::is_feasible(p, root.chosen));
        const auto full = geo::solve_max_coverage(p);
        CHECK(full.upper_bound >= best - 1e-9);
        const auto rough = geo::solve_max_coverage(p, five_percent);
        CHECK(rough.upper_bound >= best - 1e-9);
        CHECK(rough.proven_gap() <= 0.05 + 1e-12);
        CHECK(rough.covered_weight <= best + 1e-9);
    }
}

TEST_CASE("On small maps the solver finds the exhaustive optimum, keeps the spacing and proves it") {
    std::mt19937 rng(314);
    int branched = 0;
    for (int rep = 0; rep < 60; ++rep) {
        const std::size_t k = 3 + rep % 3;
        const double spacing_m = 100.0 + 100.0 * (rep % 4);  // up to twice the reach
        auto p = random_map(rng, 18, 60, k, 200, spacing_m, rep % 2 == 0);
        p.precovered.assign(p.incidents(), false);
        p.precovered[static_cast<std::size_t>(rep) % p.incidents()] = true;
        CAPTURE(rep);
        const double best = exhaustive_optimum(p);
        const auto s = geo::solve_max_coverage(p);
        CHECK(geo::is_feasible(p, s.chosen));
        CHECK(s.covered_weight == doctest::Approx(best).epsilon(1e-12));
        CHECK(s.proven_optimal);
        CHECK(s.upper_bound >= best - 1e-9);
        branched += s.exact_nodes > 1 ? 1 : 0;
    }
    MESSAGE(branched << " of 60 needed more than the root node");  // the clique rows are that tight
}

TEST_CASE("Reduced-cost fixing: the bound of forcing a candidate in or out holds for that child") {
    // These bounds close branches without exploring them, so each must be at least the best
    // covered weight with that candidate forced.
    std::mt19937 rng(2718);
    for (int rep = 0; rep < 40; ++rep) {
        const auto p = random_map(rng, 12, 40, 1 + rep % 3, 200, rep % 2 == 0 ? 0.0 : 250.0, true);
        CAPTURE(rep);
        geo::CoverState state(p);
        geo::lazy_greedy_fill(state);
        geo::LagrangianRelaxation relaxation(p);
        relaxation.start_from(state);
        const double bound = relaxation.descend(all_open(p), state.covered_weight(), -1.0, 100);
        CHECK(bound >= exhaustive_optimum(p) - 1e-9);
        for (std::uint32_t c = 0; c < p.candidates(); ++c) {
            CAPTURE(c);
            const double forced_in = exhaustive_optimum(p, {c});
            if (forced_in != no_solution) CHECK(relaxation.bound_forcing_in(c) >= forced_in - 1e-9);
            CHECK(relaxation.bound_forcing_out(c) >= optimum_without(p, c) - 1e-9);
        }
    }
}

TEST_CASE("Spacing on a hot spot: the clique bound is exact where the old bound counts every banner") {
    // Candidates 0, 1, 2 stand around one hot spot, pairwise too close; each reaches three
    // cases of its own there (weight 1 each). Candidate 3 stands apart and reaches one case.
    //
    //        0 1 2          one hot spot: 9 cases, a third within each banner's reach
    //       (  *  )   . 3   K = 3: with the spacing, one of 0/1/2 and 3 cover 3 + 1 = 4
    //
    // Without the spacing 0, 1 and 2 together would cover all 9: the top-K marginal bound and
    // the relaxation without spacing pairs (the old bounds) say 9 or more.
    auto p = make_problem(std::vector<double>(10, 1.0), {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9}}, 3);
    p.conflicts = {{1, 2}, {0, 2}, {0, 1}, {}};
    geo::CoverState state(p);
    geo::lazy_greedy_fill(state);
    CHECK(state.covered_weight() == 4);
    CHECK(geo::top_k_marginal_bound(state) >= 9);
    auto unspaced = p;
    for (auto& near : unspaced.conflicts) near.clear();
    geo::CoverState unspaced_state(unspaced);
    for (const std::uint32_t c : state.chosen()) unspaced_state.add(c);
    CHECK(geo::lagrangian_bound(unspaced_state, 300) >= 9 - 1e-9);
    CHECK(geo::lagrangian_bound(state, 300) == doctest::Approx(4));
    const auto s = geo::solve_max_coverage(p);
    CHECK(s.covered_weight == 4);
    CHECK(s.upper_bound == doctest::Approx(4));
    CHECK(s.proven_optimal);
}

TEST_CASE("Spacing that is not one clique: a ring of five, where the LP is fractional, is still proven") {
    // Five candidates in a ring, each too close to its two neighbours (no three pairwise):
    //        0
    //      /   \      each reaches its own 2 cases (weight 1); K = 5. With the spacing at
    //     4     1     most 2 banners (an independent set of a ring of five): 4 cases. The
    //     |     |     LP (pairs or cliques alike: there is no triangle) takes x = 1/2
    //     3 --- 2     everywhere: 5. Reduced-cost fixing and branching close the gap.
    auto p = make_problem(std::vector<double>(10, 1.0), {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}}, 5);
    p.conflicts = {{1, 4}, {0, 2}, {1, 3}, {2, 4}, {0, 3}};
    CHECK(exhaustive_optimum(p) == 4);
    geo::CoverState state(p);
    geo::lazy_greedy_fill(state);
    CHECK(geo::lagrangian_bound(state, 300) >= 4);
    const auto s = geo::solve_max_coverage(p);
    CHECK(geo::is_feasible(p, s.chosen));
    CHECK(s.covered_weight == 4);
    CHECK(s.upper_bound == 4);
    CHECK(s.proven_optimal);
}

TEST_CASE("The one-pass best swap equals the swap found by trying every pair") {
    std::mt19937 rng(4242);
    int compared = 0;
    for (int rep = 0; rep < 80; ++rep) {
        auto p = rep % 2 == 0 ? random_map(rng, 14, 40, 2 + rep % 4, 200, rep % 4 < 2 ? 0.0 : 200.0, false)
                              : random_problem(rng, 12, 30, 2 + rep % 3, rep % 4 == 1);
        CAPTURE(rep);
        geo::CoverState state(p);
        // A random feasible start, not a greedy one: more swaps to find.
        std::vector<std::uint32_t> order(p.candidates());
        std::iota(order.begin(), order.end(), 0u);
        std::shuffle(order.begin(), order.end(), rng);
        for (const std::uint32_t c : order)
            if (state.chosen().size() < p.count && state.can_add(c)) state.add(c);
        for (int step = 0; step < 5; ++step) {
            const auto fast = geo::best_swap(state, 1e-9);
            const auto slow = naive_best_swap(state, 1e-9);
            REQUIRE(fast.has_value() == slow.has_value());
            if (!fast) break;
            CHECK(fast->out == slow->out);
            CHECK(fast->in == slow->in);
            CHECK(fast->delta == doctest::Approx(slow->delta));
            ++compared;
            geo::apply(*fast, state);
        }
    }
    CHECK(compared > 50);
}
