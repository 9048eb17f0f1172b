#pragma once
// An issued day's plan as a route on the map (issue 13): the stops the officer carried
// (patrolmap_visit_plans, in stop order) and the walk from the post through them and back along
// the streets. The workspace keeps only the stops; the streets between them are found again with
// the planner's own legs (week_plan.cpp: walking routes between the points snapped onto the
// roads, from the door to its road and on), so the line is the one the route sheet drew.
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/network/road_graph.h"

namespace geo {

struct IssuedStop {
    PlannedVisit visit;   // officer, week, day, order, building
    XY location;          // the building's point
    std::string address;  // the building's, as the sheet printed it
};

struct IssuedDayRoute {
    std::vector<IssuedStop> stops;  // in stop order; a building no longer in the district is left out
    LineString path;                // post -> stops -> post along the walking streets; empty without stops
};

// `officer_id`'s issued stops on the local day `date` ("2021-06-15"), and the walk through them.
// No plan issued for that day: no stops and no path. BadInput for an unknown officer or one
// without a post (officer_post).
IssuedDayRoute issued_day_route(const District& district, const RoadGraph& graph, const std::string& officer_id,
                                const std::string& date);

}  // namespace geo
