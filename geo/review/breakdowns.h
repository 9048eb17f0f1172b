#pragma once
// The review's tables for one window: cases by fraud type and victim age band (what the
// lecture team tailors its talks by), by neighbourhood ranked per 1,000 people with the
// officer who answers for it (一小区一民警), and by source (how the case reached the station).
#include <array>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/incident_filter.h"
#include "geo/query/time_window.h"
#include "geo/review/weekly_figures.h"

namespace geo {

struct TypeAgeTable {
    // [fraud type][age band], both in enum order.
    std::array<std::array<std::int64_t, EnumNames<AgeBand>::names.size()>, EnumNames<FraudType>::names.size()> cases{};
    std::int64_t total = 0;
};
TypeAgeTable cases_by_type_and_age(const District& district, const IncidentFilter& filter, const TimeWindow& window);

struct NeighbourhoodRow {
    std::string id, name, officer;
    std::int64_t cases = 0;
    std::int64_t population = 0;
    std::optional<double> per_1000;
};
// Highest rate first (neighbourhoods without people last, then by id).
std::vector<NeighbourhoodRow> neighbourhoods_by_rate(const District& district, const IncidentFilter& filter,
                                                     const TimeWindow& window);

// Cases per source, in enum order.
std::array<std::int64_t, EnumNames<IncidentSource>::names.size()> cases_by_source(const District& district,
                                                                                  const IncidentFilter& filter,
                                                                                  const TimeWindow& window);

// Early warnings per channel (bank, property manager, call, SMS interception ...), enum order.
std::array<WarningTotals, EnumNames<WarningChannel>::names.size()> warnings_by_channel(const District& district,
                                                                                     const TimeWindow& window);

}  // namespace geo
