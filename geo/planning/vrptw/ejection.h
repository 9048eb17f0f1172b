#pragma once
// Insertion by ejection (Nagata & Bräysy 2009, "A powerful route minimization heuristic for the
// vehicle routing problem with time windows", Operations Research Letters 37): an unserved
// customer that fits nowhere takes the place of one served customer that has been out less
// often, which becomes unserved instead. Repeated, these steps form ejection chains that move the
// hard customers in and the easy ones out, until the easy ones fit somewhere.
#include <cstdint>
#include <vector>

#include "geo/planning/vrptw/vrptw_solution.h"

namespace geo::planning::vrptw {

// Serves unserved customer c by ejecting the served customer w with the smallest absence count
// (below c's; ties: the least travel after the swap) such that c fits feasibly in w's route
// without w. True when it did (w is then unserved).
bool insert_by_ejection(VrptwSolution& s, int c, const std::vector<std::int64_t>& absence);

}  // namespace geo::planning::vrptw
