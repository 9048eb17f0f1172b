#include "geo/planning/visit_priority.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace geo {
namespace {

// Buckets of cases on a square grid as wide as the "nearby" radius: a building's neighbours are
// in its own and the eight surrounding buckets.
class CaseBuckets {
public:
    CaseBuckets(const std::vector<const Incident*>& cases, double cell_m) : cell_m_(cell_m) {
        for (const Incident* c : cases) buckets_[key(cell(c->location.x), cell(c->location.y))].push_back(c);
    }
    template <class F> void near(XY p, F&& f) const {
        const auto cx = cell(p.x), cy = cell(p.y);
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy)
                if (auto it = buckets_.find(key(cx + dx, cy + dy)); it != buckets_.end())
                    for (const Incident* c : it->second) f(*c);
    }

private:
    std::int64_t cell(double v) const { return static_cast<std::int64_t>(std::floor(v / cell_m_)); }
    static std::int64_t key(std::int64_t x, std::int64_t y) { return (x << 32) ^ (y & 0xffffffff); }
    double cell_m_;
    std::unordered_map<std::int64_t, std::vector<const Incident*>> buckets_;
};

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
    const CaseBuckets buckets(recent, w.nearby_m);

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
        buckets.near(b.location, [&](const Incident& c) {
            if (std::hypot(c.location.x - b.location.x, c.location.y - b.location.y) > w.nearby_m) return;
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
