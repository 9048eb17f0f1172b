#include "geo/tracks/track_visits.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "geo/coverage/building_coverage.h"
#include "geo/spatial/point_index.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

std::string day_text(Timestamp t, const std::string& zone) { return format_local(t, zone, "%Y-%m-%d"); }

// How far a footprint's edge can lie from its centroid: the search reach around a dwell.
double largest_reach_m(const std::vector<Building>& buildings) {
    double reach = 0;
    for (const Building& b : buildings)
        for (const Polygon& poly : b.footprint)
            for (const XY& v : poly.outer) reach = std::max(reach, std::hypot(v.x - b.location.x, v.y - b.location.y));
    return reach;
}

}  // namespace

TrackVisitReport visits_from_tracks(const District& district, const std::string& week_label, const TimeWindow& window,
                                    const TrackVisitOptions& options) {
    const std::string& zone = district.metadata.timezone;
    std::vector<XY> locations;
    for (const Building& b : district.buildings) locations.push_back(b.location);
    const PointIndex index(std::move(locations), 50);
    const double reach = options.building_m + largest_reach_m(district.buildings);

    // The week's plan, per officer: the buildings planned.
    std::map<std::string, std::set<std::string>> planned;
    for (const PlannedVisit& v : district.planned_visits)
        if (v.week == week_label) planned[v.officer_id].insert(v.building_id);

    TrackVisitReport out;
    std::set<std::pair<std::string, std::string>> visited;  // (officer, building) this week
    for (const Track& track : district.tracks) {
        if (track.points.empty() || !window.contains(track.points.front().time)) continue;
        ++out.tracks;
        const auto& plan = planned[track.officer_id];
        for (const Dwell& dwell : find_dwells(track, options.dwell)) {
            struct Near {
                std::size_t building;
                double distance;
            };
            std::vector<Near> near;
            index.within(dwell.centre, reach, [&](std::uint32_t i, double) {
                const double d = distance_to_building_m(district.buildings[i], dwell.centre);
                if (d <= options.building_m) near.push_back({i, d});
            });
            if (near.empty()) {
                out.elsewhere.push_back(dwell);
                continue;
            }
            std::sort(near.begin(), near.end(), [](const Near& a, const Near& b) {
                return a.distance != b.distance ? a.distance < b.distance : a.building < b.building;
            });
            const auto in_plan = std::find_if(near.begin(), near.end(),
                                              [&](const Near& n) { return plan.count(district.buildings[n.building].id) > 0; });
            const Near pick = in_plan != near.end() ? *in_plan : near.front();
            const Building& b = district.buildings[pick.building];
            // Two dwells in a row at one building (the officer stepped out to the stairwell and
            // back) are one visit.
            if (!out.visits.empty() && out.visits.back().track_id == track.id && out.visits.back().building_id == b.id) {
                out.visits.back().end = dwell.end;
                continue;
            }
            out.visits.push_back({track.id, track.officer_id, b.id, day_text(dwell.start, zone), dwell.start, dwell.end, pick.distance,
                                  plan.count(b.id) > 0, near.size() > 1});
            visited.insert({track.officer_id, b.id});
        }
    }
    // Planned stops of officers who have tracks that week but whose tracks never stopped there.
    std::set<std::string> tracked;
    for (const TrackVisit& v : out.visits) tracked.insert(v.officer_id);
    for (const Track& t : district.tracks)
        if (!t.points.empty() && window.contains(t.points.front().time)) tracked.insert(t.officer_id);
    for (const PlannedVisit& v : district.planned_visits)
        if (v.week == week_label && tracked.count(v.officer_id) && !visited.count({v.officer_id, v.building_id}))
            out.not_visited.push_back(v);
    return out;
}

std::vector<VisitRecord> visit_records(const TrackVisitReport& report, const std::string& recorded) {
    std::vector<VisitRecord> out;
    std::set<std::pair<std::string, std::string>> seen;
    for (const TrackVisit& v : report.visits)
        if (seen.insert({v.building_id, v.date}).second) out.push_back({v.building_id, v.date, v.officer_id, "track", recorded});
    return out;
}

}  // namespace geo
