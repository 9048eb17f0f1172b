#include "geo/tracks/hop_search.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "geo/network/nodes_within.h"

namespace geo {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

}  // namespace

HopSearch::HopSearch(const RoadGraph& graph, Profile profile, double backward_tolerance_m)
    : graph_(graph), profile_(profile), backward_tolerance_m_(backward_tolerance_m), adjacency_(graph.adjacency(profile)),
      distance_(static_cast<std::size_t>(graph.node_count()), inf),
      parent_arc_(static_cast<std::size_t>(graph.node_count()), -1),
      settled_(static_cast<std::size_t>(graph.node_count()), 0) {}

void HopSearch::run(const SnappedPoint& from, const std::vector<int>& wanted, double limit_m) {
    for (const int v : touched_) {
        distance_[static_cast<std::size_t>(v)] = inf;
        settled_[static_cast<std::size_t>(v)] = 0;
    }
    touched_.clear();
    heap_.clear();
    from_ = from;
    const auto push = [&](int v, double d, int arc) {
        auto& label = distance_[static_cast<std::size_t>(v)];
        if (d > limit_m || d >= label) return;
        if (label == inf) touched_.push_back(v);
        label = d;
        parent_arc_[static_cast<std::size_t>(v)] = arc;
        heap_.push_back({d, v});
        std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
    };
    for (const NodeDistance& seed : departures(graph_, profile_, from)) push(seed.node, seed.distance_m, -1);
    std::size_t left = wanted.size();
    while (!heap_.empty() && left > 0) {
        std::pop_heap(heap_.begin(), heap_.end(), std::greater<>());
        const auto [d, v] = heap_.back();
        heap_.pop_back();
        const auto u = static_cast<std::size_t>(v);
        if (settled_[u]) continue;
        settled_[u] = 1;
        if (std::find(wanted.begin(), wanted.end(), v) != wanted.end()) --left;
        for (std::uint32_t i = adjacency_.offsets[u]; i < adjacency_.offsets[u + 1]; ++i)
            push(adjacency_.arcs[i].head, d + adjacency_.arcs[i].length_m, static_cast<int>(i));
    }
}

double HopSearch::distance_m(int node) const {
    const auto u = static_cast<std::size_t>(node);
    return settled_[u] ? distance_[u] : inf;
}

HopSearch::Entry HopSearch::best_entry(const SnappedPoint& to) const {
    Entry best{-1, inf};
    if (!to.valid() || !from_.valid()) return best;
    // Along the one edge both lie on, in a direction the profile allows; moving a few metres
    // back on a one-way street is GPS noise, not a trip round the block.
    if (to.edge == from_.edge) {
        const double along = to.offset_m - from_.offset_m;
        if (std::isfinite(graph_.edge_time_s(to.edge, profile_, along >= 0)) || std::abs(along) <= backward_tolerance_m_)
            best = {-1, std::abs(along)};
    }
    const GraphEdge& e = graph_.edges()[static_cast<std::size_t>(to.edge)];
    // Entering at `from` and moving forward needs the edge forward; at `to`, backward.
    if (std::isfinite(graph_.edge_time_s(to.edge, profile_, true)) || to.offset_m <= 0) {
        const double d = distance_m(e.from) + to.offset_m;
        if (d < best.total_m) best = {e.from, d};
    }
    if (std::isfinite(graph_.edge_time_s(to.edge, profile_, false)) || to.offset_m >= e.length_m) {
        const double d = distance_m(e.to) + (e.length_m - to.offset_m);
        if (d < best.total_m) best = {e.to, d};
    }
    return best;
}

double HopSearch::distance_to(const SnappedPoint& to) const { return best_entry(to).total_m; }

std::vector<HopSearch::Span> HopSearch::spans_to(const SnappedPoint& to) const {
    const Entry entry = best_entry(to);
    if (!std::isfinite(entry.total_m)) return {};
    if (entry.node < 0) return {{to.edge, from_.offset_m, to.offset_m}};
    const GraphEdge& last = graph_.edges()[static_cast<std::size_t>(to.edge)];
    std::vector<Span> reversed{{to.edge, entry.node == last.from ? 0.0 : last.length_m, to.offset_m}};
    int v = entry.node;
    while (parent_arc_[static_cast<std::size_t>(v)] >= 0) {
        const Arc& arc = adjacency_.arcs[static_cast<std::size_t>(parent_arc_[static_cast<std::size_t>(v)])];
        const GraphEdge& e = graph_.edges()[static_cast<std::size_t>(arc.edge)];
        reversed.push_back(arc.forward ? Span{arc.edge, 0.0, e.length_m} : Span{arc.edge, e.length_m, 0.0});
        v = arc.forward ? e.from : e.to;
    }
    const GraphEdge& first = graph_.edges()[static_cast<std::size_t>(from_.edge)];
    reversed.push_back({from_.edge, from_.offset_m, v == first.from ? 0.0 : first.length_m});
    std::reverse(reversed.begin(), reversed.end());
    // Zero-length spans (a start or end on a node) say nothing.
    std::erase_if(reversed, [](const Span& s) { return s.from_m == s.to_m; });
    return reversed;
}

}  // namespace geo
