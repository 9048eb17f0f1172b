#include "geo/planning/vrptw/two_opt.h"

#include <algorithm>

namespace geo::planning::vrptw {

bool two_opt(VrptwSolution& s, SearchContext& ctx, int u) {
    const VrptwProblem& p = *ctx.problem;
    const int r = s.route_of[static_cast<std::size_t>(u)];
    if (r < 0) return false;
    VrptwRoute& route = s.routes[static_cast<std::size_t>(r)];
    const auto at = [&](int k) { return route.nodes[static_cast<std::size_t>(k)]; };
    for (const int v : ctx.near[static_cast<std::size_t>(u)]) {
        if (s.route_of[static_cast<std::size_t>(v)] != r) continue;
        const int pu = s.position_of[static_cast<std::size_t>(u)];
        const int pv = s.position_of[static_cast<std::size_t>(v)];
        // Reverse nodes[i+1..j]: edges (nodes[i], nodes[j]) and (nodes[i+1], nodes[j+1]) appear.
        for (const auto& [i, j] : {std::pair{std::min(pu, pv), std::max(pu, pv)}, std::pair{std::min(pu, pv) - 1, std::max(pu, pv) - 1}}) {
            if (i < 0 || j <= i + 1) continue;
            const double delta = p.d(at(i), at(j)) + p.d(at(i + 1), at(j + 1)) - p.d(at(i), at(i + 1)) - p.d(at(j), at(j + 1));
            if (!may_improve(ctx, delta, route.time_warp())) continue;
            TimeSegment reversed = node_segment(p, at(j));
            for (int k = j - 1; k > i; --k) reversed = join(p, reversed, node_segment(p, at(k)));
            const TimeSegment joined =
                join(p, join(p, route.forward[static_cast<std::size_t>(i)], reversed), route.backward[static_cast<std::size_t>(j + 1)]);
            if (!improves(ctx, joined.distance - route.distance(), route.time_warp(), {joined})) continue;
            std::reverse(route.nodes.begin() + i + 1, route.nodes.begin() + j + 1);
            s.rebuild(r);
            return true;
        }
    }
    return false;
}

}  // namespace geo::planning::vrptw
