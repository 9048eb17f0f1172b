#include "geo/planning/visit_priority.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "geo/spatial/point_index.h"

namespace geo {
namespace {

bool up_at(const Poster& p, Timestamp t) {
    if (p.installed && *p.installed > t) return false;
    return !(p.removed && *p.removed <= t);
}

}  // namespace

std::vector<BuildingPriority> visit_priorities(const District& d, Timestamp week_start, const PriorityWeights& w,
                                               const ServiceTime& service) {
    std::vector<BuildingPriority> out(d.buildings.size());
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < d.buildings.size(); ++i) index[d.buildings[i].id] = i;
    for (const auto& p : d.posters) {
        if (p.kind == PosterKind::banner || !up_at(p, week_start)) continue;
        auto it = index.find(p.building_id);
        if (it == index.end()) continue;
        (p.kind == PosterKind::poster ? out[it->second].has_poster : out[it->second].has_contact_card) = true;
    }
    const Timestamp earliest = week_start - std::chrono::seconds(static_cast<std::int64_t>(w.lookback_days * 86400));
    std::vector<const Incident*> recent;
    for (const auto& i : d.incidents)
        if (i.time < week_start && i.time >= earliest) recent.push_back(&i);
    std::vector<XY> recent_at;
    for (const Incident* c : recent) recent_at.push_back(c->location);
    const PointIndex near_cases(std::move(recent_at), std::max(w.nearby_m, 1.0));

    for (std::size_t k = 0; k < d.buildings.size(); ++k) {
        const Building& b = d.buildings[k];
        BuildingPriority& p = out[k];
        double score = 0;
        if (b.flags.past_victim) score += w.past_victim;
        if (b.flags.elderly_alone) score += w.elderly_alone;
        if (b.flags.no_app) score += w.no_app;
        if (!p.has_poster) score += w.no_poster;
        if (!p.has_contact_card) score += w.no_contact_card;
        std::map<FraudType, int> types;
        near_cases.within(b.location, w.nearby_m, [&](std::uint32_t i, double) {
            const Incident& c = *recent[i];
            const double age_days = std::chrono::duration<double>(week_start - c.time).count() / 86400;
            score += w.per_recent_case * std::exp2(-age_days / w.half_life_days);
            ++types[c.fraud_type];
        });
        std::vector<std::pair<int, FraudType>> ranked;
        for (const auto& [type, n] : types) ranked.emplace_back(-n, type);
        std::sort(ranked.begin(), ranked.end());
        for (const auto& [n, type] : ranked) p.recent_types.push_back(type);
        p.priority = score;
        p.service_min = std::min(service.max_min, service.base_min + service.per_household_min * static_cast<double>(b.households));
    }
    return out;
}

}  // namespace geo
