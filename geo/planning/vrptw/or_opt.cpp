#include "geo/planning/vrptw/or_opt.h"

#include <vector>

namespace geo::planning::vrptw {

bool or_opt(VrptwSolution& s, SearchContext& ctx, int u) {
    const VrptwProblem& p = *ctx.problem;
    const int r = s.route_of[static_cast<std::size_t>(u)];
    if (r < 0) return false;
    VrptwRoute& route = s.routes[static_cast<std::size_t>(r)];
    const auto at = [&](int k) { return route.nodes[static_cast<std::size_t>(k)]; };
    const int i = s.position_of[static_cast<std::size_t>(u)];
    const int last = route.customers();
    for (int len = 1; len <= or_opt_max_stretch && i + len - 1 <= last; ++len) {
        const int j = i + len - 1;  // the stretch is nodes[i..j]
        const double removal = p.d(at(i - 1), at(i)) + p.d(at(j), at(j + 1)) - p.d(at(i - 1), at(j + 1));
        for (const int v : ctx.near[static_cast<std::size_t>(u)]) {
            if (s.route_of[static_cast<std::size_t>(v)] != r) continue;
            const int pv = s.position_of[static_cast<std::size_t>(v)];
            // Insert between positions k and k + 1, with v at one side of u's stretch.
            for (const int k : {pv - 1, pv}) {
                if (k >= i - 1 && k <= j) continue;  // inside or next to the stretch itself
                const double added = p.d(at(k), at(i)) + p.d(at(j), at(k + 1)) - p.d(at(k), at(k + 1));
                if (!may_improve(ctx, added - removal, route.time_warp())) continue;
                const TimeSegment stretch = route_segment(p, route, i, j);
                TimeSegment joined;
                if (k < i) {  // earlier: [0..k] stretch [k+1..i-1] [j+1..]
                    joined = join(p, join(p, route.forward[static_cast<std::size_t>(k)], stretch), route_segment(p, route, k + 1, i - 1));
                    joined = join(p, joined, route.backward[static_cast<std::size_t>(j + 1)]);
                } else {  // later: [0..i-1] [j+1..k] stretch [k+1..]
                    joined = join(p, route.forward[static_cast<std::size_t>(i - 1)], route_segment(p, route, j + 1, k));
                    joined = join(p, join(p, joined, stretch), route.backward[static_cast<std::size_t>(k + 1)]);
                }
                if (!improves(ctx, added - removal, route.time_warp(), {joined})) continue;
                std::vector<int> moved(route.nodes.begin() + i, route.nodes.begin() + j + 1);
                std::vector<int> nodes;
                nodes.reserve(route.nodes.size());
                for (int q = 0; q < static_cast<int>(route.nodes.size()); ++q) {
                    if (q >= i && q <= j) continue;
                    nodes.push_back(at(q));
                    if (q == k) nodes.insert(nodes.end(), moved.begin(), moved.end());
                }
                route.nodes = std::move(nodes);
                s.rebuild(r);
                return true;
            }
        }
    }
    return false;
}

}  // namespace geo::planning::vrptw
