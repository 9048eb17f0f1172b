#include "geo/planning/vrptw/local_search.h"

#include <algorithm>
#include <numeric>

#include "geo/planning/vrptw/cross_exchange.h"
#include "geo/planning/vrptw/exchange.h"
#include "geo/planning/vrptw/or_opt.h"
#include "geo/planning/vrptw/relocate.h"
#include "geo/planning/vrptw/two_opt.h"
#include "geo/planning/vrptw/two_opt_star.h"

namespace geo::planning::vrptw {

int local_search(VrptwSolution& s, SearchContext& ctx) {
    std::vector<int> all(static_cast<std::size_t>(ctx.problem->size() - 1));
    std::iota(all.begin(), all.end(), 1);
    return local_search(s, ctx, std::move(all));
}

int local_search(VrptwSolution& s, SearchContext& ctx, std::vector<int> order) {
    std::shuffle(order.begin(), order.end(), ctx.rng);
    int moves = 0;
    for (bool improved = true; improved;) {
        improved = false;
        for (const int u : order) {
            if (s.route_of[static_cast<std::size_t>(u)] < 0) continue;
            if (relocate(s, ctx, u) || exchange(s, ctx, u) || two_opt_star(s, ctx, u) || cross_exchange(s, ctx, u) ||
                or_opt(s, ctx, u) || two_opt(s, ctx, u)) {
                ++moves;
                improved = true;
            }
        }
    }
    return moves;
}

void repair_late_routes(VrptwSolution& s, SearchContext& ctx, double warp_penalty) {
    std::vector<int> late;
    for (const VrptwRoute& route : s.routes)
        if (route.time_warp() > time_warp_tolerance) late.insert(late.end(), route.nodes.begin() + 1, route.nodes.end() - 1);
    if (late.empty()) return;
    const double before = ctx.warp_penalty;
    ctx.warp_penalty = warp_penalty;
    local_search(s, ctx, std::move(late));
    ctx.warp_penalty = before;
}

}  // namespace geo::planning::vrptw
