#pragma once
// The hierarchical VRPTW solver: every customer served, then the fewest routes, then the least
// travel. Steps:
//  1. construction: greedy insertion of all customers into as many routes as the fleet allows,
//     then the local search (local_search.h);
//  2. route elimination (route_elimination.h, with squeeze.h and ejection.h) for up to
//     `fleet_share` of the budget;
//  3. travel: ruin and recreate (string_removal.h, greedy_insertion.h) under simulated
//     annealing with the fleet of step 2, each candidate polished by the local search from the
//     reinserted customers, the best kept (the scheme of Christiaens & Vanden Berghe 2020 with a
//     local search added). In a share of the rounds lateness is priced instead of forbidden
//     (the penalised search of Vidal et al. 2013): the recreate and the polish may make routes
//     late, a repair brings them back, and only a candidate on time is kept. With few long
//     routes whose hours are nearly full (R2, RC2) every feasible reinsertion is the old one;
//     this is how customers move between them.
// With an iteration limit and no time budget the result depends on the seed alone.
#include <cstdint>
#include <vector>

#include "geo/planning/vrptw/vrptw_problem.h"

namespace geo::planning::vrptw {

struct VrptwOptions {
    std::uint64_t seed = 1;
    double time_budget_s = 10;       // wall clock, all steps; 0: none (then max_iterations bounds)
    // Count the budget in the CPU time of the calling thread instead: a benchmark's "10 s on one
    // core" on a machine that other programs share (there 10 s of wall clock may be 3 s of CPU).
    bool cpu_time_budget = false;
    std::int64_t max_iterations = 0; // ruin-and-recreate rounds, both steps; 0: until the budget
    int route_goal = 0;              // stop eliminating routes at this many (0: as few as found)
    double fleet_share = 0.5;        // of the budget (time or rounds) that route elimination may use
    double start_temperature = 10;   // annealing, in travel units, falling geometrically to
    double end_temperature = 0.01;   // this at the end of the budget
    bool polish_candidates = true;   // local search on every candidate (else on new bests only)
    // Share of the travel rounds that may pass through late routes (greedy_insertion.h,
    // warp_penalty.h). Seed 1 at 5 s of CPU on the 12 instances furthest from best known:
    // mean gap 3.88% with none, 1.91% at 0.1, 1.32% at 0.3, 1.88% at 0.6 (each priced round
    // costs about ten plain ones).
    double priced_share = 0.3;
};

struct VrptwResult {
    std::vector<std::vector<int>> routes;  // customers in visiting order, used routes only
    std::vector<int> unserved;             // empty unless the fleet cannot serve everyone
    double distance = 0;                   // total travel of the routes
    std::int64_t iterations = 0;           // ruin-and-recreate rounds done
};

VrptwResult solve_vrptw(const VrptwProblem& problem, const VrptwOptions& options = {});

}  // namespace geo::planning::vrptw
