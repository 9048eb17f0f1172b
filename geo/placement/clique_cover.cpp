#include "geo/placement/clique_cover.h"

#include <algorithm>
#include <set>

namespace geo {
namespace {

std::size_t common_count(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::size_t n = 0;
    for (auto p = a.begin(), q = b.begin(); p != a.end() && q != b.end();) {
        if (*p < *q) ++p;
        else if (*q < *p) ++q;
        else ++n, ++p, ++q;
    }
    return n;
}

// Grows `clique` (pairwise in conflict) by the allowed candidates conflicting with all its
// members, trying first those sharing the most neighbours with the first member: on a map, the
// nearest, which leaves room for more. Above `max_ranked` neighbours the ranking (quadratic in
// the degree) gives way to index order. `links` is scratch, all zero, returned all zero: per
// candidate, how many members it conflicts with. Costs the members' degrees summed.
std::vector<std::uint32_t> grow_clique(const CoverageProblem& problem, std::vector<std::uint32_t> clique,
                                       const std::vector<bool>& allowed, std::vector<std::uint32_t>& links) {
    constexpr std::size_t max_ranked = 400;
    const auto& near = problem.conflicts[clique.front()];
    for (const std::uint32_t m : clique)
        for (const std::uint32_t w : problem.conflicts[m]) ++links[w];
    std::vector<std::pair<std::size_t, std::uint32_t>> order;  // (shared neighbours, candidate)
    for (const std::uint32_t u : near)
        if (allowed[u] && links[u] == clique.size())
            order.push_back({near.size() <= max_ranked ? common_count(near, problem.conflicts[u]) : 0, u});
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [shared, u] : order)
        if (links[u] == clique.size()) {
            clique.push_back(u);
            for (const std::uint32_t w : problem.conflicts[u]) ++links[w];
        }
    for (const std::uint32_t m : clique)
        for (const std::uint32_t w : problem.conflicts[m]) --links[w];
    std::sort(clique.begin(), clique.end());
    return clique;
}

std::vector<bool> usable_candidates(const CoverageProblem& problem, const std::vector<bool>& allowed) {
    std::vector<bool> usable(problem.candidates());
    for (std::uint32_t c = 0; c < problem.candidates(); ++c) usable[c] = !problem.is_blocked(c) && (allowed.empty() || allowed[c]);
    return usable;
}

}  // namespace

std::vector<std::vector<std::uint32_t>> clique_partition(const CoverageProblem& problem) {
    std::vector<bool> unassigned(problem.candidates());
    for (std::uint32_t c = 0; c < problem.candidates(); ++c) unassigned[c] = !problem.is_blocked(c);
    std::vector<std::uint32_t> links(problem.candidates(), 0);
    std::vector<std::vector<std::uint32_t>> cliques;
    for (std::uint32_t seed = 0; seed < problem.candidates(); ++seed) {
        if (!unassigned[seed]) continue;
        auto clique = grow_clique(problem, {seed}, unassigned, links);
        for (const std::uint32_t c : clique) unassigned[c] = false;
        cliques.push_back(std::move(clique));
    }
    return cliques;
}

std::vector<std::vector<std::uint32_t>> clique_family(const CoverageProblem& problem, const std::vector<bool>& allowed,
                                                      bool every_pair) {
    const std::size_t n = problem.candidates();
    const std::vector<bool> usable = usable_candidates(problem, allowed);
    std::size_t degrees = 0;
    for (std::uint32_t c = 0; c < n; ++c)
        if (usable[c]) degrees += problem.conflicts[c].size();
    // Growing a clique costs its members' degrees; past this the remaining pairs are left to
    // the separation (violated_cliques). About 0.1 s at 2,000 candidates in one big clique.
    const std::size_t max_work = 20 * degrees + 1'000'000;
    std::size_t work = 0;
    std::vector<std::uint32_t> links(n, 0);
    std::vector<std::vector<std::uint32_t>> family;
    std::set<std::vector<std::uint32_t>> seen;
    std::vector<std::vector<std::uint32_t>> member_of(n);  // per candidate: its family cliques, ascending
    auto covered = [&](std::uint32_t a, std::uint32_t b) { return common_count(member_of[a], member_of[b]) > 0; };
    auto grow = [&](std::vector<std::uint32_t> seed) {
        auto clique = grow_clique(problem, std::move(seed), usable, links);
        for (const std::uint32_t m : clique) work += problem.conflicts[m].size() * 2;
        if (!seen.insert(clique).second) return;
        for (const std::uint32_t m : clique) member_of[m].push_back(static_cast<std::uint32_t>(family.size()));
        family.push_back(std::move(clique));
    };
    for (std::uint32_t a = 0; a < n && work <= max_work; ++a) {
        if (!usable[a]) continue;
        auto open_pair = [&](std::uint32_t b) { return usable[b] && !covered(a, b); };
        const auto& near = problem.conflicts[a];
        if (std::any_of(near.begin(), near.end(), open_pair)) grow({a});
        for (const std::uint32_t b : near)
            if (work <= max_work && b > a && open_pair(b)) grow({a, b});
    }
    if (every_pair && work > max_work)
        for (std::uint32_t a = 0; a < n; ++a)
            for (const std::uint32_t b : problem.conflicts[a])
                if (a < b && usable[a] && usable[b] && !covered(a, b)) family.push_back({a, b});
    return family;
}

std::vector<std::vector<std::uint32_t>> violated_cliques(const CoverageProblem& problem, const std::vector<double>& x,
                                                         double min_excess, std::size_t max_count,
                                                         const std::vector<bool>& allowed) {
    const std::size_t n = problem.candidates();
    const std::vector<bool> usable = usable_candidates(problem, allowed);
    std::vector<std::uint32_t> seeds;
    for (std::uint32_t c = 0; c < n; ++c)
        if (usable[c] && x[c] > 0) seeds.push_back(c);
    auto heavier = [&](std::uint32_t a, std::uint32_t b) { return x[a] != x[b] ? x[a] > x[b] : a < b; };
    std::sort(seeds.begin(), seeds.end(), heavier);
    std::set<std::vector<std::uint32_t>> found;
    std::vector<std::vector<std::uint32_t>> out;
    std::vector<std::uint32_t> links(n, 0);
    std::vector<bool> in_found(n, false);  // a seed inside a clique found from a heavier one adds little
    for (const std::uint32_t seed : seeds) {
        if (out.size() >= max_count) break;
        if (in_found[seed]) continue;
        std::vector<std::uint32_t> loaded;
        for (const std::uint32_t u : problem.conflicts[seed])
            if (usable[u] && x[u] > 0) loaded.push_back(u);
        std::sort(loaded.begin(), loaded.end(), heavier);
        // The loaded part first, greedily by x (as grow_clique, with x for the ranking).
        std::vector<std::uint32_t> clique{seed};
        for (const std::uint32_t w : problem.conflicts[seed]) ++links[w];
        double load = x[seed];
        for (const std::uint32_t u : loaded)
            if (links[u] == clique.size()) {
                clique.push_back(u);
                load += x[u];
                for (const std::uint32_t w : problem.conflicts[u]) ++links[w];
            }
        for (const std::uint32_t m : clique)
            for (const std::uint32_t w : problem.conflicts[m]) --links[w];
        if (load <= 1 + min_excess) continue;
        auto full = grow_clique(problem, std::move(clique), usable, links);
        for (const std::uint32_t m : full) in_found[m] = true;
        if (found.insert(full).second) out.push_back(std::move(full));
    }
    return out;
}

}  // namespace geo
