#pragma once
// The weekly planner's problem when every stop must be served (issue 16's hierarchical mode):
// the fewest days first, then the least walking, each day within its hours and the visit
// windows. The days are the routes of a VRPTW (vrptw/vrptw_problem.h) solved by the
// hierarchical solver (vrptw/vrptw_solver.h); the prize of each stop plays no part.
//
// A stop that no day could hold even alone (its window closes before the officer can walk
// there, or the walk there, the visit and the walk back take longer than a day) is left out
// before solving, with why; the rest are served unless the days are too few for all of them.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/planning/left_out_reason.h"
#include "geo/planning/prize_vrp.h"

namespace geo::planning {

struct EveryStopOptions {
    std::uint64_t seed = 1;
    double time_budget_s = 2.0;       // wall clock, 0: none (then max_rounds bounds)
    std::int64_t max_rounds = 2000;   // ruin-and-recreate rounds; 0: until the budget
};

struct UnservedNode {
    int node = 0;
    LeftOutReason why;  // english(why): "a visit alone takes 75 min (...), more than the day's 60"
};

struct EveryStopSolution {
    std::vector<std::vector<int>> days;  // one per day of the problem: the used ones first, then empty
    std::vector<UnservedNode> unserved;  // in node order
};

// `problem`: the planner's, every day of equal limit, no pins and no capacity (BadInput
// otherwise, from vrptw_from_prize_problem). Every returned day fits its limit (day_time_min).
EveryStopSolution serve_every_stop(const PrizeVrpProblem& problem, const EveryStopOptions& options = {});

}  // namespace geo::planning
