#include "geo/planning/vrptw/ejection.h"

#include <algorithm>
#include <limits>

namespace geo::planning::vrptw {

bool insert_by_ejection(VrptwSolution& s, int c, const std::vector<std::int64_t>& absence) {
    const VrptwProblem& p = *s.problem;
    const TimeSegment visit = node_segment(p, c);
    const std::int64_t limit = absence[static_cast<std::size_t>(c)];
    std::int64_t best_absence = limit;
    double best_added = std::numeric_limits<double>::infinity();
    int best_route = -1, best_out = -1, best_at = -1;
    for (std::size_t r = 0; r < s.routes.size(); ++r) {
        const VrptwRoute& route = s.routes[r];
        const int m = static_cast<int>(route.nodes.size());
        for (int pw = 1; pw + 1 < m; ++pw) {
            const int w = route.nodes[static_cast<std::size_t>(pw)];
            const std::int64_t aw = absence[static_cast<std::size_t>(w)];
            if (aw > best_absence) continue;
            if (route.load() - p.demand[static_cast<std::size_t>(w)] + visit.load > p.capacity + 1e-9) continue;
            // c goes between positions a and b of the route without w (b = a + 1, or a + 2 across w).
            for (int a = 0; a + 1 < m; ++a) {
                if (a == pw) continue;
                const int b = a + 1 == pw ? a + 2 : a + 1;
                const int x = route.nodes[static_cast<std::size_t>(a)], y = route.nodes[static_cast<std::size_t>(b)];
                const double added = p.d(x, c) + p.d(c, y) - p.d(x, y);
                if (aw == best_absence && added >= best_added) continue;
                TimeSegment joined;
                if (a < pw) {  // [0..a] c [b..pw-1] [pw+1..]
                    joined = join(p, route.forward[static_cast<std::size_t>(a)], visit);
                    if (b <= pw - 1) joined = join(p, joined, route_segment(p, route, b, pw - 1));
                    joined = join(p, joined, route.backward[static_cast<std::size_t>(pw + 1)]);
                } else {  // [0..pw-1] [pw+1..a] c [b..]
                    joined = route.forward[static_cast<std::size_t>(pw - 1)];
                    if (pw + 1 <= a) joined = join(p, joined, route_segment(p, route, pw + 1, a));
                    joined = join(p, join(p, joined, visit), route.backward[static_cast<std::size_t>(b)]);
                }
                if (!feasible(p, joined)) continue;
                best_absence = aw;
                best_added = added;
                best_route = static_cast<int>(r);
                best_out = pw;
                best_at = b;  // c goes before position b of the current route
            }
        }
    }
    if (best_route < 0) return false;
    auto& nodes = s.routes[static_cast<std::size_t>(best_route)].nodes;
    const int w = nodes[static_cast<std::size_t>(best_out)];
    nodes.insert(nodes.begin() + best_at, c);
    nodes.erase(std::find(nodes.begin(), nodes.end(), w));
    s.route_of[static_cast<std::size_t>(w)] = -1;
    s.position_of[static_cast<std::size_t>(w)] = -1;
    s.unserved.erase(std::find(s.unserved.begin(), s.unserved.end(), c));
    s.unserved.push_back(w);
    s.rebuild(best_route);
    return true;
}

}  // namespace geo::planning::vrptw
