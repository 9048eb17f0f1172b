#include "geo/planning/vrptw/string_removal.h"

#include <algorithm>
#include <cmath>

namespace geo::planning::vrptw {

void remove_strings(VrptwSolution& s, SearchContext& ctx, const StringRemovalSettings& settings) {
    const int used = s.routes_used();
    if (used == 0) return;
    const int served = ctx.problem->size() - 1 - static_cast<int>(s.unserved.size());
    const double mean_route = static_cast<double>(served) / used;
    const double longest = std::min(static_cast<double>(settings.max_string), mean_route);
    const double most_strings = 4.0 * settings.mean_removed / (1.0 + longest) - 1.0;
    const int strings = static_cast<int>(std::floor(1.0 + ctx.uniform() * most_strings));
    int seed = 0;
    do seed = 1 + ctx.below(ctx.problem->size() - 1);
    while (s.route_of[static_cast<std::size_t>(seed)] < 0);
    std::vector<int> ruined;
    const auto visit = [&](int c) {
        const int r = s.route_of[static_cast<std::size_t>(c)];
        if (r < 0 || std::find(ruined.begin(), ruined.end(), r) != ruined.end()) return;
        ruined.push_back(r);
        const VrptwRoute& route = s.routes[static_cast<std::size_t>(r)];
        const int size = route.customers();
        const int max_len = std::min(size, static_cast<int>(longest));
        const int len = 1 + static_cast<int>(std::floor(ctx.uniform() * std::max(max_len, 1)));
        const int pc = s.position_of[static_cast<std::size_t>(c)];
        // A string of `len` positions containing pc, within 1..size.
        const int lowest = std::max(1, pc - len + 1), highest = std::min(pc, size - len + 1);
        const int start = lowest + ctx.below(highest - lowest + 1);
        std::vector<int> cut(route.nodes.begin() + start, route.nodes.begin() + start + len);
        for (const int v : cut) s.remove(v);
    };
    visit(seed);
    for (const int c : ctx.sorted[static_cast<std::size_t>(seed)]) {
        if (static_cast<int>(ruined.size()) >= strings) break;
        visit(c);
    }
}

}  // namespace geo::planning::vrptw
