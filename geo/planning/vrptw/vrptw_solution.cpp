#include "geo/planning/vrptw/vrptw_solution.h"

#include <algorithm>
#include <numeric>

namespace geo::planning::vrptw {

VrptwSolution::VrptwSolution(const VrptwProblem& p, int slots)
    : problem(&p), routes(static_cast<std::size_t>(slots)), route_of(static_cast<std::size_t>(p.size()), -1),
      position_of(static_cast<std::size_t>(p.size()), -1) {
    for (int v = 1; v < p.size(); ++v) unserved.push_back(v);
    rebuild_all();
}

void VrptwSolution::rebuild(int r) {
    VrptwRoute& route = routes[static_cast<std::size_t>(r)];
    const std::size_t m = route.nodes.size();
    route.forward.resize(m);
    route.backward.resize(m);
    route.forward[0] = node_segment(*problem, 0);
    for (std::size_t k = 1; k < m; ++k) route.forward[k] = join(*problem, route.forward[k - 1], node_segment(*problem, route.nodes[k]));
    route.backward[m - 1] = node_segment(*problem, 0);
    for (std::size_t k = m - 1; k-- > 0;) route.backward[k] = join(*problem, node_segment(*problem, route.nodes[k]), route.backward[k + 1]);
    for (std::size_t k = 1; k + 1 < m; ++k) {
        route_of[static_cast<std::size_t>(route.nodes[k])] = r;
        position_of[static_cast<std::size_t>(route.nodes[k])] = static_cast<int>(k);
    }
}

void VrptwSolution::rebuild_all() {
    for (std::size_t r = 0; r < routes.size(); ++r) rebuild(static_cast<int>(r));
}

void VrptwSolution::remove(int v) {
    const int r = route_of[static_cast<std::size_t>(v)];
    auto& nodes = routes[static_cast<std::size_t>(r)].nodes;
    nodes.erase(nodes.begin() + position_of[static_cast<std::size_t>(v)]);
    route_of[static_cast<std::size_t>(v)] = -1;
    position_of[static_cast<std::size_t>(v)] = -1;
    unserved.push_back(v);
    rebuild(r);
}

void VrptwSolution::insert(int v, int r, int p) {
    auto& nodes = routes[static_cast<std::size_t>(r)].nodes;
    nodes.insert(nodes.begin() + p, v);
    unserved.erase(std::find(unserved.begin(), unserved.end(), v));
    rebuild(r);
}

double VrptwSolution::time_warp() const {
    double sum = 0;
    for (const VrptwRoute& r : routes) sum += r.time_warp();
    return sum;
}

double VrptwSolution::distance() const {
    double sum = 0;
    for (const VrptwRoute& r : routes) sum += r.distance();
    return sum;
}

int VrptwSolution::routes_used() const {
    return static_cast<int>(std::count_if(routes.begin(), routes.end(), [](const VrptwRoute& r) { return !r.empty(); }));
}

int VrptwSolution::empty_route() const {
    for (std::size_t r = 0; r < routes.size(); ++r)
        if (routes[r].empty()) return static_cast<int>(r);
    return -1;
}

std::vector<std::vector<int>> VrptwSolution::customer_routes() const {
    std::vector<std::vector<int>> out;
    for (const VrptwRoute& r : routes)
        if (!r.empty()) out.emplace_back(r.nodes.begin() + 1, r.nodes.end() - 1);
    return out;
}

TimeSegment route_segment(const VrptwProblem& p, const VrptwRoute& route, int i, int j) {
    TimeSegment s = node_segment(p, route.nodes[static_cast<std::size_t>(i)]);
    for (int k = i + 1; k <= j; ++k) s = join(p, s, node_segment(p, route.nodes[static_cast<std::size_t>(k)]));
    return s;
}

SearchContext::SearchContext(const VrptwProblem& p, int neighbours, std::uint64_t seed) : problem(&p), rng(seed) {
    const int n = p.size();
    near.resize(static_cast<std::size_t>(n));
    sorted.resize(static_cast<std::size_t>(n));
    for (int v = 0; v < n; ++v) {
        std::vector<int> others;
        for (int w = 1; w < n; ++w)
            if (w != v) others.push_back(w);
        // Distance for the ruin's strings; for the moves, a closeness that also weighs how far
        // apart the windows are (a near customer due long before is no real neighbour).
        std::sort(others.begin(), others.end(), [&](int a, int b) { return p.d(v, a) + p.d(a, v) < p.d(v, b) + p.d(b, v); });
        sorted[static_cast<std::size_t>(v)] = others;
        const auto closeness = [&](int w) {
            const double gap = std::max({0.0, p.ready[static_cast<std::size_t>(w)] - p.due[static_cast<std::size_t>(v)] -
                                                  p.service[static_cast<std::size_t>(v)] - p.d(v, w),
                                         p.ready[static_cast<std::size_t>(v)] - p.due[static_cast<std::size_t>(w)] -
                                             p.service[static_cast<std::size_t>(w)] - p.d(w, v)});
            return p.d(v, w) + 0.2 * gap;
        };
        std::stable_sort(others.begin(), others.end(), [&](int a, int b) { return closeness(a) < closeness(b); });
        if (static_cast<int>(others.size()) > neighbours) others.resize(static_cast<std::size_t>(neighbours));
        near[static_cast<std::size_t>(v)] = std::move(others);
    }
}

}  // namespace geo::planning::vrptw
