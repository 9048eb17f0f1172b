#include "geo/placement/lp_model.h"

#include <fmt/format.h>

#include "geo/placement/clique_cover.h"

namespace geo {

double lp_constant(const CoverageProblem& problem) { return problem.precovered_weight(); }

std::string coverage_lp(const CoverageProblem& problem) {
    std::vector<std::vector<std::uint32_t>> reached_by(problem.incidents());
    for (std::uint32_t c = 0; c < problem.candidates(); ++c)
        if (!problem.is_blocked(c))
            for (const std::uint32_t i : problem.covers[c]) reached_by[i].push_back(c);
    auto open = [&](std::uint32_t i) { return !problem.is_precovered(i) && !reached_by[i].empty(); };

    std::string lp = "\\ PatrolMap banner placement: weighted maximum coverage\nMaximize\n obj:";
    bool any = false;
    for (std::uint32_t i = 0; i < problem.incidents(); ++i)
        if (open(i) && problem.incident_weight[i] > 0) {
            lp += fmt::format(" + {:.17g} y{}", problem.incident_weight[i], i);
            any = true;
        }
    if (!any) lp += " 0 x0";
    lp += "\nSubject To\n";
    for (std::uint32_t i = 0; i < problem.incidents(); ++i) {
        if (!open(i)) continue;
        lp += fmt::format(" r{}: y{}", i, i);
        for (const std::uint32_t c : reached_by[i]) lp += fmt::format(" - x{}", c);
        lp += " <= 0\n";
    }
    std::string count_row;
    for (std::uint32_t c = 0; c < problem.candidates(); ++c)
        if (!problem.is_blocked(c)) count_row += fmt::format(" + x{}", c);
    if (!count_row.empty()) lp += " count:" + count_row + fmt::format(" <= {}\n", problem.count);
    const auto cliques = clique_family(problem, {}, true);
    for (std::size_t q = 0; q < cliques.size(); ++q) {
        lp += fmt::format(" s{}:", q);
        for (const std::uint32_t c : cliques[q]) lp += fmt::format(" + x{}", c);
        lp += " <= 1\n";
    }
    lp += "Bounds\n";
    for (std::uint32_t i = 0; i < problem.incidents(); ++i)
        if (open(i)) lp += fmt::format(" 0 <= y{} <= 1\n", i);
    lp += "Binary\n";
    for (std::uint32_t c = 0; c < problem.candidates(); ++c)
        if (!problem.is_blocked(c)) lp += fmt::format(" x{}\n", c);
    lp += "End\n";
    return lp;
}

}  // namespace geo
