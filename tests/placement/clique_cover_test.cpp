// Cliques of the spacing conflict graph: the partition the Lagrangian subproblem keeps, the
// overlapping family that covers every pair, and the separation of violated cliques.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "geo/placement/clique_cover.h"
#include "geo/placement/coverage_problem.h"

namespace {

using Lists = std::vector<std::vector<std::uint32_t>>;

// Candidates (no incidents) with the given spacing conflicts, listed once per pair.
geo::CoverageProblem with_conflicts(std::size_t candidates, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
    geo::CoverageProblem p;
    p.covers.assign(candidates, {});
    p.conflicts.assign(candidates, {});
    for (const auto& [a, b] : pairs) {
        p.conflicts[a].push_back(b);
        p.conflicts[b].push_back(a);
    }
    for (auto& list : p.conflicts) std::sort(list.begin(), list.end());
    p.count = 2;
    return p;
}

bool conflict(const geo::CoverageProblem& p, std::uint32_t a, std::uint32_t b) {
    return std::binary_search(p.conflicts[a].begin(), p.conflicts[a].end(), b);
}

bool is_clique(const geo::CoverageProblem& p, const std::vector<std::uint32_t>& members) {
    for (std::size_t i = 0; i < members.size(); ++i)
        for (std::size_t j = i + 1; j < members.size(); ++j)
            if (!conflict(p, members[i], members[j])) return false;
    return true;
}

// Candidates at random points of a 1 km square, in conflict closer than spacing_m: the
// unit-disk graphs a street grid gives.
geo::CoverageProblem random_geometric(std::mt19937& rng, std::size_t candidates, double spacing_m) {
    std::uniform_real_distribution<double> at(0.0, 1000.0);
    std::vector<std::pair<double, double>> xy(candidates);
    for (auto& point : xy) point = {at(rng), at(rng)};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::uint32_t a = 0; a < candidates; ++a)
        for (std::uint32_t b = a + 1; b < candidates; ++b)
            if (std::hypot(xy[a].first - xy[b].first, xy[a].second - xy[b].second) < spacing_m) pairs.push_back({a, b});
    return with_conflicts(candidates, pairs);
}

}  // namespace

TEST_CASE("Clique partition: every unblocked candidate in exactly one clique, blocked ones in none") {
    std::mt19937 rng(11);
    for (int rep = 0; rep < 20; ++rep) {
        auto p = random_geometric(rng, 60, 250);
        p.blocked.assign(60, false);
        p.blocked[rep] = true;
        const Lists cliques = geo::clique_partition(p);
        std::vector<int> seen(60, 0);
        for (const auto& clique : cliques) {
            CHECK(is_clique(p, clique));
            CHECK(std::is_sorted(clique.begin(), clique.end()));
            for (const std::uint32_t c : clique) ++seen[c];
        }
        for (std::uint32_t c = 0; c < 60; ++c) CHECK(seen[c] == (p.is_blocked(c) ? 0 : 1));
    }
}

TEST_CASE("Clique family: every conflict pair shares a clique") {
    // A ring of five has no triangle: its family is its five pairs.
    //        0
    //      /   \      each too close to its two neighbours only
    //     4     1
    //     |     |
    //     3 --- 2
    const auto cycle = with_conflicts(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}});
    CHECK(geo::clique_family(cycle).size() == 5);

    std::mt19937 rng(12);
    for (int rep = 0; rep < 20; ++rep) {
        const auto p = random_geometric(rng, 80, 200);
        const Lists family = geo::clique_family(p);
        std::set<std::pair<std::uint32_t, std::uint32_t>> covered;
        for (const auto& clique : family) {
            CHECK(clique.size() >= 2);
            CHECK(is_clique(p, clique));
            for (const std::uint32_t a : clique)
                for (const std::uint32_t b : clique) covered.insert({a, b});
        }
        for (std::uint32_t a = 0; a < 80; ++a)
            for (const std::uint32_t b : p.conflicts[a]) CHECK(covered.count({a, b}) == 1);
    }
}

TEST_CASE("Clique family for an exact model: every pair covered even past the work budget") {
    // 700 candidates in a 1 km square, too close within 500 m: hundreds of neighbours each, so
    // growing cliques from every candidate would cost too much and the budget stops it early.
    std::mt19937 rng(13);
    const auto p = random_geometric(rng, 700, 500);
    const Lists budgeted = geo::clique_family(p);
    const Lists complete = geo::clique_family(p, {}, true);
    CHECK(complete.size() > budgeted.size());  // the budget did stop the growing
    std::set<std::pair<std::uint32_t, std::uint32_t>> covered;
    for (const auto& clique : complete) {
        CHECK(is_clique(p, clique));
        for (const std::uint32_t a : clique)
            for (const std::uint32_t b : clique) covered.insert({a, b});
    }
    std::size_t missing = 0;
    for (std::uint32_t a = 0; a < 700; ++a)
        for (const std::uint32_t b : p.conflicts[a]) missing += covered.count({a, b}) == 1 ? 0 : 1;
    CHECK(missing == 0);
}

TEST_CASE("Violated cliques: a fractional triangle the pairs allow is cut") {
    // Candidates 0, 1, 2 pairwise too close, each at x = 1/2: every pair sums to 1 (allowed),
    // the triangle to 3/2. Candidate 3 stands apart.
    const auto p = with_conflicts(4, {{0, 1}, {1, 2}, {0, 2}});
    const Lists cut = geo::violated_cliques(p, {0.5, 0.5, 0.5, 1.0}, 0.05, 10);
    REQUIRE(cut.size() == 1);
    CHECK(cut[0] == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(geo::violated_cliques(p, {0.3, 0.3, 0.3, 1.0}, 0.05, 10).empty());
}
