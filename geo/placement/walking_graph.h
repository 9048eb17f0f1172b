#pragma once
// The roads layer as an undirected graph for walking: a node at every vertex, vertices merged
// only when their coordinates are exactly equal (roads meet where they share a vertex, as the
// workspace stores them), an edge per segment with its length in metres. One-way flags are
// ignored: people walk both ways.
//
// Written here because geo/network/ (the routing graph of issue 5) was not yet available when
// banner placement needed walking distances; switch to it once it offers shortest paths.
#include <cstdint>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct WalkingGraph {
    struct Edge {
        std::uint32_t a = 0, b = 0;
        double length_m = 0;
    };
    std::vector<XY> nodes;
    std::vector<Edge> edges;
    std::vector<std::vector<std::uint32_t>> node_edges;  // edge ids at each node
};

WalkingGraph build_walking_graph(const std::vector<Road>& roads);

// Nodes where three or more distinct neighbours meet (road intersections), ascending.
std::vector<std::uint32_t> intersection_nodes(const WalkingGraph& graph);

}  // namespace geo
