#pragma once
// The local-search moves of the weekly planner, one function per move, each applying the first
// improvement it finds and returning true when it did. "Improvement" means more prize, or the
// same prize in fewer minutes; no move ever breaks a day's time limit, a time window or a
// capacity, and none moves a pinned stop to another day or drops it.
//   two_opt_day    reverse a stretch of one day's tour (Croes 1958)
//   or_opt_day     move a run of 1-3 stops elsewhere in the same day (Or 1976)
//   relocate       move one free stop to another day
//   exchange       swap two free stops of different days
//   insert_unvisited  add a stop nobody visits where it fits
//   drop_and_add   replace a visited free stop with an unvisited one of higher prize
#include <vector>

#include "geo/planning/prize_vrp.h"

namespace geo::planning {

// The state the moves work on: the days' tours, their minutes and who is unvisited.
struct VrpState {
    const PrizeVrpProblem* problem = nullptr;
    std::vector<std::vector<int>> days;
    std::vector<double> day_min;   // day_time_min of each day, kept current by the moves
    std::vector<char> visited;     // per node; node 0 counts as visited

    explicit VrpState(const PrizeVrpProblem& p);
    double prize() const;
    double time_min() const;
    void refresh(std::size_t day);  // recompute day_min[day]
};

// Minutes of `stops` as day `day`'s tour: day_time_min, or +inf when their demand exceeds the
// day's capacity. The day limit is the caller's to check.
double tour_min(const PrizeVrpProblem& p, std::size_t day, const std::vector<int>& stops);

// Minutes added by putting `node` between positions pos-1 and pos of `stops` (0: first),
// ignoring windows.
double insertion_cost_min(const PrizeVrpProblem& p, const std::vector<int>& stops, std::size_t pos, int node);
// The cheapest position for `node` in `stops` as day `day`'s tour that keeps every window and
// the day's capacity, and the minutes it adds to the day (waits included). added_min is +inf
// when no position keeps them. The day limit is the caller's to check.
struct Insertion {
    std::size_t pos = 0;
    double added_min = 0;
};
Insertion best_insertion(const PrizeVrpProblem& p, std::size_t day, const std::vector<int>& stops, int node);

// Inserts `node` on `day` at `pos` when the day then stays within its limit (checked on the
// whole tour, so a rounding difference against best_insertion cannot let a broken day in);
// true when it did. Marks the node visited.
bool insert_if_fits(VrpState& s, std::size_t day, std::size_t pos, int node);

bool two_opt_day(VrpState& s, std::size_t day);
bool or_opt_day(VrpState& s, std::size_t day);
bool relocate(VrpState& s);
bool exchange(VrpState& s);
bool insert_unvisited(VrpState& s);
bool drop_and_add(VrpState& s);

// Every move until none improves.
void local_search(VrpState& s);

}  // namespace geo::planning
