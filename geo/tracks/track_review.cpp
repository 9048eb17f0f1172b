#include "geo/tracks/track_review.h"

#include <algorithm>
#include <map>

#include "geo/query/time_window.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {

std::size_t TrackReview::stops_visited() const {
    return static_cast<std::size_t>(std::count_if(planned_stops.begin(), planned_stops.end(), [](const ReviewedStop& s) { return s.visited; }));
}

TrackReview review_track(const District& district, const RoadGraph& graph, const Track& track, const TrackVisitOptions& options) {
    if (track.points.empty()) throw BadInput("track '" + track.id + "' has no fixes");
    const std::string& zone = district.metadata.timezone;
    const Timestamp first = track.points.front().time, last = track.points.back().time;
    TrackReview out;
    out.track_id = track.id;
    out.officer_id = track.officer_id;
    out.date = format_local(first, zone, "%Y-%m-%d");
    const TimeWindow week = window_containing(first, TimeStep::week, zone);
    out.week = window_label(week, TimeStep::week, zone);
    out.fixes = track.points.size();

    MapMatcher matcher(graph, profile_for(track.mode));
    out.match = matcher.match(track.points);
    for (const auto& chain : out.match.chains) out.matched_lines.push_back(chain_line(graph, chain));
    out.timed_lines = timed_chains(graph, out.match, track.points);
    out.matched_m = out.match.matched_length_m();

    // The visits this track confirms, judged against the officer's plan for the week: the tracks
    // starting while this one runs (a track is one local day), this one's picked out.
    const TrackVisitReport report = visits_from_tracks(district, out.week, {first, last + std::chrono::seconds(1)}, options);
    std::map<std::string, const Building*> building_by_id;
    for (const Building& b : district.buildings) building_by_id.emplace(b.id, &b);
    std::map<std::string, Timestamp> visited;  // building -> the first dwell there
    for (const Dwell& dwell : find_dwells(track, options.dwell)) {
        ReviewedDwell reviewed{dwell, "", "", false, false};
        for (const TrackVisit& v : report.visits)
            // Two dwells in a row at one building are one visit: the visit holds the dwell.
            if (v.track_id == track.id && v.start <= dwell.start && dwell.end <= v.end) {
                reviewed.building_id = v.building_id;
                reviewed.planned = v.planned;
                reviewed.ambiguous = v.ambiguous;
                if (const auto b = building_by_id.find(v.building_id); b != building_by_id.end()) reviewed.address = b->second->address;
                visited.emplace(v.building_id, v.start);
            }
        out.dwells.push_back(std::move(reviewed));
    }

    const bool known_officer = std::any_of(district.officers.begin(), district.officers.end(),
                                           [&](const Officer& o) { return o.id == track.officer_id; });
    if (known_officer) {
        IssuedDayRoute plan = issued_day_route(district, graph, track.officer_id, out.date);
        for (IssuedStop& s : plan.stops) {
            const auto done = visited.find(s.visit.building_id);
            out.planned_stops.push_back({std::move(s), done != visited.end(), done != visited.end() ? done->second : Timestamp{}});
        }
        out.planned_path = std::move(plan.path);
    }
    return out;
}

}  // namespace geo
