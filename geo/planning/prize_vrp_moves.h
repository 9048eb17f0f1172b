#pragma once
// The local-search moves of the weekly planner, one function per move, each applying the first
// improvement it finds and returning true when it did. "Improvement" means more prize, or the
// same prize in fewer minutes; no move ever breaks a day's time limit.
//   two_opt_day    reverse a stretch of one day's tour (Croes 1958)
//   or_opt_day     move a run of 1-3 stops elsewhere in the same day (Or 1976)
//   relocate       move one stop to another day
//   exchange       swap two stops of different days
//   insert_unvisited  add a stop nobody visits where it fits
//   drop_and_add   replace a visited stop with an unvisited one of higher prize
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

// Minutes added by putting `node` between positions pos-1 and pos of `stops` (0: first).
double insertion_cost_min(const PrizeVrpProblem& p, const std::vector<int>& stops, std::size_t pos, int node);
// The cheapest position for `node` in `stops`, and its added minutes.
struct Insertion {
    std::size_t pos = 0;
    double added_min = 0;
};
Insertion best_insertion(const PrizeVrpProblem& p, const std::vector<int>& stops, int node);

bool two_opt_day(VrpState& s, std::size_t day);
bool or_opt_day(VrpState& s, std::size_t day);
bool relocate(VrpState& s);
bool exchange(VrpState& s);
bool insert_unvisited(VrpState& s);
bool drop_and_add(VrpState& s);

// Every move until none improves.
void local_search(VrpState& s);

}  // namespace geo::planning
