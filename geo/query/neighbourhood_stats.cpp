#include "geo/query/neighbourhood_stats.h"

#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "geo/spatial/point_in_area.h"
#include "geo/summary/district_summary.h"
#include "geo/util/error.h"

namespace geo {
namespace {

// Whether a poster hangs at `at` (the window's end), or now when there is no window.
// A poster without an installation date is taken as up since before the records began.
bool is_up(const Poster& poster, const std::optional<Timestamp>& at) {
    if (!at) return !poster.removed;
    if (poster.installed && *poster.installed > *at) return false;
    return !poster.removed || *poster.removed >= *at;
}

// For each poster that is up, the neighbourhood it is in (-1 when none); -1 for the rest.
std::vector<std::int32_t> neighbourhood_of_posters_up(const District& district,
                                                      const std::optional<Timestamp>& at) {
    std::unordered_map<std::string_view, std::int32_t> neighbourhood_by_id;
    for (std::size_t n = 0; n < district.neighbourhoods.size(); ++n)
        neighbourhood_by_id.emplace(district.neighbourhoods[n].id, static_cast<std::int32_t>(n));
    std::unordered_map<std::string_view, std::int32_t> neighbourhood_by_building;
    for (const Building& building : district.buildings) {
        const auto it = neighbourhood_by_id.find(building.neighbourhood_id);
        if (it != neighbourhood_by_id.end()) neighbourhood_by_building.emplace(building.id, it->second);
    }

    std::vector<std::int32_t> out(district.posters.size(), -1);
    std::vector<std::size_t> by_location;  // posters up whose building does not say
    for (std::size_t p = 0; p < district.posters.size(); ++p) {
        const Poster& poster = district.posters[p];
        if (!is_up(poster, at)) continue;
        const auto it = poster.building_id.empty() ? neighbourhood_by_building.end()
                                                   : neighbourhood_by_building.find(poster.building_id);
        if (it != neighbourhood_by_building.end()) out[p] = it->second;
        else by_location.push_back(p);
    }
    std::vector<XY> points;
    points.reserve(by_location.size());
    for (std::size_t p : by_location) points.push_back(district.posters[p].location);
    const std::vector<std::int32_t> located = neighbourhood_of_points(district, points);
    for (std::size_t k = 0; k < by_location.size(); ++k) out[by_location[k]] = located[k];
    return out;
}

}  // namespace

std::vector<NeighbourhoodStats> neighbourhood_stats(
    const District& district, const std::vector<std::int32_t>& incident_neighbourhood,
    const IncidentFilter& filter) {
    if (incident_neighbourhood.size() != district.incidents.size()) {
        throw InternalError("neighbourhood_stats: " + std::to_string(incident_neighbourhood.size()) +
                            " incident neighbourhoods for " +
                            std::to_string(district.incidents.size()) + " incidents");
    }
    const std::size_t count = district.neighbourhoods.size();
    std::vector<NeighbourhoodStats> out(count);

    std::unordered_map<std::string_view, const Officer*> officer_by_id;
    for (const Officer& officer : district.officers) officer_by_id.emplace(officer.id, &officer);
    for (std::size_t n = 0; n < count; ++n) {
        const Neighbourhood& hood = district.neighbourhoods[n];
        NeighbourhoodStats& s = out[n];
        s.residents = hood.residents;
        s.transients = hood.transients;
        s.population = hood.residents + hood.transients;
        s.app_adoption = hood.app_adoption;
        const auto officer = officer_by_id.find(hood.officer_id);
        if (officer != officer_by_id.end()) s.officer_name = officer->second->name;
    }

    IncidentFilter previous = filter;
    if (filter.window) previous.window = previous_window(*filter.window, district.metadata.timezone);
    for (std::size_t i = 0; i < district.incidents.size(); ++i) {
        const std::int32_t n = incident_neighbourhood[i];
        if (n < 0 || static_cast<std::size_t>(n) >= count) continue;
        const Incident& incident = district.incidents[i];
        NeighbourhoodStats& s = out[static_cast<std::size_t>(n)];
        if (filter.matches(incident)) {
            ++s.incidents;
            s.loss_yuan += incident.loss_yuan;
        }
        if (filter.window && previous.matches(incident)) ++s.incidents_previous;
    }
    for (NeighbourhoodStats& s : out) {
        s.change_pct = change_pct(static_cast<double>(s.incidents_previous),
                                  static_cast<double>(s.incidents));
        if (s.population > 0)
            s.per_1000 = 1000.0 * static_cast<double>(s.incidents) / static_cast<double>(s.population);
    }

    std::optional<Timestamp> window_end;
    if (filter.window) window_end = filter.window->to;
    const std::vector<std::int32_t> poster_neighbourhood =
        neighbourhood_of_posters_up(district, window_end);
    for (std::size_t p = 0; p < district.posters.size(); ++p) {
        const std::int32_t n = poster_neighbourhood[p];
        if (n < 0) continue;
        NeighbourhoodStats& s = out[static_cast<std::size_t>(n)];
        switch (district.posters[p].kind) {
            case PosterKind::poster: ++s.posters; break;
            case PosterKind::contact_card: ++s.contact_cards; break;
            case PosterKind::banner: ++s.banners; break;
        }
    }
    return out;
}

std::optional<ChoroplethField> parse_choropleth_field(std::string_view text) {
    return parse_enum<ChoroplethField>(text);
}

std::vector<double> choropleth_values(const std::vector<NeighbourhoodStats>& stats,
                                      ChoroplethField field) {
    constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> out;
    out.reserve(stats.size());
    for (const NeighbourhoodStats& s : stats) {
        switch (field) {
            case ChoroplethField::residents: out.push_back(static_cast<double>(s.residents)); break;
            case ChoroplethField::transients: out.push_back(static_cast<double>(s.transients)); break;
            case ChoroplethField::population: out.push_back(static_cast<double>(s.population)); break;
            case ChoroplethField::incidents_per_1000: out.push_back(s.per_1000.value_or(unknown)); break;
            case ChoroplethField::app_adoption: out.push_back(s.app_adoption.value_or(unknown)); break;
        }
    }
    return out;
}

}  // namespace geo
