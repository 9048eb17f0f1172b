// patrolmap bench-vrptw [DIR] [--time S] [--seed N]: the planner's prize-collecting solver on
// Solomon's VRPTW instances, each with the fleet of its best-known solution: customers served,
// total distance against the best-known distance, gap and time, and every route checked by a
// feasibility check of its own (windows, capacity, depot due date) that shares no code with the
// solver. A benchmark (numbers to read), not a test.
#include <chrono>
#include <cmath>
#include <iostream>
#include <vector>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "geo/planning/prize_vrp.h"
#include "geo/planning/solomon.h"
#include "geo/util/error.h"

namespace cli {
namespace {

// Best-known solutions (vehicles first, then distance) from VROOM-Project/vroom-scripts,
// benchmarks/VRPTW/BKS.json, commit 0f5ee1eb, as data/external/SOURCES.md lists them.
struct BestKnown {
    const char* name;
    double distance;
    int vehicles;
};
constexpr BestKnown best_known[] = {
    {"C101", 828.94, 10}, {"C201", 591.56, 3}, {"R101", 1645.79, 19}, {"R201", 1252.37, 4}, {"RC101", 1696.94, 14},
};

struct Check {
    bool feasible = true;
    std::string why;        // the first violation found
    double distance = 0;    // all routes, Euclidean
    std::size_t served = 0;
};

// Re-times every route from the coordinates with nothing but the Solomon rules: a visit
// begins at max(arrival, ready) and no later than due, the load stays within the capacity, the
// route is back by the depot's due date, no customer is served twice, at most `vehicles` routes.
Check check_routes(const geo::planning::SolomonInstance& instance, const std::vector<std::vector<int>>& routes, int vehicles) {
    constexpr double tolerance = 1e-6;  // time units; the data are whole numbers
    Check out;
    const auto fail = [&](std::string why) {
        if (out.feasible) out.why = std::move(why);
        out.feasible = false;
    };
    const auto& c = instance.customers;
    std::vector<int> seen(c.size(), 0);
    int used = 0;
    for (std::size_t r = 0; r < routes.size(); ++r) {
        if (routes[r].empty()) continue;
        ++used;
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
    if (used > vehicles) fail(fmt::format("{} routes for {} vehicles", used, vehicles));
    for (std::size_t v = 1; v < c.size(); ++v) out.served += seen[v] > 0;
    return out;
}

}  // namespace

void add_bench_vrptw_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("bench-vrptw",
                                   "Visit planner on Solomon VRPTW instances: customers served, distance against best-known, feasibility");
    struct Args {
        std::string dir = "data/external/solomon";
        double time_s = 5.0;
        std::uint64_t seed = 1;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("DIR", a->dir, "Folder with C101.txt, C201.txt, R101.txt, R201.txt, RC101.txt")->capture_default_str();
    cmd->add_option("--time", a->time_s, "Time budget per instance, seconds")->capture_default_str();
    cmd->add_option("--seed", a->seed, "Random seed")->capture_default_str();
    cmd->callback([=, &action] {
        action = [=] {
            if (!(a->time_s >= 0)) throw geo::BadInput(fmt::format("--time {} is negative", a->time_s));
            const std::filesystem::path dir = a->dir;
            std::vector<BestKnown> found;
            for (const BestKnown& known : best_known)
                if (std::filesystem::exists(dir / (std::string(known.name) + ".txt"))) found.push_back(known);
            if (found.empty()) throw geo::BadInput(fmt::format("{}: none of the Solomon instances found", dir.string()));
            std::cout << "Our objective is the prize (customers served) first, then total time (travel, waiting and\n"
                         "service); distance is not what we minimise, so a gap to the best-known distance is expected.\n";
            std::cout << fmt::format("{:<8}{:>9}{:>11}{:>11}{:>8}{:>7}{:>8}  {}\n", "Instance", "Served", "Distance", "Best-known",
                                     "Gap %", "Days", "Time s", "Check");
            for (const BestKnown& known : found) {
                const auto instance = geo::planning::read_solomon(dir / (std::string(known.name) + ".txt"));
                const auto problem = geo::planning::solomon_problem(instance, known.vehicles);
                geo::planning::PrizeVrpOptions options;
                options.seed = a->seed;
                options.time_budget_s = a->time_s;
                options.max_rounds = 0;  // until the time budget
                const auto started = std::chrono::steady_clock::now();
                const auto solution = geo::planning::solve_prize_vrp(problem, options);
                const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                const Check check = check_routes(instance, solution.days, known.vehicles);
                std::cout << fmt::format("{:<8}{:>5}/{:<3}{:>11.2f}{:>11.2f}{:>8.2f}{:>7}{:>8.2f}  {}{}\n", known.name, check.served,
                                         instance.customers.size() - 1, check.distance, known.distance,
                                         100.0 * (check.distance - known.distance) / known.distance, known.vehicles, seconds,
                                         check.feasible ? "FEASIBLE" : "INFEASIBLE: ", check.why)
                          << std::flush;
            }
            std::cout << "Gap % compares distances only; with fewer customers served it is not a like-for-like comparison.\n";
            return 0;
        };
    });
}

}  // namespace cli
