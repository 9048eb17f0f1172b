#include "geo/planning/vrptw/two_opt_star.h"

#include <vector>

namespace geo::planning::vrptw {
namespace {

// Route r keeps nodes[0..i] and takes route q's nodes[j..end]; q keeps nodes[0..j-1] and takes
// r's nodes[i+1..end].
bool try_tails(VrptwSolution& s, const SearchContext& ctx, int r, int i, int q, int j) {
    const VrptwProblem& p = *ctx.problem;
    VrptwRoute& a = s.routes[static_cast<std::size_t>(r)];
    VrptwRoute& b = s.routes[static_cast<std::size_t>(q)];
    const int x = a.nodes[static_cast<std::size_t>(i)], x1 = a.nodes[static_cast<std::size_t>(i + 1)];
    const int y0 = b.nodes[static_cast<std::size_t>(j - 1)], y = b.nodes[static_cast<std::size_t>(j)];
    const double delta = p.d(x, y) + p.d(y0, x1) - p.d(x, x1) - p.d(y0, y);
    const double old_warp = a.time_warp() + b.time_warp();
    if (!may_improve(ctx, delta, old_warp)) return false;
    const TimeSegment ra = join(p, a.forward[static_cast<std::size_t>(i)], b.backward[static_cast<std::size_t>(j)]);
    if (ctx.warp_penalty <= 0 && !feasible(p, ra)) return false;
    const TimeSegment rb = join(p, b.forward[static_cast<std::size_t>(j - 1)], a.backward[static_cast<std::size_t>(i + 1)]);
    if (!improves(ctx, delta, old_warp, {ra, rb})) return false;
    std::vector<int> na(a.nodes.begin(), a.nodes.begin() + i + 1);
    na.insert(na.end(), b.nodes.begin() + j, b.nodes.end());
    std::vector<int> nb(b.nodes.begin(), b.nodes.begin() + j);
    nb.insert(nb.end(), a.nodes.begin() + i + 1, a.nodes.end());
    a.nodes = std::move(na);
    b.nodes = std::move(nb);
    s.rebuild(r);
    s.rebuild(q);
    return true;
}

}  // namespace

bool two_opt_star(VrptwSolution& s, SearchContext& ctx, int u) {
    return first_move_with_near(s, ctx, u, [&](int r, int pu, int q, int pv) {
        return try_tails(s, ctx, r, pu, q, pv)     // u then v
               || try_tails(s, ctx, q, pv, r, pu);  // v then u
    });
}

}  // namespace geo::planning::vrptw
