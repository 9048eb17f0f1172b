#include "geo/placement/network_reach.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/network/nodes_within.h"
#include "geo/network/shortest_path.h"
#include "geo/network/snap.h"
#include "geo/util/error.h"

namespace geo {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

void require_roads(const RoadGraph& graph) {
    if (graph.edges().empty()) throw BadInput("--network: the workspace has no roads to walk along");
}

}  // namespace

std::vector<std::vector<std::uint32_t>> points_within_walk(const RoadGraph& graph, const std::vector<XY>& sites,
                                                           const std::vector<XY>& points, double radius_m) {
    std::vector<std::vector<std::uint32_t>> out(sites.size());
    if (sites.empty() || points.empty()) return out;
    require_roads(graph);
    const Snapper snapper(graph, Profile::walking);
    const auto site_snaps = snapper.snap(sites);
    const auto point_snaps = snapper.snap(points);
    std::vector<std::vector<std::uint32_t>> points_on_edge(graph.edges().size());
    for (std::uint32_t i = 0; i < points.size(); ++i)
        if (point_snaps[i].valid()) points_on_edge[static_cast<std::size_t>(point_snaps[i].edge)].push_back(i);

    const CsrAdjacency& arcs = graph.adjacency(Profile::walking);
    NodesWithin search(graph, Profile::walking);
    std::vector<double> best(points.size(), inf);  // this site's distance to each point reached
    std::vector<std::uint32_t> reached;
    for (std::size_t s = 0; s < sites.size(); ++s) {
        const SnappedPoint& site = site_snaps[s];
        if (!site.valid()) continue;
        auto offer = [&](std::uint32_t i, double along_m) {
            const double d = along_m + point_snaps[i].distance_m;
            if (d > radius_m || d >= best[i]) return;
            if (best[i] == inf) reached.push_back(i);
            best[i] = d;
        };
        // Along the site's own edge, without passing a node (walking goes both ways).
        for (const std::uint32_t i : points_on_edge[static_cast<std::size_t>(site.edge)])
            offer(i, site.distance_m + std::abs(site.offset_m - point_snaps[i].offset_m));
        // Through the nodes within the radius, onto every edge leaving them.
        for (const auto& [node, node_m] : search.search(departures(graph, Profile::walking, site, site.distance_m), radius_m))
            for (std::uint32_t a = arcs.offsets[static_cast<std::size_t>(node)]; a < arcs.offsets[static_cast<std::size_t>(node) + 1]; ++a) {
                const Arc& arc = arcs.arcs[a];
                for (const std::uint32_t i : points_on_edge[static_cast<std::size_t>(arc.edge)])
                    offer(i, node_m + (arc.forward ? point_snaps[i].offset_m : arc.length_m - point_snaps[i].offset_m));
            }
        std::sort(reached.begin(), reached.end());
        for (const std::uint32_t i : reached) best[i] = inf;
        out[s] = std::move(reached);
        reached.clear();
    }
    return out;
}

double walking_distance_m(const RoadGraph& graph, const XY& from, const XY& to) {
    require_roads(graph);
    const Snapper snapper(graph, Profile::walking);
    const SnappedPoint a = snapper.snap(from), b = snapper.snap(to);
    const Route route = shortest_route(graph, Profile::walking, a, b, SearchKind::dijkstra);
    return route.cost.reachable() ? a.distance_m + route.cost.length_m + b.distance_m : inf;
}

}  // namespace geo
