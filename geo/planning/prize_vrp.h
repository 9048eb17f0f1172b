#pragma once
// The weekly planner's core: a prize-collecting vehicle-routing problem with a time limit per
// day (Feillet, Dejax & Gendreau 2005 call it the team orienteering problem). Node 0 is the
// officer's post; every other node is a stop with a prize (its visit priority) and a service
// time. Each day is one tour from the post and back whose walking, waiting and service time
// stays within the day's limit. The solver maximises the prize collected, then minimises the time.
//
// Optional side constraints, each off when its vectors are empty:
// - time windows: a stop's visit must begin between earliest_min and latest_min after the
//   day's start; arriving early means waiting (the wait counts in the day's time), arriving
//   late is infeasible (Solomon 1987's VRPTW convention);
// - capacity: the demand of a day's stops must stay within that day's capacity;
// - pinned stops: pinned_day[v] >= 0 puts v on that day, always visited; only its order within
//   the day may change.
//
// Times are minutes. The matrix may be asymmetric: every move is judged on the times as given.
// Construction: pinned stops first, then greedy insertion by prize / added minutes. Local
// search: the moves of prize_vrp_moves.h until none improves. Then rounds of ruin and recreate
// (remove a few free stops at random, insert greedily, local search again), keeping a round only
// when it is better.
#include <cstdint>
#include <limits>
#include <vector>

namespace geo::planning {

struct PrizeVrpProblem {
    std::vector<double> time_min;     // n × n, row-major, minutes from i to j; +inf where unreachable
    std::vector<double> prize;        // n; prize[0] (the post) is ignored
    std::vector<double> service_min;  // n; service_min[0] is ignored
    std::vector<double> day_limit_min;  // one entry per day: the tour must be back at the post by then

    // Time windows on the start of a visit, minutes after the day's start: n entries each, or
    // both empty for none. A stop without a window has [0, +inf]; node 0's entries are ignored
    // (the day limit bounds the return).
    std::vector<double> earliest_min;
    std::vector<double> latest_min;
    // Capacity: n demands (demand[0] ignored) and one capacity per day, or both empty for none.
    std::vector<double> demand;
    std::vector<double> day_capacity;
    // n entries, or empty for none: the 0-based day a stop must be visited on, -1 when free.
    std::vector<int> pinned_day;

    std::size_t size() const { return prize.size(); }
    double time(int i, int j) const { return time_min[static_cast<std::size_t>(i) * size() + static_cast<std::size_t>(j)]; }
    bool has_windows() const { return !earliest_min.empty(); }
    bool has_capacity() const { return !day_capacity.empty(); }
    double earliest(int v) const { return earliest_min[static_cast<std::size_t>(v)]; }
    double latest(int v) const { return latest_min[static_cast<std::size_t>(v)]; }
    int pinned(int v) const { return pinned_day.empty() ? -1 : pinned_day[static_cast<std::size_t>(v)]; }
};

struct PrizeVrpOptions {
    std::uint64_t seed = 1;
    double time_budget_s = 2.0;    // wall clock for the ruin-and-recreate rounds; 0: no limit
    // Ruin-and-recreate rounds; 0: until the time budget (none at all when that is 0 too). With
    // a limit and no time budget the result depends on the seed alone (what tests use).
    std::int64_t max_rounds = 2000;
};

struct PrizeVrpSolution {
    std::vector<std::vector<int>> days;  // stops (nodes 1..n-1) in visiting order, per day
    double prize = 0;                     // collected
    double time_min = 0;                  // all days' walking, waiting and service
};

constexpr double no_window_latest_min = std::numeric_limits<double>::infinity();

// Minutes of one day's tour from the post through `stops` and back: walking, service and any
// wait for a window. +inf when a visit would begin after its window's latest time.
double day_time_min(const PrizeVrpProblem& problem, const std::vector<int>& stops);
// Total demand of `stops` (0 without capacities).
double day_demand(const PrizeVrpProblem& problem, const std::vector<int>& stops);

// Throws geo::BadInput when the sizes disagree, no day is given, a window ends before it
// begins, a pin names no day, or the pinned stops of a day cannot fit it (the message names
// the day, 1-based, and the minutes needed against the limit).
PrizeVrpSolution solve_prize_vrp(const PrizeVrpProblem& problem, const PrizeVrpOptions& options = {});

}  // namespace geo::planning
