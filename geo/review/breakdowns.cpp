#include "geo/review/breakdowns.h"

#include <algorithm>

#include "geo/query/neighbourhood_stats.h"
#include "geo/spatial/point_in_area.h"

namespace geo {
namespace {

IncidentFilter in_window(IncidentFilter filter, const TimeWindow& window) {
    filter.window = window;
    return filter;
}

}  // namespace

TypeAgeTable cases_by_type_and_age(const District& district, const IncidentFilter& filter, const TimeWindow& window) {
    const IncidentFilter f = in_window(filter, window);
    TypeAgeTable t;
    for (const auto& i : district.incidents)
        if (f.matches(i)) {
            ++t.cases[static_cast<std::size_t>(i.fraud_type)][static_cast<std::size_t>(i.victim_age_band)];
            ++t.total;
        }
    return t;
}

std::vector<NeighbourhoodRow> neighbourhoods_by_rate(const District& district, const IncidentFilter& filter,
                                                     const TimeWindow& window) {
    const auto stats = neighbourhood_stats(district, neighbourhood_of_incidents(district), in_window(filter, window));
    std::vector<NeighbourhoodRow> rows;
    for (std::size_t n = 0; n < district.neighbourhoods.size(); ++n) {
        const Neighbourhood& hood = district.neighbourhoods[n];
        rows.push_back({hood.id, hood.name, stats[n].officer_name, static_cast<std::int64_t>(stats[n].incidents), stats[n].population,
                        stats[n].per_1000});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const NeighbourhoodRow& a, const NeighbourhoodRow& b) {
        if (a.per_1000.has_value() != b.per_1000.has_value()) return a.per_1000.has_value();
        if (a.per_1000 && *a.per_1000 != *b.per_1000) return *a.per_1000 > *b.per_1000;
        return a.id < b.id;
    });
    return rows;
}

std::array<std::int64_t, EnumNames<IncidentSource>::names.size()> cases_by_source(const District& district,
                                                                                  const IncidentFilter& filter,
                                                                                  const TimeWindow& window) {
    const IncidentFilter f = in_window(filter, window);
    std::array<std::int64_t, EnumNames<IncidentSource>::names.size()> out{};
    for (const auto& i : district.incidents)
        if (f.matches(i)) ++out[static_cast<std::size_t>(i.source)];
    return out;
}

std::array<WarningTotals, EnumNames<WarningChannel>::names.size()> warnings_by_channel(const District& district,
                                                                                     const TimeWindow& window) {
    std::array<WarningTotals, EnumNames<WarningChannel>::names.size()> out{};
    for (const auto& w : district.warnings)
        if (window.contains(w.time)) out[static_cast<std::size_t>(w.channel)].add(w);
    return out;
}

}  // namespace geo
