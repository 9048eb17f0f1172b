#pragma once
// Road junctions: nodes of the road graph where three or more roads meet, counted as distinct
// neighbouring vertices (the first vertex along each edge leaving the node). A road that
// merely continues through a shared vertex (two neighbours) is no junction, and two roads
// digitised over the same stretch count once.
#include <vector>

#include "geo/network/road_graph.h"

namespace geo {

// Nodes with three or more distinct neighbouring vertices, ascending. Every edge counts,
// whatever the profile.
std::vector<int> junction_nodes(const RoadGraph& graph);

}  // namespace geo
