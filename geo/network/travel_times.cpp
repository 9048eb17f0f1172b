#include "geo/network/travel_times.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <tuple>

namespace geo {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

}  // namespace

std::vector<NodeTime> time_departures(const RoadGraph& graph, Profile profile, const SnappedPoint& from) {
    std::vector<NodeTime> out;
    if (!from.valid()) return out;
    const GraphEdge& e = graph.edges()[static_cast<std::size_t>(from.edge)];
    const double back_m = from.offset_m, ahead_m = e.length_m - from.offset_m;
    const double share_back = e.length_m > 0 ? back_m / e.length_m : 0, share_ahead = e.length_m > 0 ? ahead_m / e.length_m : 0;
    // Standing on a node needs no arc, so any profile may leave from there.
    const double back_s = graph.edge_time_s(from.edge, profile, false), ahead_s = graph.edge_time_s(from.edge, profile, true);
    if (back_m <= 0) out.push_back({e.from, 0, 0});
    else if (std::isfinite(back_s)) out.push_back({e.from, back_s * share_back, back_m});
    if (ahead_m <= 0) out.push_back({e.to, 0, 0});
    else if (std::isfinite(ahead_s)) out.push_back({e.to, ahead_s * share_ahead, ahead_m});
    return out;
}

TravelTimes::TravelTimes(const RoadGraph& graph, Profile profile)
    : adjacency_(graph.adjacency(profile)),
      time_s_(static_cast<std::size_t>(graph.node_count()), inf),
      length_m_(static_cast<std::size_t>(graph.node_count()), inf),
      parent_arc_(static_cast<std::size_t>(graph.node_count()), -1) {}

const std::vector<NodeTime>& TravelTimes::search(const std::vector<NodeTime>& seeds, double limit_s) {
    for (const int v : touched_) {
        const auto u = static_cast<std::size_t>(v);
        time_s_[u] = length_m_[u] = inf;
        parent_arc_[u] = -1;
    }
    touched_.clear();
    reached_.clear();

    using Entry = std::pair<double, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    auto relax = [&](int v, double t, double m, int arc) {
        const auto u = static_cast<std::size_t>(v);
        if (t > limit_s || t >= time_s_[u]) return;
        if (time_s_[u] == inf) touched_.push_back(v);
        time_s_[u] = t;
        length_m_[u] = m;
        parent_arc_[u] = arc;
        heap.push({t, v});
    };
    for (const NodeTime& seed : seeds) relax(seed.node, seed.time_s, seed.length_m, -1);
    while (!heap.empty()) {
        const auto [t, v] = heap.top();
        heap.pop();
        const auto u = static_cast<std::size_t>(v);
        if (t > time_s_[u]) continue;  // stale: settled sooner
        reached_.push_back({v, t, length_m_[u]});
        for (std::uint32_t i = adjacency_.offsets[u]; i < adjacency_.offsets[u + 1]; ++i) {
            const Arc& a = adjacency_.arcs[i];
            relax(a.head, t + a.time_s, length_m_[u] + a.length_m, static_cast<int>(i));
        }
    }
    return reached_;
}

double time_to(const RoadGraph& graph, Profile profile, const TravelTimes& times, const SnappedPoint& origin,
               const SnappedPoint& target) {
    if (!origin.valid() || !target.valid()) return inf;
    const GraphEdge& e = graph.edges()[static_cast<std::size_t>(target.edge)];
    const double forward_s = graph.edge_time_s(target.edge, profile, true), backward_s = graph.edge_time_s(target.edge, profile, false);
    const double per_m_forward = e.length_m > 0 ? forward_s / e.length_m : 0, per_m_backward = e.length_m > 0 ? backward_s / e.length_m : 0;
    double best = inf;
    // Arriving from the edge's `from` node drives it forward for offset metres; from `to`, backward.
    if (target.offset_m <= 0) best = std::min(best, times.time_s(e.from));
    else if (std::isfinite(forward_s)) best = std::min(best, times.time_s(e.from) + per_m_forward * target.offset_m);
    if (target.offset_m >= e.length_m) best = std::min(best, times.time_s(e.to));
    else if (std::isfinite(backward_s)) best = std::min(best, times.time_s(e.to) + per_m_backward * (e.length_m - target.offset_m));
    if (origin.edge == target.edge) {
        const double d = target.offset_m - origin.offset_m;
        if (d >= 0 && std::isfinite(forward_s)) best = std::min(best, per_m_forward * d);
        if (d <= 0 && std::isfinite(backward_s)) best = std::min(best, per_m_backward * -d);
    }
    return best;
}

}  // namespace geo
