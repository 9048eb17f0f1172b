#pragma once
// The vehicle-routing problem with time windows when every stop must be served (Solomon 1987's
// VRPTW), solved hierarchically: the fewest routes first, then the least travel. Node 0 is the
// depot (the officer's post); nodes 1..n-1 are customers (stops), all mandatory.
//
// Travel is one matrix, used both as the time between nodes and as the cost minimised (Solomon:
// Euclidean distance at speed 1, unrounded). A visit begins between ready and due (waiting when
// early); each route leaves the depot no earlier than its ready time and is back by its due
// time; the demand of a route stays within the capacity.
#include <vector>

namespace geo::planning {
struct SolomonInstance;
struct PrizeVrpProblem;
}  // namespace geo::planning

namespace geo::planning::vrptw {

struct VrptwProblem {
    std::vector<double> travel;   // n × n, row-major: time and cost from i to j
    std::vector<double> ready;    // n: earliest start of the visit (depot: earliest departure)
    std::vector<double> due;      // n: latest start of the visit (depot: latest return)
    std::vector<double> service;  // n: duration of the visit (depot: 0)
    std::vector<double> demand;   // n (depot: 0)
    double capacity = 0;
    int max_routes = 0;           // the fleet available

    int size() const { return static_cast<int>(ready.size()); }
    double d(int i, int j) const { return travel[static_cast<std::size_t>(i) * ready.size() + static_cast<std::size_t>(j)]; }
};

// Solomon's instance with its whole fleet (the file's vehicle count).
VrptwProblem vrptw_from_solomon(const SolomonInstance& instance);

// A planner's problem when every stop must be served: days become routes (at most as many as
// there are days), the day limit the depot's due time, windows and capacity as given (none when
// absent). Throws geo::BadInput when the days differ in limit or capacity (one fleet of equal
// vehicles here), or a pinned stop is given (not supported by this mode).
VrptwProblem vrptw_from_prize_problem(const PrizeVrpProblem& problem);

}  // namespace geo::planning::vrptw
