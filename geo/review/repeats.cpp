#include "geo/review/repeats.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include "geo/spatial/point_index.h"

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
    // The earlier cases by building, and an index of their places for cases without a building:
    // one pass each, not every case against every earlier one (a city's year is millions of pairs).
    struct Earlier {
        std::size_t count = 0;
        Timestamp first = Timestamp::max();
    };
    std::unordered_map<std::string, Earlier> earlier_at;
    std::vector<XY> before_points;
    for (const Incident* e : before) {
        before_points.push_back(e->location);
        const std::string building = building_of(*e);
        if (building.empty()) continue;
        Earlier& at = earlier_at[building];
        ++at.count;
        at.first = std::min(at.first, e->time);
    }
    constexpr double kSamePlace_m = 10;
    std::optional<PointIndex> places;
    std::map<std::string, RepeatPlace> by_building;
    std::vector<RepeatPlace> by_place;
    for (const Incident* c : now) {
        const std::string building = building_of(*c);
        Earlier found;
        if (!building.empty()) {
            if (const auto it = earlier_at.find(building); it != earlier_at.end()) found = it->second;
        } else {
            if (!places) places.emplace(before_points, kSamePlace_m);
            places->within(c->location, kSamePlace_m, [&](std::uint32_t k, double) {
                ++found.count;
                found.first = std::min(found.first, before[k]->time);
            });
        }
        if (found.count == 0) continue;
        if (!building.empty()) {
            RepeatPlace& p = by_building[building];
            p.building_id = building;
            p.cases.push_back(c->id);
            p.earlier = found.count;
            p.first_earlier = found.first;
        } else {
            by_place.push_back({"", {c->id}, found.count, found.first});
        }
    }
    std::vector<RepeatPlace> out;
    for (auto& [id, p] : by_building) out.push_back(std::move(p));
    out.insert(out.end(), by_place.begin(), by_place.end());
    std::stable_sort(out.begin(), out.end(), [](const RepeatPlace& a, const RepeatPlace& b) { return a.earlier > b.earlier; });
    return out;
}

}  // namespace geo
