#pragma once
// What the inspector and the choropleth show for each neighbourhood: population, incidents under
// the shared filter (and the window before, for the change), losses, posters up, app adoption
// and the officer in charge.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/incident_filter.h"

namespace geo {

struct NeighbourhoodStats {
    std::int64_t residents = 0;
    std::int64_t transients = 0;
    std::int64_t population = 0;           // residents + transients
    std::size_t incidents = 0;             // matching the filter, in its window
    std::size_t incidents_previous = 0;    // same filter in previous_window(window); 0 without a window
    std::optional<double> change_pct;      // percent, incidents vs incidents_previous; nullopt when previous is 0
    std::optional<double> per_1000;        // incidents per 1,000 population; nullopt when population is 0
    double loss_yuan = 0;                  // summed over the incidents counted
    // Publicity up at the window's end (installed <= to and not removed before it; without a
    // window, every one not removed), inside the neighbourhood: by its building's
    // neighbourhood_id, else by its location.
    std::size_t posters = 0;
    std::size_t contact_cards = 0;
    std::size_t banners = 0;
    std::optional<double> app_adoption;    // share 0..1; nullopt when unknown
    std::string officer_name;              // empty when the officer is not in the officers layer
};

// One entry per neighbourhood, in district order. `incident_neighbourhood` is
// neighbourhood_of_incidents(district) (one entry per incident, -1 outside every neighbourhood);
// a size that does not match throws geo::InternalError.
std::vector<NeighbourhoodStats> neighbourhood_stats(
    const District& district, const std::vector<std::int32_t>& incident_neighbourhood,
    const IncidentFilter& filter);

enum class ChoroplethField { residents, transients, population, incidents_per_1000, app_adoption };

template <> struct EnumNames<ChoroplethField> {
    static constexpr std::array<std::string_view, 5> names = {
        "residents", "transients", "population", "incidents_per_1000", "app_adoption"};
};

// The stored name ("incidents_per_1000") -> field; nullopt for anything else.
std::optional<ChoroplethField> parse_choropleth_field(std::string_view text);

// One value per neighbourhood for the choropleth; NaN where unknown (per_1000 or app_adoption
// missing).
std::vector<double> choropleth_values(const std::vector<NeighbourhoodStats>& stats,
                                      ChoroplethField field);

}  // namespace geo
