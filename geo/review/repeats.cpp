#include "geo/review/repeats.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace geo {
namespace {

std::string building_of(const Incident& i) {
    const auto it = i.extras.find("building_id");
    if (it == i.extras.end()) return {};
    if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
    return {};
}

}  // namespace

std::vector<RepeatPlace> repeat_places(const District& district, const IncidentFilter& filter, const TimeWindow& week,
                                       int lookback_days) {
    IncidentFilter f = filter;
    f.window.reset();
    const Timestamp since = week.from - std::chrono::hours(24) * lookback_days;
    std::vector<const Incident*> now, before;
    for (const auto& i : district.incidents) {
        if (!f.matches(i)) continue;
        if (week.contains(i.time)) now.push_back(&i);
        else if (i.time >= since && i.time < week.from) before.push_back(&i);
    }
    std::map<std::string, RepeatPlace> by_building;
    std::vector<RepeatPlace> by_place;
    for (const Incident* c : now) {
        const std::string building = building_of(*c);
        std::size_t earlier = 0;
        Timestamp first = Timestamp::max();
        for (const Incident* e : before) {
            const bool same = !building.empty() ? building_of(*e) == building
                                                : std::hypot(e->location.x - c->location.x, e->location.y - c->location.y) <= 10;
            if (same) ++earlier, first = std::min(first, e->time);
        }
        if (earlier == 0) continue;
        if (!building.empty()) {
            RepeatPlace& p = by_building[building];
            p.building_id = building;
            p.cases.push_back(c->id);
            p.earlier = earlier;
            p.first_earlier = first;
        } else {
            by_place.push_back({"", {c->id}, earlier, first});
        }
    }
    std::vector<RepeatPlace> out;
    for (auto& [id, p] : by_building) out.push_back(std::move(p));
    out.insert(out.end(), by_place.begin(), by_place.end());
    std::stable_sort(out.begin(), out.end(), [](const RepeatPlace& a, const RepeatPlace& b) { return a.earlier > b.earlier; });
    return out;
}

}  // namespace geo
