#pragma once
// The buildings to cover first: every building missing a poster or a contact card, ranked by
// risk, highest first (ties: building id ascending, so the list is the same on every run).
//   risk = recent_incidents * per_incident + elderly_alone * [flag] + no_app * [flag]
//          + transients * transient_share
// recent_incidents: incidents within radius_m of the building's point, each weighing
// 0.5^(age_days / half_life_days) (age from as_of, the latest incident when not given);
// transient_share: transients / (residents + transients) of its neighbourhood.
// The default weights make one elderly-alone household worth three fresh cases nearby: a
// planning choice of ours, kept here where it can be changed.
#include <cstdint>
#include <optional>
#include <vector>

#include "geo/coverage/building_coverage.h"

namespace geo {

struct RiskWeights {
    double radius_m = 300;
    double half_life_days = 90;  // 0 = no decay
    double per_incident = 1;
    double elderly_alone = 3;
    double no_app = 1;
    double transients = 2;       // times the transient share (0..1)
    std::optional<Timestamp> as_of;
};

struct WorklistEntry {
    std::uint32_t building = 0;    // index into district.buildings
    double risk = 0;
    double recent_incidents = 0;   // decay-weighted count
    double transient_share = 0;
    bool missing_poster = false;
    bool missing_contact_card = false;
};

// BadInput naming --risk-radius / --risk-half-life for values out of range.
std::vector<WorklistEntry> coverage_worklist(const District& district, const std::vector<BuildingCoverage>& coverage,
                                             const RiskWeights& weights);

}  // namespace geo
