#include "geo/planning/vrptw/vrptw_problem.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "geo/planning/prize_vrp.h"
#include "geo/planning/solomon.h"
#include "geo/util/error.h"

namespace geo::planning::vrptw {

VrptwProblem vrptw_from_solomon(const SolomonInstance& instance) {
    const std::size_t n = instance.customers.size();
    VrptwProblem p;
    p.travel.resize(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            p.travel[i * n + j] = solomon_distance(instance, static_cast<int>(i), static_cast<int>(j));
    for (const SolomonCustomer& c : instance.customers) {
        p.ready.push_back(c.ready_min);
        p.due.push_back(c.due_min);
        p.service.push_back(c.service_min);
        p.demand.push_back(c.demand);
    }
    p.service[0] = 0;
    p.demand[0] = 0;
    p.capacity = instance.capacity;
    p.max_routes = instance.vehicles;
    return p;
}

VrptwProblem vrptw_from_prize_problem(const PrizeVrpProblem& problem) {
    const std::size_t n = problem.size();
    if (problem.day_limit_min.empty()) throw BadInput("every-stop plan: no day given");
    if (!problem.pinned_day.empty() && std::any_of(problem.pinned_day.begin(), problem.pinned_day.end(), [](int d) { return d >= 0; }))
        throw BadInput("every-stop plan: pinned stops are not supported; use the prize-collecting planner");
    const double limit = problem.day_limit_min.front();
    for (std::size_t d = 0; d < problem.day_limit_min.size(); ++d)
        if (problem.day_limit_min[d] != limit)
            throw BadInput(fmt::format("every-stop plan: day {} has {:g} minutes, day 1 {:g}; the days must be equal", d + 1,
                                       problem.day_limit_min[d], limit));
    VrptwProblem p;
    p.travel = problem.time_min;
    p.service = problem.service_min;
    p.service[0] = 0;
    p.ready.assign(n, 0);
    p.due.assign(n, limit);
    if (problem.has_windows()) {
        for (std::size_t v = 1; v < n; ++v) {
            p.ready[v] = problem.earliest_min[v];
            p.due[v] = std::min(problem.latest_min[v], limit);
        }
    }
    p.demand.assign(n, 0);
    p.capacity = std::numeric_limits<double>::infinity();
    if (problem.has_capacity()) {
        p.demand = problem.demand;
        p.demand[0] = 0;
        p.capacity = problem.day_capacity.front();
        for (std::size_t d = 0; d < problem.day_capacity.size(); ++d)
            if (problem.day_capacity[d] != p.capacity)
                throw BadInput(fmt::format("every-stop plan: day {} has capacity {:g}, day 1 {:g}; the days must be equal", d + 1,
                                           problem.day_capacity[d], p.capacity));
    }
    p.max_routes = static_cast<int>(problem.day_limit_min.size());
    return p;
}

}  // namespace geo::planning::vrptw
