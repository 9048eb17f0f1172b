#pragma once
// The weekly planner's core: a prize-collecting vehicle-routing problem with a time limit per
// day (Feillet, Dejax & Gendreau 2005 call it the team orienteering problem). Node 0 is the
// officer's post; every other node is a stop with a prize (its visit priority) and a service
// time. Each day is one tour from the post and back whose walking plus service time stays
// within the day's limit. The solver maximises the prize collected, then minimises the time.
//
// Times are minutes. The matrix may be asymmetric: every move is judged on the times as given.
// Construction: greedy insertion by prize / added minutes. Local search: the moves of
// prize_vrp_moves.h until none improves. Then rounds of ruin and recreate (remove a few stops
// at random, insert greedily, local search again), keeping a round only when it is better.
#include <cstdint>
#include <vector>

namespace geo::planning {

struct PrizeVrpProblem {
    std::vector<double> time_min;     // n × n, row-major, minutes from i to j; +inf where unreachable
    std::vector<double> prize;        // n; prize[0] (the post) is ignored
    std::vector<double> service_min;  // n; service_min[0] is ignored
    std::vector<double> day_limit_min;  // one entry per day: walking + service must stay within it

    std::size_t size() const { return prize.size(); }
    double time(int i, int j) const { return time_min[static_cast<std::size_t>(i) * size() + static_cast<std::size_t>(j)]; }
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
    double time_min = 0;                  // all days' walking and service
};

// Minutes of one day's tour from the post through `stops` and back, service included.
double day_time_min(const PrizeVrpProblem& problem, const std::vector<int>& stops);

// Throws geo::BadInput when the sizes disagree or no day is given.
PrizeVrpSolution solve_prize_vrp(const PrizeVrpProblem& problem, const PrizeVrpOptions& options = {});

}  // namespace geo::planning
