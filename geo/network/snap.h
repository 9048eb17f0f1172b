#pragma once
// Snapping points (visits, the officer's post) onto the nearest edge of the road graph, by
// orthogonal projection onto its segments; routing then starts or ends partway along that edge.
#include <memory>
#include <vector>

#include "geo/network/road_graph.h"

namespace geo {

struct SnappedPoint {
    int edge = -1;          // index into RoadGraph::edges(); -1 when nothing to snap to
    double offset_m = 0;    // along the edge's line from its `from` node
    double distance_m = 0;  // from the original point to the snapped one
    XY point;               // the snapped position on the line
    bool valid() const { return edge >= 0; }
};

// An R-tree of every segment of every edge (Boost.Geometry), built once per graph and profile.
// Only edges the profile may use (in at least one direction) are candidates: a car is not
// snapped onto a footpath.
class Snapper {
public:
    Snapper(const RoadGraph& graph, Profile profile);
    ~Snapper();
    Snapper(Snapper&&) noexcept;
    Snapper& operator=(Snapper&&) noexcept;

    // Invalid (edge -1) only when the graph has no usable edge.
    SnappedPoint snap(const XY& point) const;
    std::vector<SnappedPoint> snap(const std::vector<XY>& points) const;
    // The nearest position on each usable edge within `radius_m` of `point` (two or more on one
    // edge where it passes by again more than `radius_m` further along, as a hairpin does),
    // nearest first, at most `max_count` of them: a map matcher's candidates for one GPS fix.
    std::vector<SnappedPoint> candidates(const XY& point, double radius_m, std::size_t max_count) const;

private:
    struct Index;
    std::unique_ptr<Index> index_;
};

}  // namespace geo
