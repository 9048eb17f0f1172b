#pragma once
// Walking reach: which points a site reaches within a distance along the roads (geo/network's
// road graph, walking profile: every class, one-way streets both ways). A site or a point
// joins the network at its nearest edge (geo/network/snap.h), and the straight walk to that
// edge counts, as in the officer's week plan (geo/planning/week_plan.cpp):
//   distance = site to its edge + along the roads + the point's edge to the point.
// So a point across a river is far when the bridge is far, however close in a straight line.
#include <cstdint>
#include <vector>

#include "geo/network/road_graph.h"

namespace geo {

// Per site: indices of `points` within walking distance <= radius_m, ascending (one Dijkstra
// per site from both ends of its edge, stopped at the radius). BadInput when the graph has no
// edges (no roads to walk along).
std::vector<std::vector<std::uint32_t>> points_within_walk(const RoadGraph& graph, const std::vector<XY>& sites,
                                                           const std::vector<XY>& points, double radius_m);

// The walking distance between two points, snap distances included (infinity when not
// connected); for tests and checks.
double walking_distance_m(const RoadGraph& graph, const XY& from, const XY& to);

}  // namespace geo
