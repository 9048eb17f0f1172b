#include "geo/planning/vrptw/vrptw_solver.h"

#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "geo/planning/vrptw/greedy_insertion.h"
#include "geo/planning/vrptw/local_search.h"
#include "geo/planning/vrptw/route_elimination.h"
#include "geo/planning/vrptw/string_removal.h"
#include "geo/planning/vrptw/warp_penalty.h"
#include "geo/util/error.h"
#include "geo/util/thread_cpu_time.h"

namespace geo::planning::vrptw {
namespace {

constexpr int neighbour_count = 30;

// The repair prices lateness this many times the priced round's own price (Vidal et al. 2013
// repair with ten times the penalty).
constexpr double repair_price = 10;

void check_problem(const VrptwProblem& p) {
    const auto n = static_cast<std::size_t>(p.size());
    if (n == 0 || p.travel.size() != n * n || p.due.size() != n || p.service.size() != n || p.demand.size() != n)
        throw BadInput(fmt::format("VRPTW problem: {} nodes but {} travel entries, {} due, {} service, {} demand", n,
                                   p.travel.size(), p.due.size(), p.service.size(), p.demand.size()));
    if (p.max_routes < 1) throw BadInput("VRPTW problem: no vehicle");
    for (std::size_t v = 0; v < n; ++v)
        if (p.due[v] < p.ready[v]) throw BadInput(fmt::format("VRPTW problem: node {} is due before it is ready", v));
}

double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Where the search is in its budget, 0 to 1, by time (wall clock or this thread's CPU) or by rounds.
struct Budget {
    double (*clock)() = wall_seconds;
    double start = clock();
    double seconds = 0;
    std::int64_t rounds = 0;

    double used(std::int64_t done) const {
        double share = 0;
        if (seconds > 0) share = (clock() - start) / seconds;
        if (rounds > 0) share = std::max(share, static_cast<double>(done) / static_cast<double>(rounds));
        return share;
    }
};

}  // namespace

VrptwResult solve_vrptw(const VrptwProblem& problem, const VrptwOptions& options) {
    check_problem(problem);
    SearchContext ctx(problem, neighbour_count, options.seed);
    const auto clock = options.cpu_time_budget ? geo::thread_cpu_seconds : wall_seconds;
    Budget budget{clock, clock(), options.time_budget_s, options.max_iterations};
    std::int64_t rounds = 0;
    const bool bounded = options.time_budget_s > 0 || options.max_iterations > 0;

    // 1. Every customer into the fleet; if some do not fit, ruin and recreate until they do (or
    // the budget ends): route elimination's acceptance with the whole fleet.
    VrptwSolution start(problem, problem.max_routes);
    insert_greedily(start, ctx);
    // Without any budget there is no telling when to stop repairing or eliminating: skip both.
    const auto fleet_time = [&] { return bounded && budget.used(rounds) < options.fleet_share; };
    if (!start.unserved.empty()) serve_all(start, ctx, fleet_time, rounds);
    local_search(start, ctx);
    // 2. Fewer routes.
    VrptwSolution best = start.unserved.empty() ? eliminate_routes(start, ctx, options.route_goal, fleet_time, rounds) : start;
    local_search(best, ctx);

    // 3. Less travel with that fleet.
    VrptwSolution current = best;
    const double t0 = options.start_temperature, t1 = options.end_temperature;
    const double phase_start = std::min(budget.used(rounds), 0.999);
    WarpPenalty penalty;
    while (bounded && best.unserved.empty()) {
        const double used = budget.used(rounds);
        if (used >= 1) break;
        ++rounds;
        const double temperature = t0 * std::pow(t1 / t0, std::clamp((used - phase_start) / (1 - phase_start), 0.0, 1.0));
        VrptwSolution candidate = current;
        remove_strings(candidate, ctx);
        std::vector<int> removed = candidate.unserved;
        // A priced round may pass through late routes and must end on time after its repair.
        const bool priced = ctx.uniform() < options.priced_share;
        ctx.warp_penalty = priced ? penalty.value() : 0;
        insert_greedily(candidate, ctx);
        if (!candidate.unserved.empty()) continue;  // the fleet stays as step 2 left it
        // The reinserted customers and their near ones are where a move can now gain.
        if (options.polish_candidates) local_search(candidate, ctx, std::move(removed));
        ctx.warp_penalty = 0;
        if (priced) {
            repair_late_routes(candidate, ctx, repair_price * penalty.value());
            penalty.record(candidate.time_warp() <= time_warp_tolerance);
        }
        if (candidate.time_warp() > time_warp_tolerance) continue;
        if (candidate.distance() < current.distance() - temperature * std::log(ctx.uniform())) current = std::move(candidate);
        if (current.distance() < best.distance() - improvement_epsilon) {
            if (!options.polish_candidates) local_search(current, ctx);
            best = current;
        }
    }
    VrptwResult out;
    out.routes = best.customer_routes();
    out.unserved = best.unserved;
    out.distance = best.distance();
    out.iterations = rounds;
    return out;
}

}  // namespace geo::planning::vrptw
