#pragma once
// The road network as a graph, built from the workspace's `roads` layer (metres, projected CRS).
//
// Nodes are made where roads meet: a vertex becomes a node when it ends a line or when the same
// coordinate occurs more than once in the layer. The match is EXACT (bit-equal x and y), as
// in the sample (its 89 roads meet at shared vertices) and in OSM imports (ways share node
// coordinates). Roads that cross without a shared vertex (bridges, tunnels, digitising gaps)
// are not joined; snapping them together within a tolerance would invent junctions.
// Each stretch of line between two nodes becomes one edge, its geometry kept for drawing.
//
// Per profile the edges become directed arcs in CSR form (offsets + arcs, by tail node):
//  walking  every class, both ways, 5 km/h (one-way streets are walked both ways);
//  driving  every class but `path`, at the road's speed (or the class default), only in the
//           digitised direction on one-way roads.
#include <cstdint>
#include <limits>
#include <vector>

#include "geo/model/district.h"

namespace geo {

enum class Profile { walking, driving };

inline constexpr double walking_speed_kmh = 5.0;
inline constexpr double unreachable_time_s = std::numeric_limits<double>::infinity();

struct GraphEdge {
    int from = 0, to = 0;     // nodes at the line's first and last vertex
    std::size_t road = 0;     // index into the roads the graph was built from
    LineString line;          // from -> to, at least two distinct vertices
    double length_m = 0;
    RoadClass road_class = RoadClass::local;
    double speed_kmh = 0;     // driving speed (the road's, or the class default)
    bool oneway = false;      // driving only from -> to
};

struct Arc {
    int head = 0;        // node reached
    int edge = 0;        // index into edges()
    bool forward = true; // traverses the edge from -> to
    double time_s = 0;
    double length_m = 0; // the edge's, copied here so a search touches only the arcs
};

// Arcs leaving each node: arcs[offsets[v] .. offsets[v + 1]).
struct CsrAdjacency {
    std::vector<std::uint32_t> offsets;
    std::vector<Arc> arcs;
};

class RoadGraph {
public:
    const std::vector<XY>& nodes() const { return nodes_; }
    const std::vector<GraphEdge>& edges() const { return edges_; }
    const CsrAdjacency& adjacency(Profile profile) const {
        return profile == Profile::walking ? walking_ : driving_;
    }
    int node_count() const { return static_cast<int>(nodes_.size()); }

    // Travel time along the whole edge in one direction; unreachable_time_s where the profile
    // may not use it that way.
    double edge_time_s(int edge, Profile profile, bool forward) const;
    // The fastest speed any arc of the profile allows, metres per second (for A*'s bound).
    double max_speed_mps(Profile profile) const;

    friend RoadGraph build_road_graph(const std::vector<Road>& roads);

private:
    std::vector<XY> nodes_;
    std::vector<GraphEdge> edges_;
    CsrAdjacency walking_, driving_;
};

RoadGraph build_road_graph(const std::vector<Road>& roads);

double driving_speed_kmh(const Road& road);

}  // namespace geo
