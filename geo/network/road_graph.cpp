#include "geo/network/road_graph.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace geo {
namespace {

using Key = std::pair<double, double>;  // exact coordinates: see the header on matching

double segment_length_m(const XY& a, const XY& b) { return std::hypot(b.x - a.x, b.y - a.y); }

// Drops repeated consecutive vertices, which would make zero-length segments.
LineString without_repeats(const LineString& line) {
    LineString out;
    for (const XY& p : line)
        if (out.empty() || !(out.back() == p)) out.push_back(p);
    return out;
}

CsrAdjacency make_csr(int node_count, const std::vector<GraphEdge>& edges, Profile profile, const RoadGraph& g) {
    std::vector<std::pair<int, Arc>> arcs;  // (tail, arc)
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const GraphEdge& edge = edges[e];
        for (const bool forward : {true, false}) {
            const double t = g.edge_time_s(static_cast<int>(e), profile, forward);
            if (!std::isfinite(t)) continue;
            arcs.push_back({forward ? edge.from : edge.to,
                            Arc{forward ? edge.to : edge.from, static_cast<int>(e), forward, t, edge.length_m}});
        }
    }
    // Stable by tail: arcs keep edge order within a node, so every search is reproducible.
    std::stable_sort(arcs.begin(), arcs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    CsrAdjacency csr;
    csr.offsets.assign(static_cast<std::size_t>(node_count) + 1, 0);
    csr.arcs.reserve(arcs.size());
    for (const auto& [tail, arc] : arcs) {
        ++csr.offsets[static_cast<std::size_t>(tail) + 1];
        csr.arcs.push_back(arc);
    }
    for (std::size_t v = 0; v < static_cast<std::size_t>(node_count); ++v) csr.offsets[v + 1] += csr.offsets[v];
    return csr;
}

}  // namespace

double driving_speed_kmh(const Road& road) {
    return road.speed_kmh > 0 ? road.speed_kmh : default_speed_kmh(road.road_class);
}

double RoadGraph::edge_time_s(int edge, Profile profile, bool forward) const {
    const GraphEdge& e = edges_[static_cast<std::size_t>(edge)];
    if (profile == Profile::walking) return e.length_m / (walking_speed_kmh / 3.6);
    if (e.road_class == RoadClass::path || e.speed_kmh <= 0) return unreachable_time_s;
    if (e.oneway && !forward) return unreachable_time_s;
    return e.length_m / (e.speed_kmh / 3.6);
}

double RoadGraph::max_speed_mps(Profile profile) const {
    if (profile == Profile::walking) return walking_speed_kmh / 3.6;
    double fastest_kmh = 0;
    for (const GraphEdge& e : edges_)
        if (e.road_class != RoadClass::path) fastest_kmh = std::max(fastest_kmh, e.speed_kmh);
    return fastest_kmh / 3.6;
}

RoadGraph build_road_graph(const std::vector<Road>& roads) {
    // 1. How often each coordinate occurs, and which coordinates end a line.
    std::map<Key, int> occurrences;
    std::map<Key, bool> line_end;
    std::vector<std::vector<LineString>> cleaned(roads.size());
    for (std::size_t r = 0; r < roads.size(); ++r)
        for (const LineString& raw : roads[r].line) {
            LineString line = without_repeats(raw);
            if (line.size() < 2) continue;
            for (const XY& p : line) ++occurrences[{p.x, p.y}];
            line_end[{line.front().x, line.front().y}] = true;
            line_end[{line.back().x, line.back().y}] = true;
            cleaned[r].push_back(std::move(line));
        }

    // 2. Nodes, numbered in the order the roads first reach them.
    RoadGraph g;
    std::map<Key, int> node_of;
    auto node_at = [&](const XY& p) -> int {
        const Key key{p.x, p.y};
        if (!line_end.count(key) && occurrences[key] < 2) return -1;
        auto [it, added] = node_of.emplace(key, static_cast<int>(g.nodes_.size()));
        if (added) g.nodes_.push_back(p);
        return it->second;
    };

    // 3. One edge per stretch between nodes.
    for (std::size_t r = 0; r < roads.size(); ++r)
        for (const LineString& line : cleaned[r]) {
            GraphEdge edge;
            edge.road = r;
            edge.road_class = roads[r].road_class;
            edge.speed_kmh = driving_speed_kmh(roads[r]);
            edge.oneway = roads[r].oneway;
            edge.from = node_at(line.front());
            edge.line.push_back(line.front());
            for (std::size_t i = 1; i < line.size(); ++i) {
                edge.line.push_back(line[i]);
                edge.length_m += segment_length_m(line[i - 1], line[i]);
                const int node = node_at(line[i]);
                if (node < 0) continue;
                edge.to = node;
                g.edges_.push_back(edge);
                edge.line.assign(1, line[i]);
                edge.length_m = 0;
                edge.from = node;
            }
        }

    g.walking_ = make_csr(g.node_count(), g.edges_, Profile::walking, g);
    g.driving_ = make_csr(g.node_count(), g.edges_, Profile::driving, g);
    return g;
}

}  // namespace geo
