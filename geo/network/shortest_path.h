#pragma once
// Fastest routes on the road graph between snapped points: point to point (Dijkstra or A*),
// one to many, and many-to-many time and distance matrices. Costs are travel time in seconds
// for the profile; distances are the metres along that fastest route. A point on an edge is
// reached from either end node, in the directions the profile allows.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "geo/network/road_graph.h"
#include "geo/network/snap.h"

namespace geo {

enum class SearchKind {
    dijkstra,
    astar,  // A*: bound straight-line metres / the profile's fastest speed (admissible, consistent)
};

struct RouteCost {
    double time_s = unreachable_time_s;
    double length_m = unreachable_time_s;
    bool reachable() const { return time_s < unreachable_time_s; }
};

struct Route {
    RouteCost cost;
    std::vector<int> nodes;   // graph nodes passed, in order (empty when on one edge)
    LineString geometry;      // from the snapped start to the snapped end
};

Route shortest_route(const RoadGraph& graph, Profile profile, const SnappedPoint& from, const SnappedPoint& to,
                     SearchKind kind = SearchKind::astar);

// One Dijkstra from `from`, stopping once every target's edge ends are settled.
std::vector<RouteCost> one_to_many(const RoadGraph& graph, Profile profile, const SnappedPoint& from,
                                   const std::vector<SnappedPoint>& targets);

// Row-major |sources| x |targets|; +inf where unreachable.
struct CostMatrix {
    std::size_t sources = 0, targets = 0;
    std::vector<double> time_s, length_m;
    double time(std::size_t i, std::size_t j) const { return time_s[i * targets + j]; }
    double length(std::size_t i, std::size_t j) const { return length_m[i * targets + j]; }
};

// One Dijkstra per source, spread over `threads` std::threads (0: all cores). Every row is
// computed alone, so the matrix is the same bits whatever the thread count.
CostMatrix many_to_many(const RoadGraph& graph, Profile profile, const std::vector<SnappedPoint>& sources,
                        const std::vector<SnappedPoint>& targets, unsigned threads = 0);

// Targets (column indices) that row `source` cannot reach, in order.
std::vector<std::size_t> unreachable_from(const CostMatrix& matrix, std::size_t source);
// BadInput "stop B17 is unreachable from the post (driving): ..." naming the first stop that
// the post cannot reach or cannot come back from. `stop_names[j]` names column/row j; the post
// is row and column `post`.
void require_reachable(const CostMatrix& matrix, std::size_t post, const std::vector<std::string>& stop_names,
                       Profile profile);

}  // namespace geo
