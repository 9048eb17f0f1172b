#pragma once
// "Who can get here": when a bank or a property manager calls about a fraud in progress (民警火速
// 赶到), the officers ranked by travel time along the roads from where they are (the post: its
// point or its site) to the place, with the route. The bit between a point and its road is
// walked (5 km/h) at both ends, so a post or a door set back from the street counts.
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/network/road_graph.h"
#include "geo/network/shortest_path.h"

namespace geo {

struct OfficerResponse {
    std::string officer_id, officer_name;
    XY start;
    std::string start_label;   // the post site's name, or "post"
    bool responsible = false;  // answers for the neighbourhood the place is in (一小区一民警)
    bool reachable = false;
    double time_s = 0;         // road time + walking to and from the road
    double road_m = 0;         // along the roads
    double off_road_m = 0;     // start to its road + place to its road
    LineString route;          // from the start's snapped point to the place's
};

// Every officer with a post, fastest first (among equal times, the one who answers for the
// place's neighbourhood first: officers posted at the station tie); those who cannot reach the
// place (another piece of the network, one-way streets) last, unreachable. BadInput when the workspace has no roads.
std::vector<OfficerResponse> rank_responders(const District& district, const RoadGraph& graph, Profile profile, XY place);

}  // namespace geo
