#pragma once
// Connected pieces of the road graph for a profile. Walking arcs go both ways, so its weak and
// strong components agree; driving needs strong components (one-way streets can make a piece
// you can drive into but not out of). Routing stays within one strong component.
#include <string>
#include <vector>

#include "geo/network/road_graph.h"

namespace geo {

struct Components {
    std::vector<int> component_of_node;  // 0 is the largest, then by size, ties by lowest node
    std::vector<int> sizes;              // nodes per component, largest first
    int count() const { return static_cast<int>(sizes.size()); }
    int largest_size() const { return sizes.empty() ? 0 : sizes.front(); }
};

// Ignoring arc direction. Nodes with no arc in the profile are components of one.
Components weak_components(const RoadGraph& graph, Profile profile);
// Tarjan's algorithm (iterative): every node reaches every other node of its component.
Components strong_components(const RoadGraph& graph, Profile profile);

// "3 pieces: 120, 4 and 1 nodes" — for reports and warnings.
std::string describe_pieces(const Components& components);

}  // namespace geo
