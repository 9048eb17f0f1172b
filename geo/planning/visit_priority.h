#pragma once
// How much a visit to each building is worth this week, and how long it takes. The weekly
// planner maximises the priority visited within each officer's hours.
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct PriorityWeights {
    double past_victim = 3;        // a household here was defrauded: revisit
    double elderly_alone = 3;      // the lecture team's first audience
    double no_app = 2;             // households without the anti-fraud app
    double no_poster = 1;          // no poster in the building
    double no_contact_card = 1;    // no police contact card in the building
    double per_recent_case = 2;    // each case nearby, decayed by its age
    double nearby_m = 300;         // "nearby"
    double half_life_days = 30;    // a case's weight halves every 30 days
    double lookback_days = 120;    // older cases are not counted
};

struct ServiceTime {
    double base_min = 5;           // knock, introduce, leave a leaflet
    double per_household_min = 1.5;
    double max_min = 45;           // a tower block is split over several weeks
};

struct BuildingPriority {
    double priority = 0;           // 0 = nothing to do there
    double service_min = 0;
    bool has_poster = false;
    bool has_contact_card = false;
    std::vector<FraudType> recent_types;  // distinct, most frequent first
};

// One entry per building (district.buildings order), as of `week_start`.
std::vector<BuildingPriority> visit_priorities(const District& district, Timestamp week_start,
                                               const PriorityWeights& weights = {}, const ServiceTime& service = {});

}  // namespace geo
