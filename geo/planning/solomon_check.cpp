#include "geo/planning/solomon_check.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace geo::planning {

SolomonCheck check_solomon_routes(const SolomonInstance& instance, const std::vector<std::vector<int>>& routes, int vehicles) {
    constexpr double tolerance = 1e-6;  // time units; the data are whole numbers
    SolomonCheck out;
    const auto fail = [&](std::string why) {
        if (out.feasible) out.why = std::move(why);
        out.feasible = false;
    };
    const auto& c = instance.customers;
    std::vector<int> seen(c.size(), 0);
    for (std::size_t r = 0; r < routes.size(); ++r) {
        if (routes[r].empty()) continue;
        ++out.routes;
        double t = 0, load = 0;
        std::size_t at = 0;
        for (const int v : routes[r]) {
            if (v <= 0 || static_cast<std::size_t>(v) >= c.size()) {
                fail(fmt::format("route {}: node {} is not a customer", r + 1, v));
                continue;
            }
            const auto u = static_cast<std::size_t>(v);
            if (seen[u]++) fail(fmt::format("customer {} served twice", v));
            const double leg = std::hypot(c[at].x - c[u].x, c[at].y - c[u].y);
            out.distance += leg;
            t = std::max(t + leg, c[u].ready_min);
            if (t > c[u].due_min + tolerance) fail(fmt::format("route {}: customer {} begins at {:.2f}, due {:g}", r + 1, v, t, c[u].due_min));
            t += c[u].service_min;
            load += c[u].demand;
            at = u;
        }
        const double back = std::hypot(c[at].x - c[0].x, c[at].y - c[0].y);
        out.distance += back;
        t += back;
        if (t > c[0].due_min + tolerance) fail(fmt::format("route {}: back at {:.2f}, depot due {:g}", r + 1, t, c[0].due_min));
        if (load > instance.capacity + tolerance) fail(fmt::format("route {}: load {:g} over capacity {:g}", r + 1, load, instance.capacity));
    }
    if (out.routes > vehicles) fail(fmt::format("{} routes for {} vehicles", out.routes, vehicles));
    for (std::size_t v = 1; v < c.size(); ++v) out.served += seen[v] > 0;
    return out;
}

}  // namespace geo::planning
