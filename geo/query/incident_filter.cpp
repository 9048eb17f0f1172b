#include "geo/query/incident_filter.h"

#include <algorithm>
#include <chrono>

namespace geo {
namespace {

template <class E>
bool allowed(const std::set<E>& values, E value) {
    return values.empty() || values.contains(value);
}

}  // namespace

bool IncidentFilter::matches(const Incident& incident) const {
    return (!window || window->contains(incident.time)) &&
           allowed(fraud_types, incident.fraud_type) && allowed(outcomes, incident.outcome) &&
           allowed(age_bands, incident.victim_age_band) && allowed(sources, incident.source);
}

std::vector<std::uint32_t> filter_incidents(const District& district, const IncidentFilter& filter) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < district.incidents.size(); ++i)
        if (filter.matches(district.incidents[i])) out.push_back(static_cast<std::uint32_t>(i));
    return out;
}

std::optional<TimeWindow> incident_time_range(const District& district) {
    if (district.incidents.empty()) return std::nullopt;
    const auto [first, last] = std::minmax_element(
        district.incidents.begin(), district.incidents.end(),
        [](const Incident& a, const Incident& b) { return a.time < b.time; });
    return TimeWindow{first->time, last->time + std::chrono::seconds{1}};
}

}  // namespace geo
