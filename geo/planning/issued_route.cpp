#include "geo/planning/issued_route.h"

#include <algorithm>
#include <map>

#include "geo/network/shortest_path.h"
#include "geo/network/snap.h"
#include "geo/planning/week_plan.h"
#include "geo/util/error.h"

namespace geo {
namespace {

void append(LineString& path, const XY& p) {
    if (path.empty() || path.back().x != p.x || path.back().y != p.y) path.push_back(p);
}

}  // namespace

IssuedDayRoute issued_day_route(const District& district, const RoadGraph& graph, const std::string& officer_id,
                                const std::string& date) {
    const auto officer = std::find_if(district.officers.begin(), district.officers.end(),
                                      [&](const Officer& o) { return o.id == officer_id; });
    if (officer == district.officers.end()) throw BadInput("no officer '" + officer_id + "' in the workspace");

    std::map<std::string, const Building*> building_by_id;
    for (const Building& b : district.buildings) building_by_id.emplace(b.id, &b);
    IssuedDayRoute out;
    for (const PlannedVisit& v : district.planned_visits) {
        if (v.officer_id != officer_id || v.date != date) continue;
        const auto b = building_by_id.find(v.building_id);
        if (b != building_by_id.end()) out.stops.push_back({v, b->second->location, b->second->address});
    }
    std::stable_sort(out.stops.begin(), out.stops.end(), [](const IssuedStop& a, const IssuedStop& b) { return a.visit.order < b.visit.order; });
    if (out.stops.empty()) return out;

    // The planner's legs: door to its road, along the walking streets, road to the next door.
    const XY post = officer_post(district, *officer);
    std::vector<XY> doors{post};
    for (const IssuedStop& s : out.stops) doors.push_back(s.location);
    doors.push_back(post);
    const Snapper snapper(graph, Profile::walking);
    const std::vector<SnappedPoint> snapped = snapper.snap(doors);
    for (std::size_t k = 0; k + 1 < doors.size(); ++k) {
        append(out.path, doors[k]);
        if (snapped[k].valid() && snapped[k + 1].valid()) {
            const Route leg = shortest_route(graph, Profile::walking, snapped[k], snapped[k + 1]);
            if (leg.cost.reachable())
                for (const XY& p : leg.geometry) append(out.path, p);
        }
        append(out.path, doors[k + 1]);
    }
    return out;
}

}  // namespace geo
