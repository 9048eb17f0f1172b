#include "geo/placement/network_reach.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <utility>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "geo/util/error.h"

namespace geo {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BSegment = bg::model::segment<BPoint>;
using SegmentValue = std::pair<BSegment, std::uint32_t>;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

NetworkSnap project(const WalkingGraph& graph, std::uint32_t e, const XY& p) {
    const XY& a = graph.nodes[graph.edges[e].a];
    const XY& b = graph.nodes[graph.edges[e].b];
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    const XY foot{a.x + t * dx, a.y + t * dy};
    return {e, t * graph.edges[e].length_m, std::hypot(p.x - foot.x, p.y - foot.y)};
}

// Dijkstra from a snapped site over nodes, stopped beyond radius_m. `dist` is all infinity
// on entry for every node; the nodes it sets are listed in `touched` (so the caller resets them).
void walk_from(const WalkingGraph& graph, const NetworkSnap& site, double radius_m, std::vector<double>& dist,
               std::vector<std::uint32_t>& touched) {
    using Entry = std::pair<double, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    const auto& edge = graph.edges[site.edge];
    auto relax = [&](std::uint32_t n, double d) {
        if (d > radius_m || d >= dist[n]) return;
        if (dist[n] == kInfinity) touched.push_back(n);
        dist[n] = d;
        queue.push({d, n});
    };
    relax(edge.a, site.offset_m + site.along_m);
    relax(edge.b, site.offset_m + (edge.length_m - site.along_m));
    while (!queue.empty()) {
        const auto [d, n] = queue.top();
        queue.pop();
        if (d > dist[n]) continue;
        for (const std::uint32_t e : graph.node_edges[n]) {
            const auto& ed = graph.edges[e];
            relax(ed.a == n ? ed.b : ed.a, d + ed.length_m);
        }
    }
}

}  // namespace

std::vector<NetworkSnap> snap_to_network(const WalkingGraph& graph, const std::vector<XY>& points) {
    if (graph.edges.empty()) throw BadInput("--network: the workspace has no roads to walk along");
    std::vector<SegmentValue> values;
    values.reserve(graph.edges.size());
    for (std::uint32_t e = 0; e < graph.edges.size(); ++e) {
        const XY& a = graph.nodes[graph.edges[e].a];
        const XY& b = graph.nodes[graph.edges[e].b];
        values.push_back({BSegment{BPoint{a.x, a.y}, BPoint{b.x, b.y}}, e});
    }
    const bgi::rtree<SegmentValue, bgi::rstar<16>> tree(values.begin(), values.end());
    std::vector<NetworkSnap> out;
    out.reserve(points.size());
    std::vector<SegmentValue> found;
    for (const XY& p : points) {
        found.clear();
        tree.query(bgi::nearest(BPoint{p.x, p.y}, 4), std::back_inserter(found));
        NetworkSnap best{};
        bool have = false;
        for (const auto& [segment, e] : found) {
            const NetworkSnap s = project(graph, e, p);
            if (!have || s.offset_m < best.offset_m || (s.offset_m == best.offset_m && e < best.edge)) {
                best = s;
                have = true;
            }
        }
        out.push_back(best);
    }
    return out;
}

std::vector<std::vector<std::uint32_t>> points_within_walk(const WalkingGraph& graph, const std::vector<XY>& sites,
                                                           const std::vector<XY>& points, double radius_m) {
    std::vector<std::vector<std::uint32_t>> out(sites.size());
    if (sites.empty() || points.empty()) return out;
    const auto site_snaps = snap_to_network(graph, sites);
    const auto point_snaps = snap_to_network(graph, points);
    std::vector<std::vector<std::uint32_t>> points_on_edge(graph.edges.size());
    for (std::uint32_t i = 0; i < points.size(); ++i) points_on_edge[point_snaps[i].edge].push_back(i);

    std::vector<double> dist(graph.nodes.size(), kInfinity);
    std::vector<double> best(points.size(), kInfinity);
    std::vector<std::uint32_t> touched, reached;
    for (std::size_t s = 0; s < sites.size(); ++s) {
        const NetworkSnap& site = site_snaps[s];
        auto offer = [&](std::uint32_t i, double d) {
            if (d > radius_m || d >= best[i]) return;
            if (best[i] == kInfinity) reached.push_back(i);
            best[i] = d;
        };
        // Along the site's own segment, without passing a node.
        for (const std::uint32_t i : points_on_edge[site.edge])
            offer(i, site.offset_m + std::abs(site.along_m - point_snaps[i].along_m) + point_snaps[i].offset_m);
        walk_from(graph, site, radius_m, dist, touched);
        for (const std::uint32_t n : touched)
            for (const std::uint32_t e : graph.node_edges[n])
                for (const std::uint32_t i : points_on_edge[e]) {
                    const auto& ed = graph.edges[e];
                    const double along = ed.a == n ? point_snaps[i].along_m : ed.length_m - point_snaps[i].along_m;
                    offer(i, dist[n] + along + point_snaps[i].offset_m);
                }
        std::sort(reached.begin(), reached.end());
        out[s] = reached;
        for (const std::uint32_t i : reached) best[i] = kInfinity;
        for (const std::uint32_t n : touched) dist[n] = kInfinity;
        reached.clear();
        touched.clear();
    }
    return out;
}

double walking_distance_m(const WalkingGraph& graph, const XY& from, const XY& to) {
    const auto snaps = snap_to_network(graph, {from, to});
    const NetworkSnap& a = snaps[0];
    const NetworkSnap& b = snaps[1];
    double best = kInfinity;
    if (a.edge == b.edge) best = a.offset_m + std::abs(a.along_m - b.along_m) + b.offset_m;
    std::vector<double> dist(graph.nodes.size(), kInfinity);
    std::vector<std::uint32_t> touched;
    walk_from(graph, a, kInfinity, dist, touched);
    const auto& e = graph.edges[b.edge];
    best = std::min(best, dist[e.a] + b.along_m + b.offset_m);
    best = std::min(best, dist[e.b] + (e.length_m - b.along_m) + b.offset_m);
    return best;
}

}  // namespace geo
