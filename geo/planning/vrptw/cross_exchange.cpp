#include "geo/planning/vrptw/cross_exchange.h"

#include <vector>

namespace geo::planning::vrptw {
namespace {

// Route r (u at position i) gives its nodes[i+1 .. i+a] and takes route q's nodes[j .. j+b-1],
// which then follow u; q gets r's stretch between its nodes[j-1] and nodes[j+b].
bool try_cross(VrptwSolution& s, const SearchContext& ctx, int r, int i, int a, int q, int j, int b) {
    const VrptwProblem& p = *ctx.problem;
    VrptwRoute& ra = s.routes[static_cast<std::size_t>(r)];
    VrptwRoute& rb = s.routes[static_cast<std::size_t>(q)];
    const auto at = [](const VrptwRoute& route, int k) { return route.nodes[static_cast<std::size_t>(k)]; };
    const int u = at(ra, i), a_first = at(ra, i + 1), a_last = at(ra, i + a), a_next = at(ra, i + a + 1);
    const int b_prev = at(rb, j - 1), b_first = at(rb, j), b_last = at(rb, j + b - 1), b_next = at(rb, j + b);
    double delta = 0;
    if (a > 0)
        delta = p.d(u, b_first) + p.d(b_last, a_next) + p.d(b_prev, a_first) + p.d(a_last, b_next) - p.d(u, a_first) -
                p.d(a_last, a_next) - p.d(b_prev, b_first) - p.d(b_last, b_next);
    else
        delta = p.d(u, b_first) + p.d(b_last, a_first) + p.d(b_prev, b_next) - p.d(u, a_first) - p.d(b_prev, b_first) -
                p.d(b_last, b_next);
    const double old_warp = ra.time_warp() + rb.time_warp();
    if (!may_improve(ctx, delta, old_warp)) return false;
    const TimeSegment stretch_b = route_segment(p, rb, j, j + b - 1);
    const TimeSegment new_a = join(p, join(p, ra.forward[static_cast<std::size_t>(i)], stretch_b), ra.backward[static_cast<std::size_t>(i + a + 1)]);
    if (ctx.warp_penalty <= 0 && !feasible(p, new_a)) return false;
    const TimeSegment head_b = rb.forward[static_cast<std::size_t>(j - 1)];
    const TimeSegment new_b = a > 0 ? join(p, join(p, head_b, route_segment(p, ra, i + 1, i + a)), rb.backward[static_cast<std::size_t>(j + b)])
                                    : join(p, head_b, rb.backward[static_cast<std::size_t>(j + b)]);
    if (!improves(ctx, delta, old_warp, {new_a, new_b})) return false;
    std::vector<int> na(ra.nodes.begin(), ra.nodes.begin() + i + 1);
    na.insert(na.end(), rb.nodes.begin() + j, rb.nodes.begin() + j + b);
    na.insert(na.end(), ra.nodes.begin() + i + a + 1, ra.nodes.end());
    std::vector<int> nb(rb.nodes.begin(), rb.nodes.begin() + j);
    nb.insert(nb.end(), ra.nodes.begin() + i + 1, ra.nodes.begin() + i + a + 1);
    nb.insert(nb.end(), rb.nodes.begin() + j + b, rb.nodes.end());
    ra.nodes = std::move(na);
    rb.nodes = std::move(nb);
    s.rebuild(r);
    s.rebuild(q);
    return true;
}

}  // namespace

bool cross_exchange(VrptwSolution& s, SearchContext& ctx, int u) {
    return first_move_with_near(s, ctx, u, [&](int r, int i, int q, int j) {
        const int room_a = s.routes[static_cast<std::size_t>(r)].customers() - i;      // customers after u
        const int room_b = s.routes[static_cast<std::size_t>(q)].customers() - j + 1;  // v and after
        for (int a = 0; a <= cross_exchange_max_stretch && a <= room_a; ++a)
            for (int b = 1; b <= cross_exchange_max_stretch && b <= room_b; ++b)
                if (!(a == 0 && b == 1) && try_cross(s, ctx, r, i, a, q, j, b)) return true;  // (0, 1) is relocate's
        return false;
    });
}

}  // namespace geo::planning::vrptw
