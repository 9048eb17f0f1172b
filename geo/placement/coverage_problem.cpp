#include "geo/placement/coverage_problem.h"

#include <algorithm>

namespace geo {

double CoverageProblem::total_weight() const {
    double total = 0;
    for (const double w : incident_weight) total += w;
    return total;
}

double CoverageProblem::precovered_weight() const {
    double total = 0;
    for (std::uint32_t i = 0; i < incident_weight.size(); ++i)
        if (is_precovered(i)) total += incident_weight[i];
    return total;
}

double covered_weight(const CoverageProblem& problem, const std::vector<std::uint32_t>& chosen) {
    std::vector<bool> covered(problem.incidents(), false);
    for (std::uint32_t i = 0; i < problem.incidents(); ++i) covered[i] = problem.is_precovered(i);
    for (const std::uint32_t c : chosen)
        for (const std::uint32_t i : problem.covers[c]) covered[i] = true;
    double total = 0;
    for (std::uint32_t i = 0; i < problem.incidents(); ++i)
        if (covered[i]) total += problem.incident_weight[i];
    return total;
}

bool is_feasible(const CoverageProblem& problem, const std::vector<std::uint32_t>& chosen) {
    if (chosen.size() > problem.count) return false;
    for (std::size_t a = 0; a < chosen.size(); ++a) {
        if (chosen[a] >= problem.candidates() || problem.is_blocked(chosen[a])) return false;
        for (std::size_t b = a + 1; b < chosen.size(); ++b) {
            if (chosen[a] == chosen[b]) return false;
            const auto& near = problem.conflicts[chosen[a]];
            if (std::binary_search(near.begin(), near.end(), chosen[b])) return false;
        }
    }
    return true;
}

}  // namespace geo
