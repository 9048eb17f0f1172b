#pragma once
// Walking reach: which points a site reaches within a distance along the roads. A site or a
// point joins the network at its nearest road segment, and the straight walk to that segment
// counts: distance = site to its segment + along the roads + the point's segment to the point.
// So a point across a river is far when the bridge is far, however close in a straight line.
#include <cstdint>
#include <vector>

#include "geo/placement/walking_graph.h"

namespace geo {

struct NetworkSnap {
    std::uint32_t edge = 0;
    double along_m = 0;   // from the edge's node a to the foot of the perpendicular
    double offset_m = 0;  // from the point to that foot
};

// The nearest segment of the graph for each point (ties: lower edge id). BadInput when the
// graph has no edges (no roads to walk along).
std::vector<NetworkSnap> snap_to_network(const WalkingGraph& graph, const std::vector<XY>& points);

// Per site: indices of `points` within walking distance <= radius_m, ascending (Dijkstra from
// each site, stopped at the radius).
std::vector<std::vector<std::uint32_t>> points_within_walk(const WalkingGraph& graph, const std::vector<XY>& sites,
                                                           const std::vector<XY>& points, double radius_m);

// The walking distance between two points (infinity when not connected); for tests and checks.
double walking_distance_m(const WalkingGraph& graph, const XY& from, const XY& to);

}  // namespace geo
