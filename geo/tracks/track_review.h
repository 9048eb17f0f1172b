#pragma once
// One track as the app's replay shows it (issue 13): the streets it was matched to, with times
// for the replay; its dwells and the building each visited; the officer's issued stops of that
// day, visited by this track or not, and the planned walk through them. Every figure the replay
// draws or counts is here, from the functions the CLI's tracks --match and --visits use.
#include <cstddef>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/network/road_graph.h"
#include "geo/planning/issued_route.h"
#include "geo/tracks/map_match.h"
#include "geo/tracks/track_replay.h"
#include "geo/tracks/track_visits.h"

namespace geo {

struct ReviewedDwell {
    Dwell dwell;
    std::string building_id;  // the building it visited (track_visits.h); empty: near no building
    std::string address;
    bool planned = false;     // in the officer's plan for the week
    bool ambiguous = false;   // another building as near
};

struct ReviewedStop {
    IssuedStop stop;
    bool visited = false;   // a dwell of this track visited the building
    Timestamp visited_at{}; // when: the start of the first such dwell
};

struct TrackReview {
    std::string track_id, officer_id;
    std::string date;  // the local day, "2021-06-15"
    std::string week;  // its ISO week, "2021-W24"
    std::size_t fixes = 0;
    TrackMatch match;
    std::vector<LineString> matched_lines;  // per stretch, chain_line (what tracks --match --out writes)
    std::vector<TimedLine> timed_lines;     // the same stretches with a time per vertex
    double matched_m = 0;
    std::vector<ReviewedDwell> dwells;        // in time order
    std::vector<ReviewedStop> planned_stops;  // the officer's issued stops that day, in stop order
    LineString planned_path;                  // post -> stops -> post along the streets; empty without a plan

    std::size_t stops_visited() const;
    std::size_t stops_not_visited() const { return planned_stops.size() - stops_visited(); }
};

// `track` must have a fix. `graph`: the district's roads (build_road_graph). BadInput when the
// officer's plan that day has stops but the officer no post (issued_day_route).
TrackReview review_track(const District& district, const RoadGraph& graph, const Track& track, const TrackVisitOptions& options = {});

}  // namespace geo
