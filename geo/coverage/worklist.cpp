#include "geo/coverage/worklist.h"

#include <algorithm>
#include <cmath>

#include "geo/placement/radius_reach.h"
#include "geo/util/error.h"

namespace geo {

std::vector<WorklistEntry> coverage_worklist(const District& district, const std::vector<BuildingCoverage>& coverage,
                                             const RiskWeights& weights) {
    if (!(weights.radius_m > 0) || !std::isfinite(weights.radius_m))
        throw BadInput("--risk-radius must be a positive number of metres");
    if (!(weights.half_life_days >= 0) || !std::isfinite(weights.half_life_days))
        throw BadInput("--risk-half-life must be a number of days >= 0");
    Timestamp as_of{};
    if (weights.as_of) as_of = *weights.as_of;
    else
        for (const Incident& i : district.incidents) as_of = std::max(as_of, i.time);

    std::vector<XY> points;
    std::vector<double> incident_weight;
    for (const Incident& i : district.incidents) {
        if (i.time > as_of) continue;  // not yet happened
        points.push_back(i.location);
        const double age_days = std::chrono::duration<double>(as_of - i.time).count() / 86400.0;
        incident_weight.push_back(weights.half_life_days > 0 ? std::exp2(-age_days / weights.half_life_days) : 1.0);
    }
    std::vector<std::uint32_t> uncovered;
    std::vector<XY> sites;
    for (std::uint32_t b = 0; b < district.buildings.size(); ++b)
        if (!coverage[b].covered()) {
            uncovered.push_back(b);
            sites.push_back(district.buildings[b].location);
        }
    const auto near = points_within(sites, points, weights.radius_m);

    std::vector<WorklistEntry> out;
    for (std::size_t k = 0; k < uncovered.size(); ++k) {
        const Building& building = district.buildings[uncovered[k]];
        WorklistEntry e;
        e.building = uncovered[k];
        for (const std::uint32_t i : near[k]) e.recent_incidents += incident_weight[i];
        const std::int32_t n = coverage[e.building].neighbourhood;
        if (n >= 0) {
            const Neighbourhood& area = district.neighbourhoods[static_cast<std::size_t>(n)];
            const double people = static_cast<double>(area.residents + area.transients);
            if (people > 0) e.transient_share = static_cast<double>(area.transients) / people;
        }
        e.missing_poster = !coverage[e.building].has_poster();
        e.missing_contact_card = !coverage[e.building].has_contact_card();
        e.risk = e.recent_incidents * weights.per_incident + (building.flags.elderly_alone ? weights.elderly_alone : 0.0) +
                 (building.flags.no_app ? weights.no_app : 0.0) + e.transient_share * weights.transients;
        out.push_back(e);
    }
    std::sort(out.begin(), out.end(), [&](const WorklistEntry& a, const WorklistEntry& b) {
        if (a.risk != b.risk) return a.risk > b.risk;
        return district.buildings[a.building].id < district.buildings[b.building].id;
    });
    return out;
}

}  // namespace geo
