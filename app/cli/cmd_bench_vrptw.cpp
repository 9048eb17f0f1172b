// patrolmap bench-vrptw [DIR] [--time S] [--seed N] [--iterations N] [--only PREFIX] [--prize]:
// every VRPTW instance (*.txt, Solomon format) of DIR, solved by the hierarchical planner (every
// customer served, fewest vehicles, then least distance) with the file's fleet and the best-known
// fleet of DIR/best_known.csv as the goal of route elimination; per instance the vehicles,
// distance, gap to the best-known distance and time, every route checked by the independent
// feasibility check (geo/planning/solomon_check.h); then the means by class (C1, C2, R1, R2,
// RC1, RC2). --time counts the CPU time of the thread that solves (issue 16's "10 s per instance
// on one core", which holds on a machine other programs share); --wall counts the wall clock.
// --prize runs the weekly planner's prize-collecting solver instead (with the best-known fleet,
// wall clock), as before. A benchmark (numbers to read), not a test.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "geo/planning/prize_vrp.h"
#include "geo/planning/solomon.h"
#include "geo/planning/solomon_check.h"
#include "geo/planning/vrptw/vrptw_solver.h"
#include "geo/util/error.h"
#include "geo/util/thread_cpu_time.h"

namespace cli {
namespace {

struct BestKnown {
    int vehicles = 0;
    double distance = 0;
};

// DIR/best_known.csv: "instance,vehicles,distance" after a header line (data/vrptw/SOURCES.md).
std::map<std::string, BestKnown> read_best_known(const std::filesystem::path& file) {
    std::map<std::string, BestKnown> out;
    std::ifstream in(file);
    if (!in) return out;
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (line_no == 1 || line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::replace(line.begin(), line.end(), ',', ' ');
        std::istringstream fields(line);
        std::string name;
        BestKnown known;
        if (!(fields >> name >> known.vehicles >> known.distance) || known.vehicles < 1 || known.distance <= 0)
            throw geo::BadInput(fmt::format("{} line {}: expected 'instance,vehicles,distance'", file.string(), line_no));
        out[name] = known;
    }
    return out;
}

// "C101" → C1, "rc2_2_4" → RC2: the letters and the digit after them.
std::string instance_class(const std::string& name) {
    std::string out;
    std::size_t i = 0;
    while (i < name.size() && std::isalpha(static_cast<unsigned char>(name[i]))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(name[i++])));
    if (i < name.size()) out += name[i];
    return out;
}

struct ClassSum {
    int instances = 0, with_known = 0, vehicles = 0, known_vehicles = 0, over_fleet = 0, infeasible = 0;
    double gap_percent = 0, distance = 0, seconds = 0, cpu_seconds = 0;
};

}  // namespace

void add_bench_vrptw_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("bench-vrptw",
                                   "Hierarchical VRPTW planner on Solomon/Gehring-Homberger instances: vehicles, distance, gap to best-known");
    struct Args {
        std::string dir = "data/vrptw/solomon";
        double time_s = 10.0;
        std::uint64_t seed = 1;
        std::int64_t iterations = 0;
        std::string only;
        bool prize = false;
        bool wall = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("DIR", a->dir, "Folder of *.txt instances with best_known.csv (instance,vehicles,distance)")->capture_default_str();
    cmd->add_option("--time", a->time_s, "Time budget per instance, seconds (0: --iterations only)")->capture_default_str();
    cmd->add_option("--seed", a->seed, "Random seed")->capture_default_str();
    cmd->add_option("--iterations", a->iterations, "Ruin-and-recreate rounds per instance (0: until the time budget)")->capture_default_str();
    cmd->add_option("--only", a->only, "Only instances whose name starts with this (e.g. R1, RC2, C101)");
    cmd->add_flag("--wall", a->wall, "Count --time in wall-clock seconds instead of the solving thread's CPU seconds");
    cmd->add_flag("--prize", a->prize, "Run the weekly planner's prize-collecting solver instead, with the best-known fleet");
    cmd->callback([=, &action] {
        action = [=] {
            if (!(a->time_s >= 0)) throw geo::BadInput(fmt::format("--time {} is negative", a->time_s));
            if (a->iterations < 0) throw geo::BadInput(fmt::format("--iterations {} is negative", a->iterations));
            if (a->time_s == 0 && a->iterations == 0) throw geo::BadInput("--time 0 needs --iterations N (a budget of some kind)");
            const std::filesystem::path dir = a->dir;
            if (!std::filesystem::is_directory(dir)) throw geo::BadInput(fmt::format("{}: not a folder of VRPTW instances", dir.string()));
            const auto best_known = read_best_known(dir / "best_known.csv");
            std::vector<std::filesystem::path> files;
            for (const auto& entry : std::filesystem::directory_iterator(dir)) {
                const std::string stem = entry.path().stem().string();
                if (entry.path().extension() == ".txt" && stem.rfind(a->only, 0) == 0) files.push_back(entry.path());
            }
            // Natural order: C101 ... C109, and c1_2_2 before c1_2_10.
            std::sort(files.begin(), files.end(), [](const auto& x, const auto& y) {
                const std::string p = x.stem().string(), q = y.stem().string();
                return std::pair(p.size(), p) < std::pair(q.size(), q);
            });
            std::stable_sort(files.begin(), files.end(), [](const auto& x, const auto& y) {
                return instance_class(x.stem().string()) < instance_class(y.stem().string());
            });
            if (files.empty()) throw geo::BadInput(fmt::format("{}: no *.txt instance{}", dir.string(), a->only.empty() ? "" : " starting " + a->only));
            std::cout << (a->prize ? "Prize-collecting planner (customers served first, then time), best-known fleet.\n"
                                   : "Hierarchical planner: every customer served, fewest vehicles (goal: the best-known fleet), then distance.\n");
            std::cout << fmt::format("{:<9}{:>9}{:>8}{:>11}{:>11}{:>8}{:>7}{:>8}{:>9}  {}\n", "Instance", "Vehicles", "Served", "Distance",
                                     "Best-known", "Gap %", "CPU s", "Wall s", "Rounds", "Check");
            std::map<std::string, ClassSum> classes;
            for (const auto& file : files) {
                const auto instance = geo::planning::read_solomon(file);
                const std::string name = file.stem().string();
                const auto known_it = best_known.find(name);
                const std::optional<BestKnown> known = known_it == best_known.end() ? std::nullopt : std::optional(known_it->second);
                const auto started = std::chrono::steady_clock::now();
                const double cpu_started = geo::thread_cpu_seconds();
                std::vector<std::vector<int>> routes;
                int fleet = instance.vehicles;
                std::int64_t rounds = 0;
                if (a->prize) {
                    fleet = known ? known->vehicles : instance.vehicles;
                    geo::planning::PrizeVrpOptions options;
                    options.seed = a->seed;
                    options.time_budget_s = a->time_s;
                    options.max_rounds = a->iterations;
                    routes = geo::planning::solve_prize_vrp(geo::planning::solomon_problem(instance, fleet), options).days;
                } else {
                    geo::planning::vrptw::VrptwOptions options;
                    options.seed = a->seed;
                    options.time_budget_s = a->time_s;
                    options.cpu_time_budget = !a->wall;
                    options.max_iterations = a->iterations;
                    options.route_goal = known ? known->vehicles : 0;
                    const auto result = geo::planning::vrptw::solve_vrptw(geo::planning::vrptw::vrptw_from_solomon(instance), options);
                    routes = result.routes;
                    rounds = result.iterations;
                }
                const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                const double cpu_seconds = geo::thread_cpu_seconds() - cpu_started;
                const auto check = geo::planning::check_solomon_routes(instance, routes, fleet);
                const std::size_t customers = instance.customers.size() - 1;
                const bool all = check.served == customers;
                ClassSum& sum = classes[instance_class(name)];
                ++sum.instances;
                sum.vehicles += check.routes;
                sum.distance += check.distance;
                sum.seconds += seconds;
                sum.cpu_seconds += cpu_seconds;
                sum.infeasible += !check.feasible || !all;
                std::string gap = "-", reference = "-", vehicles = fmt::format("{}", check.routes);
                if (known) {
                    const double gap_percent = 100.0 * (check.distance - known->distance) / known->distance;
                    gap = fmt::format("{:.2f}", std::abs(gap_percent) < 0.005 ? 0.0 : gap_percent);  // no "-0.00"
                    reference = fmt::format("{:.2f}", known->distance);
                    vehicles = fmt::format("{}/{}", check.routes, known->vehicles);
                    ++sum.with_known;
                    sum.gap_percent += gap_percent;
                    sum.known_vehicles += known->vehicles;
                    sum.over_fleet += check.routes > known->vehicles;
                }
                std::cout << fmt::format("{:<9}{:>9}{:>8}{:>11.2f}{:>11}{:>8}{:>7.2f}{:>8.2f}{:>9}  {}{}\n", name, vehicles,
                                         fmt::format("{}/{}", check.served, customers), check.distance, reference, gap, cpu_seconds, seconds,
                                         a->prize ? std::string("-") : fmt::format("{}", rounds),
                                         check.feasible ? (all ? "FEASIBLE" : "FEASIBLE, NOT ALL SERVED") : "INFEASIBLE: ", check.why)
                          << std::flush;
            }
            std::cout << fmt::format("\n{:<7}{:>10}{:>12}{:>10}{:>12}{:>12}{:>12}\n", "Class", "Instances", "Mean gap %", "Vehicles",
                                     "Best-known", "Over fleet", "Infeasible");
            ClassSum all;
            for (const auto& [name, sum] : classes) {
                all.instances += sum.instances;
                all.with_known += sum.with_known;
                all.vehicles += sum.vehicles;
                all.known_vehicles += sum.known_vehicles;
                all.over_fleet += sum.over_fleet;
                all.infeasible += sum.infeasible;
                all.gap_percent += sum.gap_percent;
                all.distance += sum.distance;
                all.seconds += sum.seconds;
                all.cpu_seconds += sum.cpu_seconds;
            }
            classes["All"] = all;
            for (const auto& [name, sum] : classes)
                std::cout << fmt::format("{:<7}{:>10}{:>12}{:>10}{:>12}{:>12}{:>12}\n", name, sum.instances,
                                         sum.with_known ? fmt::format("{:.2f}", std::abs(sum.gap_percent) < 0.005 * sum.with_known ? 0.0 : sum.gap_percent / sum.with_known) : "-", sum.vehicles,
                                         sum.known_vehicles, sum.over_fleet, sum.infeasible);
            std::cout << fmt::format("Total distance {:.2f}, {:.1f} s of CPU, {:.1f} s of wall clock in all. Gap %: distance against the best-known (fewest vehicles "
                                     "first, then distance); 'Over fleet': instances using more vehicles than the best-known.\n",
                                     all.distance, all.cpu_seconds, all.seconds);
            return 0;
        };
    });
}

}  // namespace cli
