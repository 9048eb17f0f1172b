#include "geo/planning/pinned_stops.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "geo/util/error.h"

namespace geo::planning {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
// 8! = 40,320 orders of at most 8 stops: a few milliseconds, beyond that too many.
constexpr std::size_t max_stops_for_every_order = 8;

// The pinned stops of `day` ordered by their window's latest time (then earliest, then node),
// the order in which a tight window is most likely to still find room.
std::vector<int> pinned_on(const PrizeVrpProblem& p, std::size_t day) {
    std::vector<int> out;
    for (std::size_t v = 1; v < p.size(); ++v)
        if (p.pinned(static_cast<int>(v)) == static_cast<int>(day)) out.push_back(static_cast<int>(v));
    if (p.has_windows())
        std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
            return std::pair(p.latest(a), p.earliest(a)) < std::pair(p.latest(b), p.earliest(b));
        });
    return out;
}

// Greedy insertion and intra-day moves on `relaxed`, a copy of the problem without day limits,
// so that a day over its limit still gets its shortest tour (and a number for the message).
std::vector<int> greedy_tour(const PrizeVrpProblem& relaxed, std::size_t day, const std::vector<int>& pinned) {
    VrpState r(relaxed);
    for (const int v : pinned) {
        const Insertion ins = best_insertion(relaxed, day, r.days[day], v);
        if (!(ins.added_min < inf) || !insert_if_fits(r, day, ins.pos, v)) return {};
    }
    while (two_opt_day(r, day) || or_opt_day(r, day)) {
    }
    return r.days[day];
}

std::vector<int> shortest_order(const PrizeVrpProblem& p, std::size_t day, std::vector<int> pinned) {
    std::vector<int> best;
    double best_min = inf;
    std::sort(pinned.begin(), pinned.end());
    do {
        const double t = tour_min(p, day, pinned);
        if (t < best_min) best_min = t, best = pinned;
    } while (std::next_permutation(pinned.begin(), pinned.end()));
    return best;
}

}  // namespace

void place_pinned_stops(VrpState& s) {
    const PrizeVrpProblem& p = *s.problem;
    if (p.pinned_day.empty()) return;
    PrizeVrpProblem relaxed = p;
    relaxed.day_limit_min.assign(p.day_limit_min.size(), inf);
    for (std::size_t d = 0; d < s.days.size(); ++d) {
        const std::vector<int> pinned = pinned_on(p, d);
        if (pinned.empty()) continue;
        const double limit = p.day_limit_min[d];
        if (p.has_capacity() && day_demand(p, pinned) > p.day_capacity[d])
            throw BadInput(fmt::format("day {}: the {} pinned stops need a capacity of {:g}, the day has {:g}", d + 1,
                                       pinned.size(), day_demand(p, pinned), p.day_capacity[d]));
        std::vector<int> tour = greedy_tour(relaxed, d, pinned);
        double tour_minutes = tour.empty() ? inf : tour_min(p, d, tour);
        if (!(tour_minutes <= limit) && pinned.size() <= max_stops_for_every_order) {
            tour = shortest_order(p, d, pinned);
            tour_minutes = tour.empty() ? inf : tour_min(p, d, tour);
        }
        if (std::isinf(tour_minutes))
            throw BadInput(fmt::format("day {}: no order of its {} pinned stops keeps their time windows (the day has {:.0f} min)",
                                       d + 1, pinned.size(), limit));
        if (!(tour_minutes <= limit + 1e-9))
            throw BadInput(fmt::format("day {}: the {} pinned stops need {:.1f} min, the day has {:.1f} min", d + 1, pinned.size(),
                                       tour_minutes, limit));
        s.days[d] = std::move(tour);
        s.day_min[d] = tour_minutes;
        for (const int v : s.days[d]) s.visited[static_cast<std::size_t>(v)] = 1;
    }
}

}  // namespace geo::planning
