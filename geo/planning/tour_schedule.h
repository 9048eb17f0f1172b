#pragma once
// One day's tour under time windows, timed once so that inserting a stop at any position is
// judged in O(1) instead of re-timing the whole tour: the forward pass gives when the tour
// leaves each stop, the backward pass how late each arrival may slip before some later window
// is missed (Savelsbergh 1992, "The vehicle routing problem with time windows: minimizing route
// duration", ORSA Journal on Computing 4(2), its forward time slack).
//
// Why the formulas hold: delaying the arrival at position k by δ >= 0 delays the start of that
// visit by max(0, δ - wait_k), so the delay that reaches the end of the tour is
// max(0, δ - the waits from k on), and the visit stays feasible while δ <= slack_k.
#include <vector>

#include "geo/planning/prize_vrp.h"

namespace geo::planning {

class TourSchedule {
public:
    // `stops` must keep their windows (every tour the solver holds does).
    TourSchedule(const PrizeVrpProblem& p, const std::vector<int>& stops);

    // Minutes the day's tour grows (walking, service and waits) when `node` is visited just
    // before position `pos` (stops.size(): last); +inf when that misses a window. The day
    // limit is the caller's to check.
    double insertion_added_min(std::size_t pos, int node) const;
    double end_min() const { return end_min_; }

private:
    // The end of the tour when the arrival at position `pos` moves to `arrival_min`, by timing
    // the rest of the tour again (for an earlier arrival, which a triangle-breaking matrix allows).
    double end_from(std::size_t pos, double arrival_min) const;

    const PrizeVrpProblem* p_;
    const std::vector<int>* stops_;
    std::vector<double> leave_min_;        // m + 1: when the tour leaves the node before position k (k = 0: the post)
    std::vector<double> slack_min_;        // m + 1: how late the arrival at position k may slip
    std::vector<double> waits_after_min_;  // m + 1: waits at positions k .. m-1
    double end_min_ = 0;
};

}  // namespace geo::planning
