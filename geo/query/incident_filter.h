#pragma once
// The one incident filter every view (map, inspector, counts) applies, so that they all show
// the same numbers: a time window and sets of allowed values per field.
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/time_window.h"

namespace geo {

struct IncidentFilter {
    std::optional<TimeWindow> window;        // none = all time
    std::set<FraudType> fraud_types;         // empty = all
    std::set<Outcome> outcomes;              // empty = all
    std::set<AgeBand> age_bands;             // empty = all (matches Incident::victim_age_band)
    std::set<IncidentSource> sources;        // empty = all

    bool matches(const Incident& incident) const;
};

// Indices into district.incidents of the incidents `filter` matches, ascending.
std::vector<std::uint32_t> filter_incidents(const District& district, const IncidentFilter& filter);

// The data range of a district's incidents: [earliest time, latest time + 1 s), so that the
// latest incident is inside the half-open window. nullopt when there are no incidents.
std::optional<TimeWindow> incident_time_range(const District& district);

}  // namespace geo
