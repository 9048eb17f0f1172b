#pragma once
// Week-on-week and month-on-month figures: counts and losses per ISO week or calendar month
// (in the workspace's time zone), for the district and for each neighbourhood, each with its
// change against the window before — what the station's weekly case review reads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/incident_filter.h"
#include "geo/query/time_window.h"

namespace geo {

struct PeriodFigures {
    TimeWindow window;
    std::string label;                          // "2021-06" or "2021-W24"
    std::size_t incidents = 0;
    double loss_yuan = 0;
    std::optional<double> incidents_change_pct;  // vs the window before; nullopt when it had none
    std::optional<double> loss_change_pct;       // vs the window before; nullopt when it lost ¥0
};

struct ChangeSeries {
    std::string id;    // neighbourhood id; "" for the district, "-" for outside every neighbourhood
    std::string name;  // neighbourhood name; "" for the district
    std::vector<PeriodFigures> periods;  // the report's windows, all of them, in order
};

struct ChangeReport {
    TimeStep step = TimeStep::month;
    ChangeSeries district;                      // every incident the filter keeps
    std::vector<ChangeSeries> neighbourhoods;   // district order; empty unless asked for
    std::optional<ChangeSeries> outside;        // incidents in no neighbourhood, when any
};

// The windows run from the one holding the earliest incident the filter keeps to the one
// holding the latest, so a window without cases shows as 0. The first window's change is
// against the window before it, which has no kept incidents (nullopt). Percentages are
// 100·(now − before)/before, unrounded (district_summary.h's change_pct).
// `incident_neighbourhood` is neighbourhood_of_incidents(district) for per-neighbourhood series,
// or null for the district's alone.
ChangeReport period_changes(const District& district, const IncidentFilter& filter, TimeStep step,
                            const std::vector<std::int32_t>* incident_neighbourhood = nullptr);

}  // namespace geo
