#pragma once
// Every node within a distance along the roads: Dijkstra on metres (not time) over the arcs a
// profile may use, started from several nodes at once and stopped at the limit. Banner reach
// asks it once per candidate site ("which corners lie within 300 m on foot"); one search
// object is reused for all of them, so each costs only the nodes it reaches.
//
// Shortest by metres and fastest agree for walking (one speed everywhere); for driving this
// is the shortest legal way (one-way streets respected), not the fastest.
#include <vector>

#include "geo/network/road_graph.h"
#include "geo/network/snap.h"

namespace geo {

struct NodeDistance {
    int node = 0;
    double distance_m = 0;
};

// The end nodes of a snapped point's edge, each at `start_m` plus the metres along the edge to
// it, in the directions the profile allows. Empty for an invalid snap.
std::vector<NodeDistance> departures(const RoadGraph& graph, Profile profile, const SnappedPoint& from,
                                     double start_m = 0);

class NodesWithin {
public:
    NodesWithin(const RoadGraph& graph, Profile profile);

    // Nodes whose distance from the nearest seed (seed distance + arcs) is at most limit_m, in
    // the order settled (ascending distance, ties by push order). Valid until the next call.
    const std::vector<NodeDistance>& search(const std::vector<NodeDistance>& seeds, double limit_m);

private:
    const CsrAdjacency& adjacency_;
    std::vector<double> distance_m_;  // +inf outside the last search's reach
    std::vector<NodeDistance> reached_;
    std::vector<int> touched_;        // labelled nodes, reset at the next search
};

}  // namespace geo
