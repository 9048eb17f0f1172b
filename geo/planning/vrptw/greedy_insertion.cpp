#include "geo/planning/vrptw/greedy_insertion.h"

#include <algorithm>
#include <limits>

namespace geo::planning::vrptw {
namespace {

void order_customers(std::vector<int>& order, SearchContext& ctx) {
    const VrptwProblem& p = *ctx.problem;
    const auto at = [](const std::vector<double>& v, int i) { return v[static_cast<std::size_t>(i)]; };
    std::shuffle(order.begin(), order.end(), ctx.rng);
    const int pick = ctx.below(13);  // weights 4 random, 4 demand, 2 far, 1 near, 1 window width, 1 due
    if (pick < 4) return;
    if (pick < 8)
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return at(p.demand, a) > at(p.demand, b); });
    else if (pick < 10)
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p.d(0, a) > p.d(0, b); });
    else if (pick < 11)
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p.d(0, a) < p.d(0, b); });
    else if (pick < 12)
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return at(p.due, a) - at(p.ready, a) < at(p.due, b) - at(p.ready, b); });
    else
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return at(p.due, a) < at(p.due, b); });
}

void insert_in_order(VrptwSolution& s, SearchContext& ctx, const std::vector<int>& order) {
    const VrptwProblem& p = *ctx.problem;
    const double warp_penalty = ctx.warp_penalty;  // 0: only positions on time
    for (const int c : order) {
        const TimeSegment visit = node_segment(p, c);
        double best = std::numeric_limits<double>::infinity();
        int best_route = -1, best_position = -1;
        for (std::size_t r = 0; r < s.routes.size(); ++r) {
            const VrptwRoute& route = s.routes[r];
            if (route.empty() || route.load() + visit.load > p.capacity + 1e-9) continue;
            for (int a = 0; a + 1 < static_cast<int>(route.nodes.size()); ++a) {
                const int x = route.nodes[static_cast<std::size_t>(a)], y = route.nodes[static_cast<std::size_t>(a + 1)];
                const double added = p.d(x, c) + p.d(c, y) - p.d(x, y);
                // Inserting never makes a route less late, so `added` bounds the cost from below.
                if (added >= best || ctx.uniform() < insertion_blink_rate) continue;
                const TimeSegment joined = join(p, join(p, route.forward[static_cast<std::size_t>(a)], visit), route.backward[static_cast<std::size_t>(a + 1)]);
                double cost = added;
                if (warp_penalty > 0)
                    cost += warp_penalty * std::max(joined.time_warp - route.time_warp(), 0.0);
                else if (!feasible(p, joined))
                    continue;
                if (cost >= best) continue;
                best = cost;
                best_route = static_cast<int>(r);
                best_position = a + 1;
            }
        }
        if (best_route < 0) {
            const int e = s.empty_route();
            if (e < 0) continue;
            if (!feasible(p, join(p, join(p, s.routes[static_cast<std::size_t>(e)].forward[0], visit), s.routes[static_cast<std::size_t>(e)].backward[1])))
                continue;
            best_route = e;
            best_position = 1;
        }
        s.insert(c, best_route, best_position);
    }
}

}  // namespace

void insert_greedily(VrptwSolution& s, SearchContext& ctx) {
    std::vector<int> order = s.unserved;
    order_customers(order, ctx);
    insert_in_order(s, ctx, order);
}

void insert_greedily(VrptwSolution& s, SearchContext& ctx, const std::vector<std::int64_t>& absence) {
    std::vector<int> order = s.unserved;
    order_customers(order, ctx);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return absence[static_cast<std::size_t>(a)] > absence[static_cast<std::size_t>(b)]; });
    insert_in_order(s, ctx, order);
}

}  // namespace geo::planning::vrptw
