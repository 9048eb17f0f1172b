#include "geo/planning/vrptw/squeeze.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace geo::planning::vrptw {
namespace {

// A move must lower the penalty by more than this (no cycling on rounding).
constexpr double penalty_epsilon = 1e-7;
// Moves one squeeze may make: N&B's squeeze gives up once no move lowers the penalty; the
// bound only keeps a long slide of tiny gains from eating route elimination's rounds.
constexpr int squeeze_max_moves = 200;

double penalty_of(const VrptwProblem& p, const VrptwRoute& route) { return route_penalty(p, route.forward.back()); }

// The moves of customer u (route r, position pu) next to its near customers that lower the
// penalty of the routes they touch; applies the first. Between routes: relocate u beside v,
// swap u and v, exchange the tails after u and before v (2-opt*, both ways); within u's route:
// u moved beside v.
class PenaltyMoves {
public:
    PenaltyMoves(VrptwSolution& s, const SearchContext& ctx) : s_(s), p_(*ctx.problem), ctx_(ctx) {}

    bool improve(int u) {
        const int r = s_.route_of[static_cast<std::size_t>(u)];
        if (r < 0) return false;
        for (const int v : ctx_.near[static_cast<std::size_t>(u)]) {
            const int q = s_.route_of[static_cast<std::size_t>(v)];
            if (q < 0) continue;
            const int pu = s_.position_of[static_cast<std::size_t>(u)], pv = s_.position_of[static_cast<std::size_t>(v)];
            if (q == r) {
                if (move_within(r, pu, pv - 1) || move_within(r, pu, pv)) return true;
                continue;
            }
            if (relocate(r, pu, q, pv - 1) || relocate(r, pu, q, pv) || swap(r, pu, q, pv) || tails(r, pu, q, pv) ||
                tails(q, pv, r, pu))
                return true;
        }
        return false;
    }

private:
    const VrptwRoute& route(int r) const { return s_.routes[static_cast<std::size_t>(r)]; }
    int node(int r, int k) const { return route(r).nodes[static_cast<std::size_t>(k)]; }
    const TimeSegment& fwd(int r, int k) const { return route(r).forward[static_cast<std::size_t>(k)]; }
    const TimeSegment& bwd(int r, int k) const { return route(r).backward[static_cast<std::size_t>(k)]; }
    double pen(const TimeSegment& t) const { return route_penalty(p_, t); }
    double pen(int r) const { return penalty_of(p_, route(r)); }

    void apply(int r, std::vector<int> nodes_r, int q, std::vector<int> nodes_q) {
        s_.routes[static_cast<std::size_t>(r)].nodes = std::move(nodes_r);
        s_.routes[static_cast<std::size_t>(q)].nodes = std::move(nodes_q);
        s_.rebuild(r);
        s_.rebuild(q);
    }

    // u (route r, position pu) between positions a and a + 1 of route q.
    bool relocate(int r, int pu, int q, int a) {
        const TimeSegment without = join(p_, fwd(r, pu - 1), bwd(r, pu + 1));
        const TimeSegment with = join(p_, join(p_, fwd(q, a), node_segment(p_, node(r, pu))), bwd(q, a + 1));
        if (pen(without) + pen(with) > pen(r) + pen(q) - penalty_epsilon) return false;
        std::vector<int> nr = route(r).nodes, nq = route(q).nodes;
        nq.insert(nq.begin() + a + 1, nr[static_cast<std::size_t>(pu)]);
        nr.erase(nr.begin() + pu);
        apply(r, std::move(nr), q, std::move(nq));
        return true;
    }

    bool swap(int r, int pu, int q, int pv) {
        const TimeSegment ra = join(p_, join(p_, fwd(r, pu - 1), node_segment(p_, node(q, pv))), bwd(r, pu + 1));
        const TimeSegment qa = join(p_, join(p_, fwd(q, pv - 1), node_segment(p_, node(r, pu))), bwd(q, pv + 1));
        if (pen(ra) + pen(qa) > pen(r) + pen(q) - penalty_epsilon) return false;
        std::vector<int> nr = route(r).nodes, nq = route(q).nodes;
        std::swap(nr[static_cast<std::size_t>(pu)], nq[static_cast<std::size_t>(pv)]);
        apply(r, std::move(nr), q, std::move(nq));
        return true;
    }

    // Route r keeps nodes[0..i] and takes q's nodes[j..]; q keeps nodes[0..j-1] and takes r's
    // nodes[i+1..].
    bool tails(int r, int i, int q, int j) {
        const TimeSegment ra = join(p_, fwd(r, i), bwd(q, j));
        const TimeSegment qa = join(p_, fwd(q, j - 1), bwd(r, i + 1));
        if (pen(ra) + pen(qa) > pen(r) + pen(q) - penalty_epsilon) return false;
        const auto& a = route(r).nodes;
        const auto& b = route(q).nodes;
        std::vector<int> nr(a.begin(), a.begin() + i + 1), nq(b.begin(), b.begin() + j);
        nr.insert(nr.end(), b.begin() + j, b.end());
        nq.insert(nq.end(), a.begin() + i + 1, a.end());
        apply(r, std::move(nr), q, std::move(nq));
        return true;
    }

    // u (position pu of route r) between positions a and a + 1 of the same route.
    bool move_within(int r, int pu, int a) {
        if (a == pu || a == pu - 1) return false;
        const TimeSegment visit = node_segment(p_, node(r, pu));
        TimeSegment joined;
        if (a < pu) {  // [0..a] u [a+1..pu-1] [pu+1..]
            joined = join(p_, join(p_, join(p_, fwd(r, a), visit), route_segment(p_, route(r), a + 1, pu - 1)), bwd(r, pu + 1));
        } else {  // [0..pu-1] [pu+1..a] u [a+1..]
            joined = join(p_, join(p_, join(p_, fwd(r, pu - 1), route_segment(p_, route(r), pu + 1, a)), visit), bwd(r, a + 1));
        }
        if (pen(joined) > pen(r) - penalty_epsilon) return false;
        std::vector<int> nodes = route(r).nodes;
        const int u = nodes[static_cast<std::size_t>(pu)];
        nodes.insert(nodes.begin() + a + 1, u);
        nodes.erase(nodes.begin() + (a < pu ? pu + 1 : pu));
        s_.routes[static_cast<std::size_t>(r)].nodes = std::move(nodes);
        s_.rebuild(r);
        return true;
    }

    VrptwSolution& s_;
    const VrptwProblem& p_;
    const SearchContext& ctx_;
};

}  // namespace

double route_penalty(const VrptwProblem& p, const TimeSegment& route) {
    return route.time_warp + std::max(route.load - p.capacity, 0.0);
}

bool squeeze(VrptwSolution& s, SearchContext& ctx, int c) {
    const VrptwProblem& p = *ctx.problem;
    // The place of least penalty added (ties: least travel added), in a used route.
    const TimeSegment visit = node_segment(p, c);
    double best_penalty = std::numeric_limits<double>::infinity(), best_added = 0;
    int best_route = -1, best_position = -1;
    for (std::size_t r = 0; r < s.routes.size(); ++r) {
        const VrptwRoute& route = s.routes[r];
        if (route.empty()) continue;
        const double before = penalty_of(p, route);
        for (int a = 0; a + 1 < static_cast<int>(route.nodes.size()); ++a) {
            const double added_penalty =
                route_penalty(p, join(p, join(p, route.forward[static_cast<std::size_t>(a)], visit), route.backward[static_cast<std::size_t>(a + 1)])) - before;
            const int x = route.nodes[static_cast<std::size_t>(a)], y = route.nodes[static_cast<std::size_t>(a + 1)];
            const double added = p.d(x, c) + p.d(c, y) - p.d(x, y);
            if (added_penalty > best_penalty || (added_penalty == best_penalty && added >= best_added)) continue;
            best_penalty = added_penalty;
            best_added = added;
            best_route = static_cast<int>(r);
            best_position = a + 1;
        }
    }
    if (best_route < 0) return false;
    const VrptwSolution before = s;
    s.insert(c, best_route, best_position);

    PenaltyMoves moves(s, ctx);
    std::vector<int> late;
    for (int made = 0; made < squeeze_max_moves; ++made) {
        late.clear();
        for (const VrptwRoute& route : s.routes)
            if (!feasible(p, route.forward.back())) late.insert(late.end(), route.nodes.begin() + 1, route.nodes.end() - 1);
        if (late.empty()) return true;
        std::shuffle(late.begin(), late.end(), ctx.rng);
        if (!std::any_of(late.begin(), late.end(), [&](int u) { return moves.improve(u); })) break;
    }
    s = before;
    return false;
}

}  // namespace geo::planning::vrptw
