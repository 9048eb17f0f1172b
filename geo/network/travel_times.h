#pragma once
// Every node within a travel time along the roads: Dijkstra on seconds over the arcs a profile
// may use, from a snapped point (both ends of its edge, in the directions allowed), stopped at
// the limit. What isochrones, "who can get here" and the network radius query are built on;
// one search object is reused across origins, so each costs only the nodes it reaches (the
// same pattern as nodes_within.h, which searches on metres).
#include <vector>

#include "geo/network/road_graph.h"
#include "geo/network/snap.h"

namespace geo {

struct NodeTime {
    int node = 0;
    double time_s = 0;
    double length_m = 0;  // along that fastest way
};

// The end nodes of a snapped point's edge with the time and metres to reach them, in the
// directions the profile allows (the edge's time pro rata). Empty for an invalid snap.
std::vector<NodeTime> time_departures(const RoadGraph& graph, Profile profile, const SnappedPoint& from);

class TravelTimes {
public:
    TravelTimes(const RoadGraph& graph, Profile profile);
    // Nodes reached within limit_s of the nearest seed, in the order settled (ascending time).
    // Valid until the next call; time_s(node) answers for any node (+inf beyond the limit).
    const std::vector<NodeTime>& search(const std::vector<NodeTime>& seeds, double limit_s);
    double time_s(int node) const { return time_s_[static_cast<std::size_t>(node)]; }
    double length_m(int node) const { return length_m_[static_cast<std::size_t>(node)]; }
    int parent_arc(int node) const { return parent_arc_[static_cast<std::size_t>(node)]; }  // -1 at a seed

private:
    const CsrAdjacency& adjacency_;
    std::vector<double> time_s_, length_m_;
    std::vector<int> parent_arc_;  // index into adjacency_.arcs of the arc that settled the node
    std::vector<NodeTime> reached_;
    std::vector<int> touched_;
};

// The time from the search's origin to a point snapped onto the graph: through either end of
// its edge (in the directions allowed), or straight along the edge when the origin is on the
// same edge. +inf when out of reach.
double time_to(const RoadGraph& graph, Profile profile, const TravelTimes& times, const SnappedPoint& origin,
               const SnappedPoint& target);

}  // namespace geo
