#include "geo/network/shortest_path.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <queue>
#include <thread>

#include <fmt/format.h>

#include "geo/network/edge_geometry.h"
#include "geo/util/error.h"

namespace geo {
namespace {

constexpr double inf = unreachable_time_s;

// Time and length from a snapped point to the end node of its edge in one direction
// (toward `to` when forward), +inf where the profile may not go that way.
RouteCost partial_cost(const RoadGraph& g, Profile profile, const SnappedPoint& p, bool forward, bool from_point) {
    const GraphEdge& e = g.edges()[static_cast<std::size_t>(p.edge)];
    // From the point forward covers (L - o); toward the point going forward covers o.
    const double part_m = (forward == from_point) ? e.length_m - p.offset_m : p.offset_m;
    if (part_m <= 0) return {0.0, 0.0};  // the point is on the node itself: any direction
    const double whole = g.edge_time_s(p.edge, profile, forward);
    if (!std::isfinite(whole)) return {};
    return {whole * part_m / e.length_m, part_m};
}

// Both points on the same edge: the direct way along it, if the profile allows that direction.
RouteCost along_same_edge(const RoadGraph& g, Profile profile, const SnappedPoint& a, const SnappedPoint& b) {
    if (a.edge != b.edge) return {};
    const GraphEdge& e = g.edges()[static_cast<std::size_t>(a.edge)];
    const bool forward = b.offset_m >= a.offset_m;
    const double whole = g.edge_time_s(a.edge, profile, forward);
    if (!std::isfinite(whole)) return {};
    const double part_m = std::abs(b.offset_m - a.offset_m);
    return {e.length_m > 0 ? whole * part_m / e.length_m : 0.0, part_m};
}

// Dijkstra / A* labels, reused between searches from one thread (reset via `touched_`).
class Search {
public:
    Search(const RoadGraph& g, Profile profile)
        : g_(g), profile_(profile), adj_(g.adjacency(profile)),
          time_(static_cast<std::size_t>(g.node_count()), inf), length_(time_.size(), inf),
          parent_arc_(time_.size(), -1), settled_(time_.size(), false) {}

    // Seeds the search at the ends of the source point's edge.
    void start(const SnappedPoint& from) {
        for (const int v : touched_) {
            const auto u = static_cast<std::size_t>(v);
            time_[u] = inf, length_[u] = inf, parent_arc_[u] = -1, settled_[u] = false;
        }
        touched_.clear();
        heap_ = {};
        if (!from.valid()) return;
        const GraphEdge& e = g_.edges()[static_cast<std::size_t>(from.edge)];
        seed(e.to, partial_cost(g_, profile_, from, true, true));
        seed(e.from, partial_cost(g_, profile_, from, false, true));
    }

    // Settles nodes until `done(node)` says so or the heap runs out; `bound(node)` is A*'s
    // lower bound on the time still to go (0 for Dijkstra). `stop_key` ends the search once the
    // smallest key reaches it (the best known answer).
    template <class Bound, class Done, class StopKey>
    void run(Bound bound, Done done, StopKey stop_key) {
        while (!heap_.empty()) {
            const auto [key, v] = heap_.top();
            heap_.pop();
            const auto u = static_cast<std::size_t>(v);
            if (settled_[u]) continue;
            if (key >= stop_key()) return;
            settled_[u] = true;
            if (done(v)) return;
            for (std::uint32_t i = adj_.offsets[u]; i < adj_.offsets[u + 1]; ++i) {
                const Arc& arc = adj_.arcs[i];
                const auto w = static_cast<std::size_t>(arc.head);
                const double t = time_[u] + arc.time_s;
                if (t < time_[w]) {
                    if (time_[w] == inf) touched_.push_back(arc.head);
                    time_[w] = t;
                    length_[w] = length_[u] + arc.length_m;
                    parent_arc_[w] = static_cast<int>(i);
                    heap_.push({t + bound(arc.head), arc.head});
                }
            }
        }
    }

    bool settled(int v) const { return settled_[static_cast<std::size_t>(v)]; }
    // Marks for the nodes one search waits for: marked(v) is true after mark(v) until the next
    // new_marks(), without clearing the whole array each time.
    void new_marks() {
        if (marks_.empty()) marks_.assign(time_.size(), 0);
        ++mark_;
    }
    bool mark(int v) {  // false when already marked
        auto& m = marks_[static_cast<std::size_t>(v)];
        if (m == mark_) return false;
        m = mark_;
        return true;
    }
    bool marked(int v) const { return marks_[static_cast<std::size_t>(v)] == mark_; }
    RouteCost label(int v) const { return {time_[static_cast<std::size_t>(v)], length_[static_cast<std::size_t>(v)]}; }
    int parent_arc(int v) const { return parent_arc_[static_cast<std::size_t>(v)]; }
    const CsrAdjacency& adjacency() const { return adj_; }
    void push_seed_keys(const std::function<double(int)>& bound) {
        std::vector<std::pair<double, int>> seeds;
        while (!heap_.empty()) seeds.push_back(heap_.top()), heap_.pop();
        for (const auto& [key, v] : seeds) heap_.push({time_[static_cast<std::size_t>(v)] + bound(v), v});
    }

    // The best cost of reaching `to` now that its edge ends are labelled.
    RouteCost cost_to(const SnappedPoint& to, const SnappedPoint& from, int* via = nullptr) const {
        RouteCost best = along_same_edge(g_, profile_, from, to);
        if (via) *via = -1;
        if (!to.valid()) return {};
        const GraphEdge& e = g_.edges()[static_cast<std::size_t>(to.edge)];
        for (const bool forward : {true, false}) {
            const int node = forward ? e.from : e.to;
            const RouteCost part = partial_cost(g_, profile_, to, forward, false);
            const RouteCost at = label(node);
            if (!part.reachable() || !at.reachable()) continue;
            const double t = at.time_s + part.time_s;
            if (t < best.time_s) {
                best = {t, at.length_m + part.length_m};
                if (via) *via = node;
            }
        }
        return best;
    }

private:
    void seed(int node, const RouteCost& cost) {
        if (!cost.reachable()) return;
        const auto u = static_cast<std::size_t>(node);
        if (cost.time_s >= time_[u]) return;
        if (time_[u] == inf) touched_.push_back(node);
        time_[u] = cost.time_s, length_[u] = cost.length_m, parent_arc_[u] = -1;
        heap_.push({cost.time_s, node});
    }

    using Entry = std::pair<double, int>;
    const RoadGraph& g_;
    Profile profile_;
    const CsrAdjacency& adj_;
    std::vector<double> time_, length_;
    std::vector<int> parent_arc_;
    std::vector<bool> settled_;
    std::vector<int> touched_;
    std::vector<std::uint32_t> marks_;
    std::uint32_t mark_ = 0;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap_;
};

std::vector<RouteCost> costs_from(Search& search, const RoadGraph& g, const SnappedPoint& from,
                                  const std::vector<SnappedPoint>& targets) {
    // A point snapped on another graph would index past this one's edges.
    auto require_on_graph = [&](const SnappedPoint& p) {
        if (p.valid() && static_cast<std::size_t>(p.edge) >= g.edges().size())
            throw InternalError(fmt::format("a point snapped to edge {} of a graph of {} edges", p.edge, g.edges().size()));
    };
    require_on_graph(from);
    for (const SnappedPoint& t : targets) require_on_graph(t);
    search.start(from);
    // The target edges' end nodes; the search may stop once all are settled.
    search.new_marks();
    std::size_t left = 0;
    for (const SnappedPoint& t : targets)
        if (t.valid()) {
            const GraphEdge& e = g.edges()[static_cast<std::size_t>(t.edge)];
            left += search.mark(e.from) ? 1 : 0;
            left += search.mark(e.to) ? 1 : 0;
        }
    search.run([](int) { return 0.0; }, [&](int v) { return search.marked(v) && --left == 0; }, [] { return inf; });
    std::vector<RouteCost> out;
    out.reserve(targets.size());
    for (const SnappedPoint& t : targets) out.push_back(from.valid() ? search.cost_to(t, from) : RouteCost{});
    return out;
}

}  // namespace

Route shortest_route(const RoadGraph& graph, Profile profile, const SnappedPoint& from, const SnappedPoint& to,
                     SearchKind kind) {
    Route route;
    if (!from.valid() || !to.valid()) return route;
    Search search(graph, profile);
    const double speed_mps = graph.max_speed_mps(profile);
    const XY goal = to.point;
    auto bound = [&](int v) {
        if (kind == SearchKind::dijkstra || speed_mps <= 0) return 0.0;
        const XY& p = graph.nodes()[static_cast<std::size_t>(v)];
        return std::hypot(p.x - goal.x, p.y - goal.y) / speed_mps;
    };
    search.start(from);
    if (kind == SearchKind::astar) search.push_seed_keys(bound);
    const GraphEdge& target_edge = graph.edges()[static_cast<std::size_t>(to.edge)];
    RouteCost best = along_same_edge(graph, profile, from, to);
    search.run(bound,
               [&](int v) {
                   if (v == target_edge.from || v == target_edge.to) {
                       const RouteCost c = search.cost_to(to, from);
                       if (c.time_s < best.time_s) best = c;
                   }
                   return false;
               },
               [&] { return best.time_s; });
    int via = -1;
    route.cost = search.cost_to(to, from, &via);
    if (!route.cost.reachable()) return route;

    if (via < 0) {  // along the one edge
        route.geometry = sub_line(graph.edges()[static_cast<std::size_t>(from.edge)].line, from.offset_m, to.offset_m);
        return route;
    }
    // Nodes back from `via` to a seed, then the geometry forward.
    std::vector<int> arcs;
    int v = via;
    for (int a = search.parent_arc(v); a >= 0; a = search.parent_arc(v)) {
        arcs.push_back(a);
        // The arc's tail: the node whose CSR range holds it.
        const auto& offsets = search.adjacency().offsets;
        v = static_cast<int>(std::upper_bound(offsets.begin(), offsets.end(), static_cast<std::uint32_t>(a)) - offsets.begin()) - 1;
    }
    std::reverse(arcs.begin(), arcs.end());
    const GraphEdge& start_edge = graph.edges()[static_cast<std::size_t>(from.edge)];
    const bool left_forward = v == start_edge.to &&
                              (v != start_edge.from || partial_cost(graph, profile, from, true, true).time_s <= search.label(v).time_s);
    append_path(route.geometry, sub_line(start_edge.line, from.offset_m, left_forward ? start_edge.length_m : 0.0));
    route.nodes.push_back(v);
    for (const int a : arcs) {
        const Arc& arc = search.adjacency().arcs[static_cast<std::size_t>(a)];
        LineString line = graph.edges()[static_cast<std::size_t>(arc.edge)].line;
        if (!arc.forward) std::reverse(line.begin(), line.end());
        append_path(route.geometry, line);
        route.nodes.push_back(arc.head);
    }
    append_path(route.geometry, sub_line(target_edge.line, via == target_edge.from ? 0.0 : target_edge.length_m, to.offset_m));
    return route;
}

std::vector<RouteCost> one_to_many(const RoadGraph& graph, Profile profile, const SnappedPoint& from,
                                   const std::vector<SnappedPoint>& targets) {
    Search search(graph, profile);
    return costs_from(search, graph, from, targets);
}

CostMatrix many_to_many(const RoadGraph& graph, Profile profile, const std::vector<SnappedPoint>& sources,
                        const std::vector<SnappedPoint>& targets, unsigned threads) {
    CostMatrix m;
    m.sources = sources.size();
    m.targets = targets.size();
    m.time_s.assign(m.sources * m.targets, inf);
    m.length_m.assign(m.sources * m.targets, inf);
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, m.sources)));
    std::atomic<std::size_t> next_source{0};
    // An exception in a worker would end the process (std::terminate); the first one is kept,
    // the other workers stop taking sources, and it is rethrown here once all have joined.
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
        try {
            Search search(graph, profile);
            for (std::size_t i = next_source++; i < m.sources; i = next_source++) {
                const auto row = costs_from(search, graph, sources[i], targets);
                for (std::size_t j = 0; j < m.targets; ++j) {
                    m.time_s[i * m.targets + j] = row[j].time_s;
                    m.length_m[i * m.targets + j] = row[j].length_m;
                }
            }
        } catch (...) {
            const std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next_source = m.sources;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    return m;
}

std::vector<std::size_t> unreachable_from(const CostMatrix& matrix, std::size_t source) {
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < matrix.targets; ++j)
        if (!std::isfinite(matrix.time(source, j))) out.push_back(j);
    return out;
}

void require_reachable(const CostMatrix& matrix, std::size_t post, const std::vector<std::string>& stop_names,
                       Profile profile) {
    const char* how = profile == Profile::walking ? "walking" : "driving";
    for (std::size_t j = 0; j < matrix.targets; ++j) {
        if (j == post) continue;
        const std::string& name = j < stop_names.size() ? stop_names[j] : fmt::format("#{}", j);
        if (!std::isfinite(matrix.time(post, j)))
            throw BadInput(fmt::format("stop {} is unreachable from the post ({}): it lies on a piece of the road "
                                       "network not connected to the post's", name, how));
        if (j < matrix.sources && !std::isfinite(matrix.time(j, post)))
            throw BadInput(fmt::format("stop {} is unreachable from the post ({}): there is no way back from it to "
                                       "the post (one-way streets)", name, how));
    }
}

}  // namespace geo
