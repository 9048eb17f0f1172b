#include "geo/planning/vrptw/exchange.h"

namespace geo::planning::vrptw {
namespace {

// Swaps u (route r, position pu) with w (route q, position pw) when shorter and feasible.
bool try_swap(VrptwSolution& s, const SearchContext& ctx, int r, int pu, int q, int pw) {
    const VrptwProblem& p = *ctx.problem;
    VrptwRoute& a = s.routes[static_cast<std::size_t>(r)];
    VrptwRoute& b = s.routes[static_cast<std::size_t>(q)];
    const int u = a.nodes[static_cast<std::size_t>(pu)], w = b.nodes[static_cast<std::size_t>(pw)];
    const int a0 = a.nodes[static_cast<std::size_t>(pu - 1)], a1 = a.nodes[static_cast<std::size_t>(pu + 1)];
    const int b0 = b.nodes[static_cast<std::size_t>(pw - 1)], b1 = b.nodes[static_cast<std::size_t>(pw + 1)];
    const double delta = p.d(a0, w) + p.d(w, a1) + p.d(b0, u) + p.d(u, b1) - p.d(a0, u) - p.d(u, a1) - p.d(b0, w) - p.d(w, b1);
    const double old_warp = a.time_warp() + b.time_warp();
    if (!may_improve(ctx, delta, old_warp)) return false;
    const TimeSegment ra = join(p, join(p, a.forward[static_cast<std::size_t>(pu - 1)], node_segment(p, w)), a.backward[static_cast<std::size_t>(pu + 1)]);
    if (ctx.warp_penalty <= 0 && !feasible(p, ra)) return false;
    const TimeSegment rb = join(p, join(p, b.forward[static_cast<std::size_t>(pw - 1)], node_segment(p, u)), b.backward[static_cast<std::size_t>(pw + 1)]);
    if (!improves(ctx, delta, old_warp, {ra, rb})) return false;
    a.nodes[static_cast<std::size_t>(pu)] = w;
    b.nodes[static_cast<std::size_t>(pw)] = u;
    s.rebuild(r);
    s.rebuild(q);
    return true;
}

}  // namespace

bool exchange(VrptwSolution& s, SearchContext& ctx, int u) {
    return first_move_with_near(s, ctx, u, [&](int r, int pu, int q, int pv) {
        const int last = s.routes[static_cast<std::size_t>(q)].customers();
        // u takes v's place, or the place of v's neighbour so that u ends beside v.
        return try_swap(s, ctx, r, pu, q, pv) || (pv > 1 && try_swap(s, ctx, r, pu, q, pv - 1)) ||
               (pv < last && try_swap(s, ctx, r, pu, q, pv + 1));
    });
}

}  // namespace geo::planning::vrptw
