#pragma once
// An independent feasibility check of routes for a Solomon instance: it shares no code with any
// solver, re-timing each route from the coordinates with nothing but the Solomon rules (a visit
// begins at max(arrival, ready) and no later than due, the load stays within the capacity, the
// route is back by the depot's due date, no customer is served twice, at most `vehicles` routes).
// Used by bench-vrptw and the tests to trust no solver's own bookkeeping.
#include <cstddef>
#include <string>
#include <vector>

#include "geo/planning/solomon.h"

namespace geo::planning {

struct SolomonCheck {
    bool feasible = true;
    std::string why;         // the first violation found
    double distance = 0;     // all routes, Euclidean
    std::size_t served = 0;  // distinct customers visited
    int routes = 0;          // non-empty routes
};

// `routes`: customer numbers (1..n) in visiting order, one vector per vehicle.
SolomonCheck check_solomon_routes(const SolomonInstance& instance, const std::vector<std::vector<int>>& routes, int vehicles);

}  // namespace geo::planning
