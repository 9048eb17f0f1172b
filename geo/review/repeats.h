#pragma once
// Repeat victimisation for the weekly review: the week's cases at a place hit before (the same
// building when the cases carry a building_id field, as the station's records and the sample
// do; else within 10 m), within a look-back. The lecture team and the officers revisit these
// first (回访).
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/incident_filter.h"
#include "geo/query/time_window.h"

namespace geo {

struct RepeatPlace {
    std::string building_id;          // empty when matched by place
    std::vector<std::string> cases;   // this week's case ids there
    std::size_t earlier = 0;          // cases there in the look-back before the week
    Timestamp first_earlier{};
};

std::vector<RepeatPlace> repeat_places(const District& district, const IncidentFilter& filter, const TimeWindow& week,
                                       int lookback_days = 365);

}  // namespace geo
