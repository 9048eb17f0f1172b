#include "geo/planning/tour_schedule.h"

#include <algorithm>
#include <limits>

namespace geo::planning {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
// Minutes by which a visit may begin after its window's latest time and still count as on time:
// the same rounding allowance as day_time_min's, so that both agree.
constexpr double late_tolerance_min = 1e-9;

}  // namespace

TourSchedule::TourSchedule(const PrizeVrpProblem& p, const std::vector<int>& stops)
    : p_(&p), stops_(&stops), leave_min_(stops.size() + 1), slack_min_(stops.size() + 1), waits_after_min_(stops.size() + 1) {
    const std::size_t m = stops.size();
    std::vector<double> start_min(m), wait_min(m);
    double t = 0;
    int at = 0;
    for (std::size_t k = 0; k < m; ++k) {
        const int v = stops[k];
        leave_min_[k] = t;
        const double arrival = t + p.time(at, v);
        start_min[k] = std::max(arrival, p.earliest(v));
        wait_min[k] = start_min[k] - arrival;
        t = start_min[k] + p.service_min[static_cast<std::size_t>(v)];
        at = v;
    }
    leave_min_[m] = t;
    end_min_ = t + p.time(at, 0);
    // The return to the post has no window of its own: the day limit is checked by the caller.
    slack_min_[m] = inf;
    waits_after_min_[m] = 0;
    for (std::size_t k = m; k-- > 0;) {
        const int v = stops[k];
        slack_min_[k] = wait_min[k] + std::min(p.latest(v) - start_min[k], slack_min_[k + 1]);
        waits_after_min_[k] = wait_min[k] + waits_after_min_[k + 1];
    }
}

double TourSchedule::insertion_added_min(std::size_t pos, int node) const {
    const PrizeVrpProblem& p = *p_;
    const std::vector<int>& stops = *stops_;
    const int before = pos == 0 ? 0 : stops[pos - 1];
    const int after = pos == stops.size() ? 0 : stops[pos];
    const double start = std::max(leave_min_[pos] + p.time(before, node), p.earliest(node));
    if (!(start <= p.latest(node) + late_tolerance_min)) return inf;
    const double new_arrival = start + p.service_min[static_cast<std::size_t>(node)] + p.time(node, after);
    const double old_arrival = leave_min_[pos] + p.time(before, after);
    const double delay = new_arrival - old_arrival;
    if (pos == stops.size()) return delay;  // the arrival back at the post is the end
    if (delay < 0) return end_from(pos, new_arrival) - end_min_;
    if (!(delay <= slack_min_[pos] + late_tolerance_min)) return inf;
    return std::max(0.0, delay - waits_after_min_[pos]);
}

double TourSchedule::end_from(std::size_t pos, double arrival_min) const {
    const PrizeVrpProblem& p = *p_;
    const std::vector<int>& stops = *stops_;
    double t = arrival_min;
    for (std::size_t k = pos; k < stops.size(); ++k) {
        const int v = stops[k];
        t = std::max(t, p.earliest(v)) + p.service_min[static_cast<std::size_t>(v)];
        if (k + 1 < stops.size()) t += p.time(v, stops[k + 1]);
    }
    return t + p.time(stops.back(), 0);
}

}  // namespace geo::planning
