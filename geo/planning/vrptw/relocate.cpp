#include "geo/planning/vrptw/relocate.h"

namespace geo::planning::vrptw {

bool relocate(VrptwSolution& s, SearchContext& ctx, int u) {
    const VrptwProblem& p = *ctx.problem;
    const int r = s.route_of[static_cast<std::size_t>(u)];
    if (r < 0) return false;
    VrptwRoute& from = s.routes[static_cast<std::size_t>(r)];
    const int pu = s.position_of[static_cast<std::size_t>(u)];
    const int before = from.nodes[static_cast<std::size_t>(pu - 1)], after = from.nodes[static_cast<std::size_t>(pu + 1)];
    const double gain = p.d(before, u) + p.d(u, after) - p.d(before, after);
    const auto from_without_u = [&] { return join(p, from.forward[static_cast<std::size_t>(pu - 1)], from.backward[static_cast<std::size_t>(pu + 1)]); };
    // Between positions a and a + 1 of route q.
    const auto try_insert = [&](int q, int a) {
        VrptwRoute& to = s.routes[static_cast<std::size_t>(q)];
        const int x = to.nodes[static_cast<std::size_t>(a)], y = to.nodes[static_cast<std::size_t>(a + 1)];
        const double delta = p.d(x, u) + p.d(u, y) - p.d(x, y) - gain;
        const double old_warp = from.time_warp() + to.time_warp();
        if (!may_improve(ctx, delta, old_warp)) return false;
        if (to.load() + p.demand[static_cast<std::size_t>(u)] > p.capacity + 1e-9) return false;
        const TimeSegment joined =
            join(p, join(p, to.forward[static_cast<std::size_t>(a)], node_segment(p, u)), to.backward[static_cast<std::size_t>(a + 1)]);
        if (ctx.warp_penalty <= 0 && !feasible(p, joined)) return false;
        if (!improves(ctx, delta, old_warp, {joined, from_without_u()})) return false;
        from.nodes.erase(from.nodes.begin() + pu);
        to.nodes.insert(to.nodes.begin() + a + 1, u);
        s.rebuild(r);
        s.rebuild(q);
        return true;
    };
    for (const int v : ctx.near[static_cast<std::size_t>(u)]) {
        const int q = s.route_of[static_cast<std::size_t>(v)];
        if (q < 0 || q == r) continue;
        const int pv = s.position_of[static_cast<std::size_t>(v)];
        if (try_insert(q, pv) || try_insert(q, pv - 1)) return true;
    }
    if (from.customers() > 1) {
        const int e = s.empty_route();
        if (e >= 0 && try_insert(e, 0)) return true;
    }
    return false;
}

}  // namespace geo::planning::vrptw
