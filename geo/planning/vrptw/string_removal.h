#pragma once
// Ruin by string removal (Christiaens & Vanden Berghe 2020, "Slack induction by string
// removals for vehicle routing problems", Transportation Science 54(2)): from a random seed
// customer, cut a short string of consecutive customers out of each of a few routes met in
// order of distance from the seed. Removed customers are listed unserved.
#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

struct StringRemovalSettings {
    double mean_removed = 10;  // c̄: customers removed on average
    int max_string = 10;       // L_max: longest string
};

void remove_strings(VrptwSolution& s, SearchContext& ctx, const StringRemovalSettings& settings = {});

}  // namespace geo::planning::vrptw
