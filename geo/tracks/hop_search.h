#pragma once
// The short searches a map matcher makes between the candidates of two consecutive GPS fixes:
// Dijkstra on metres over the arcs a profile may use, from one snapped position, bounded by a
// distance and stopped as soon as every wanted node is settled. At 1 Hz two fixes are metres
// apart, so most searches settle a handful of nodes; the labels are reset by the list of nodes
// touched, never by clearing arrays the size of the graph.
#include <vector>

#include "geo/network/road_graph.h"
#include "geo/network/snap.h"

namespace geo {

class HopSearch {
public:
    // Moving back along the start's own edge against the profile's direction counts only up to
    // `backward_tolerance_m` (GPS noise).
    HopSearch(const RoadGraph& graph, Profile profile, double backward_tolerance_m = 5);

    // From `from` (both ends of its edge, in the directions the profile allows) until every
    // node of `wanted` is settled or nothing within `limit_m` is left.
    void run(const SnappedPoint& from, const std::vector<int>& wanted, double limit_m);
    // Metres to `node` from the last run's start; +inf when not settled.
    double distance_m(int node) const;
    // Metres along the roads from the last run's start to `to` (through an end of its edge, or
    // straight along the edge when both lie on it); +inf when out of reach.
    double distance_to(const SnappedPoint& to) const;
    // The edges walked from the last run's start to `to`, as (edge, from offset, to offset)
    // spans in travel order (a span runs backward when its from offset is the larger).
    struct Span {
        int edge = 0;
        double from_m = 0, to_m = 0;
    };
    std::vector<Span> spans_to(const SnappedPoint& to) const;

private:
    const RoadGraph& graph_;
    Profile profile_;
    double backward_tolerance_m_;
    const CsrAdjacency& adjacency_;
    SnappedPoint from_;
    std::vector<double> distance_;    // tentative labels; +inf when untouched
    std::vector<int> parent_arc_;     // arc that labelled the node; -1 at a seed
    std::vector<char> settled_;
    std::vector<int> touched_;
    std::vector<std::pair<double, int>> heap_;
    // How `to` is entered: the end node and the metres from it, or none (-1) for direct.
    struct Entry {
        int node = -1;
        double total_m = 0;
    };
    Entry best_entry(const SnappedPoint& to) const;
};

}  // namespace geo
