#include "geo/network/nodes_within.h"

#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace geo {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

}  // namespace

std::vector<NodeDistance> departures(const RoadGraph& graph, Profile profile, const SnappedPoint& from,
                                     double start_m) {
    std::vector<NodeDistance> out;
    if (!from.valid()) return out;
    const GraphEdge& e = graph.edges()[static_cast<std::size_t>(from.edge)];
    // Backward to `from` covers the offset, forward to `to` the rest; standing on a node needs
    // no arc, so any profile may leave from there.
    const double back_m = from.offset_m, ahead_m = e.length_m - from.offset_m;
    if (back_m <= 0 || std::isfinite(graph.edge_time_s(from.edge, profile, false)))
        out.push_back({e.from, start_m + back_m});
    if (ahead_m <= 0 || std::isfinite(graph.edge_time_s(from.edge, profile, true)))
        out.push_back({e.to, start_m + ahead_m});
    return out;
}

NodesWithin::NodesWithin(const RoadGraph& graph, Profile profile)
    : adjacency_(graph.adjacency(profile)), distance_m_(static_cast<std::size_t>(graph.node_count()), inf) {}

const std::vector<NodeDistance>& NodesWithin::search(const std::vector<NodeDistance>& seeds, double limit_m) {
    for (const int v : touched_) distance_m_[static_cast<std::size_t>(v)] = inf;
    touched_.clear();
    reached_.clear();

    using Entry = std::pair<double, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    auto relax = [&](int v, double d) {
        auto& label = distance_m_[static_cast<std::size_t>(v)];
        if (d > limit_m || d >= label) return;
        if (label == inf) touched_.push_back(v);
        label = d;
        heap.push({d, v});
    };
    for (const NodeDistance& seed : seeds) relax(seed.node, seed.distance_m);
    while (!heap.empty()) {
        const auto [d, v] = heap.top();
        heap.pop();
        const auto u = static_cast<std::size_t>(v);
        if (d > distance_m_[u]) continue;  // a stale entry: v was settled nearer
        reached_.push_back({v, d});
        for (std::uint32_t i = adjacency_.offsets[u]; i < adjacency_.offsets[u + 1]; ++i)
            relax(adjacency_.arcs[i].head, d + adjacency_.arcs[i].length_m);
    }
    return reached_;
}

}  // namespace geo
