#include "geo/routing/tsp/two_opt.h"

namespace geo::tsp {

bool two_opt_from(MoveContext& m, int t1) {
    for (const bool forward : {true, false}) {
        const int t2 = forward ? m.tour.succ(t1) : m.tour.pred(t1);
        const double removed_12 = m.dist(t1, t2);
        for (const int* it = m.neighbours.begin(t2); it != m.neighbours.end(t2); ++it) {
            const int t3 = *it;
            const double added_23 = m.dist(t2, t3);
            if (added_23 >= removed_12) break;  // candidates are sorted: no later one can gain
            if (t3 == t1 || m.tour.adjacent(t2, t3)) continue;
            // t3 follows t4 in the direction t1 -> t2 goes, so (t1, t4) and (t2, t3) close the cycle.
            const int t4 = forward ? m.tour.pred(t3) : m.tour.succ(t3);
            const double gain = removed_12 + m.dist(t3, t4) - added_23 - m.dist(t1, t4);
            if (gain > gain_epsilon) {
                m.tour.make_2opt(t1, t2, t4, t3);
                m.touched(t1, t2, t3, t4);
                m.length_change -= gain;
                return true;
            }
        }
    }
    return false;
}

}  // namespace geo::tsp
