#pragma once
// The weighted maximum-coverage problem behind banner placement, as plain index lists:
// choose at most `count` candidates, no two closer than the minimum spacing, maximising the
// weight of the incidents that at least one chosen candidate reaches. Incidents that a banner
// still hanging already reaches are `precovered`: their weight counts as covered from the
// start and no candidate gains anything from them.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace geo {

struct CoverageProblem {
    std::vector<double> incident_weight;                // >= 0, one per incident
    std::vector<bool> precovered;                       // per incident; empty = none
    std::vector<std::vector<std::uint32_t>> covers;     // per candidate: incidents reached, ascending
    std::vector<std::vector<std::uint32_t>> conflicts;  // per candidate: candidates too close, ascending
    std::vector<bool> blocked;                          // per candidate: unusable; empty = none
    std::size_t count = 0;                              // K: banners to add

    std::size_t candidates() const { return covers.size(); }
    std::size_t incidents() const { return incident_weight.size(); }
    bool is_blocked(std::uint32_t c) const { return !blocked.empty() && blocked[c]; }
    bool is_precovered(std::uint32_t i) const { return !precovered.empty() && precovered[i]; }
    double total_weight() const;
    double precovered_weight() const;
};

// Weight covered by the precovered incidents plus those `chosen` reaches (each counted once).
double covered_weight(const CoverageProblem& problem, const std::vector<std::uint32_t>& chosen);

// True when `chosen` has at most `count` distinct, unblocked candidates with no two in conflict.
bool is_feasible(const CoverageProblem& problem, const std::vector<std::uint32_t>& chosen);

}  // namespace geo
