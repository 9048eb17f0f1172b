#pragma once
// The station's practice rule, replayed case by case in time order: every new case gets a
// banner within its neighbourhood unless a banner hanging at that moment already reaches it
// (straight line, radius_m). A suggested banner hangs for `period_days` (30 by default: the
// sample's banners hang 28 to 31 days) and then expires, like the real ones.
// The suggestion goes to the candidate site in the case's neighbourhood nearest to it within
// reach, else to the case's own location.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/placement/candidate_sites.h"

namespace geo {

struct PracticeRuleOptions {
    double radius_m = 300;
    double period_days = 30;
    std::optional<Timestamp> since;  // cases at or after; none = all
};

struct RuleSuggestion {
    std::uint32_t incident = 0;     // index into district.incidents: the case that asked for it
    std::int32_t neighbourhood = -1;
    XY location;
    bool at_candidate = false;      // false: at the case's own location
    Timestamp hangs_from{};
    Timestamp expires{};
};

struct PracticeRuleReplay {
    std::size_t cases = 0;
    std::size_t covered_by_existing = 0;    // reached by a real banner hanging then
    std::size_t covered_by_suggested = 0;   // reached by an earlier suggestion still hanging
    std::vector<RuleSuggestion> suggestions;
};

// BadInput naming --period or --radius for values not positive.
PracticeRuleReplay replay_practice_rule(const District& district, const std::vector<CandidateSite>& candidates,
                                        const PracticeRuleOptions& options);

}  // namespace geo
