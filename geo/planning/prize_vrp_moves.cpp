#include "geo/planning/prize_vrp_moves.h"

#include <algorithm>
#include <limits>

#include "geo/planning/tour_schedule.h"

namespace geo::planning {
namespace {

// Minutes below which two tours count as equally long: the matrix comes from sums of seconds
// divided by 60, so differences under a microsecond are rounding, not a shorter walk.
constexpr double eps_min = 1e-9;
constexpr double inf = std::numeric_limits<double>::infinity();

bool fits(const VrpState& s, std::size_t day, double minutes) {
    return minutes <= s.problem->day_limit_min[day] + eps_min;
}

bool is_pinned(const VrpState& s, int v) { return s.problem->pinned(v) >= 0; }

// Whether an unvisited `node` may go on `day`: any day when free, its own when pinned.
bool may_go_on(const VrpState& s, int node, std::size_t day) {
    const int pin = s.problem->pinned(node);
    return pin < 0 || static_cast<std::size_t>(pin) == day;
}

std::vector<int> without(const std::vector<int>& stops, std::size_t pos) {
    std::vector<int> out = stops;
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(pos));
    return out;
}

// Replaces day `day` with `stops` (same stops, another order) when that is shorter; true when it did.
bool take_if_shorter(VrpState& s, std::size_t day, std::vector<int>&& stops) {
    const double t = day_time_min(*s.problem, stops);
    if (t < s.day_min[day] - eps_min && fits(s, day, t)) {
        s.days[day] = std::move(stops);
        s.day_min[day] = t;
        return true;
    }
    return false;
}

}  // namespace

VrpState::VrpState(const PrizeVrpProblem& p)
    : problem(&p), days(p.day_limit_min.size()), day_min(p.day_limit_min.size(), 0.0), visited(p.size(), 0) {
    if (!visited.empty()) visited[0] = 1;
}

double VrpState::prize() const {
    double total = 0;
    for (const auto& day : days)
        for (const int v : day) total += problem->prize[static_cast<std::size_t>(v)];
    return total;
}

double VrpState::time_min() const {
    double total = 0;
    for (const double t : day_min) total += t;
    return total;
}

void VrpState::refresh(std::size_t day) { day_min[day] = tour_min(*problem, day, days[day]); }

double tour_min(const PrizeVrpProblem& p, std::size_t day, const std::vector<int>& stops) {
    if (p.has_capacity() && day_demand(p, stops) > p.day_capacity[day] + eps_min) return inf;
    return day_time_min(p, stops);
}

double insertion_cost_min(const PrizeVrpProblem& p, const std::vector<int>& stops, std::size_t pos, int node) {
    const int before = pos == 0 ? 0 : stops[pos - 1];
    const int after = pos == stops.size() ? 0 : stops[pos];
    return p.time(before, node) + p.service_min[static_cast<std::size_t>(node)] + p.time(node, after) - p.time(before, after);
}

Insertion best_insertion(const PrizeVrpProblem& p, std::size_t day, const std::vector<int>& stops, int node) {
    if (p.has_capacity() && day_demand(p, stops) + p.demand[static_cast<std::size_t>(node)] > p.day_capacity[day] + eps_min)
        return {0, inf};
    if (p.has_windows()) {
        const TourSchedule schedule(p, stops);
        Insertion best{0, inf};
        for (std::size_t pos = 0; pos <= stops.size(); ++pos) {
            const double added = schedule.insertion_added_min(pos, node);
            if (added < best.added_min) best = {pos, added};
        }
        return best;
    }
    // Without windows every position is feasible: the plain cheapest insertion.
    Insertion best{0, insertion_cost_min(p, stops, 0, node)};
    for (std::size_t pos = 1; pos <= stops.size(); ++pos) {
        const double added = insertion_cost_min(p, stops, pos, node);
        if (added < best.added_min) best = {pos, added};
    }
    return best;
}

bool insert_if_fits(VrpState& s, std::size_t day, std::size_t pos, int node) {
    auto& stops = s.days[day];
    stops.insert(stops.begin() + static_cast<std::ptrdiff_t>(pos), node);
    const double t = tour_min(*s.problem, day, stops);
    if (!fits(s, day, t)) {
        stops.erase(stops.begin() + static_cast<std::ptrdiff_t>(pos));
        return false;
    }
    s.day_min[day] = t;
    s.visited[static_cast<std::size_t>(node)] = 1;
    return true;
}

bool two_opt_day(VrpState& s, std::size_t day) {
    const auto& stops = s.days[day];
    for (std::size_t i = 0; i + 1 < stops.size(); ++i) {
        for (std::size_t j = i + 1; j < stops.size(); ++j) {
            std::vector<int> candidate = stops;
            std::reverse(candidate.begin() + static_cast<std::ptrdiff_t>(i), candidate.begin() + static_cast<std::ptrdiff_t>(j) + 1);
            if (take_if_shorter(s, day, std::move(candidate))) return true;
        }
    }
    return false;
}

bool or_opt_day(VrpState& s, std::size_t day) {
    const auto& stops = s.days[day];
    for (std::size_t length = 1; length <= 3 && length < stops.size(); ++length) {
        for (std::size_t i = 0; i + length <= stops.size(); ++i) {
            std::vector<int> segment(stops.begin() + static_cast<std::ptrdiff_t>(i),
                                     stops.begin() + static_cast<std::ptrdiff_t>(i + length));
            std::vector<int> rest = stops;
            rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i), rest.begin() + static_cast<std::ptrdiff_t>(i + length));
            for (std::size_t pos = 0; pos <= rest.size(); ++pos) {
                for (const bool reversed : {false, true}) {
                    if (pos == i && !reversed) continue;  // where it was
                    std::vector<int> candidate = rest;
                    if (reversed)
                        candidate.insert(candidate.begin() + static_cast<std::ptrdiff_t>(pos), segment.rbegin(), segment.rend());
                    else
                        candidate.insert(candidate.begin() + static_cast<std::ptrdiff_t>(pos), segment.begin(), segment.end());
                    if (take_if_shorter(s, day, std::move(candidate))) return true;
                }
            }
        }
    }
    return false;
}

bool relocate(VrpState& s) {
    const PrizeVrpProblem& p = *s.problem;
    for (std::size_t a = 0; a < s.days.size(); ++a) {
        for (std::size_t i = 0; i < s.days[a].size(); ++i) {
            const int v = s.days[a][i];
            if (is_pinned(s, v)) continue;
            // Taking a stop out never makes a later visit later, so the day keeps its windows.
            std::vector<int> from = without(s.days[a], i);
            const double from_min = tour_min(p, a, from);
            const double saved = s.day_min[a] - from_min;
            for (std::size_t b = 0; b < s.days.size(); ++b) {
                if (b == a) continue;
                const Insertion ins = best_insertion(p, b, s.days[b], v);
                if (ins.added_min < saved - eps_min && fits(s, b, s.day_min[b] + ins.added_min) && insert_if_fits(s, b, ins.pos, v)) {
                    s.days[a] = std::move(from);
                    s.day_min[a] = from_min;
                    return true;
                }
            }
        }
    }
    return false;
}

bool exchange(VrpState& s) {
    const PrizeVrpProblem& p = *s.problem;
    for (std::size_t a = 0; a < s.days.size(); ++a) {
        for (std::size_t b = a + 1; b < s.days.size(); ++b) {
            for (std::size_t i = 0; i < s.days[a].size(); ++i) {
                const int u = s.days[a][i];
                if (is_pinned(s, u)) continue;
                const std::vector<int> a_rest = without(s.days[a], i);
                for (std::size_t j = 0; j < s.days[b].size(); ++j) {
                    const int v = s.days[b][j];
                    if (is_pinned(s, v)) continue;
                    std::vector<int> new_a = a_rest;
                    std::vector<int> new_b = without(s.days[b], j);
                    const Insertion ia = best_insertion(p, a, new_a, v);
                    if (!(ia.added_min < inf)) continue;
                    const Insertion ib = best_insertion(p, b, new_b, u);
                    if (!(ib.added_min < inf)) continue;
                    new_a.insert(new_a.begin() + static_cast<std::ptrdiff_t>(ia.pos), v);
                    new_b.insert(new_b.begin() + static_cast<std::ptrdiff_t>(ib.pos), u);
                    const double ta = tour_min(p, a, new_a), tb = tour_min(p, b, new_b);
                    if (ta + tb < s.day_min[a] + s.day_min[b] - eps_min && fits(s, a, ta) && fits(s, b, tb)) {
                        s.days[a] = std::move(new_a);
                        s.days[b] = std::move(new_b);
                        s.day_min[a] = ta;
                        s.day_min[b] = tb;
                        return true;
                    }
                }
            }
        }
    }
    return false;
}

bool insert_unvisited(VrpState& s) {
    const PrizeVrpProblem& p = *s.problem;
    // Best prize per added minute; a stop on the way (0 added minutes) counts as one second.
    constexpr double min_added = 1.0 / 60.0;
    int best_node = -1;
    std::size_t best_day = 0;
    Insertion best_ins;
    double best_ratio = 0;
    for (std::size_t v = 1; v < p.size(); ++v) {
        if (s.visited[v] || !(p.prize[v] > 0)) continue;
        for (std::size_t d = 0; d < s.days.size(); ++d) {
            if (!may_go_on(s, static_cast<int>(v), d)) continue;
            const Insertion ins = best_insertion(p, d, s.days[d], static_cast<int>(v));
            if (!fits(s, d, s.day_min[d] + ins.added_min)) continue;
            const double ratio = p.prize[v] / std::max(ins.added_min, min_added);
            if (best_node < 0 || ratio > best_ratio) {
                best_node = static_cast<int>(v);
                best_day = d;
                best_ins = ins;
                best_ratio = ratio;
            }
        }
    }
    return best_node >= 0 && insert_if_fits(s, best_day, best_ins.pos, best_node);
}

bool drop_and_add(VrpState& s) {
    const PrizeVrpProblem& p = *s.problem;
    for (std::size_t u = 1; u < p.size(); ++u) {
        if (s.visited[u] || !(p.prize[u] > 0)) continue;
        for (std::size_t d = 0; d < s.days.size(); ++d) {
            if (!may_go_on(s, static_cast<int>(u), d)) continue;
            for (std::size_t i = 0; i < s.days[d].size(); ++i) {
                const auto v = static_cast<std::size_t>(s.days[d][i]);
                if (p.prize[u] < p.prize[v] || is_pinned(s, static_cast<int>(v))) continue;
                std::vector<int> candidate = without(s.days[d], i);
                const Insertion ins = best_insertion(p, d, candidate, static_cast<int>(u));
                if (!(ins.added_min < inf)) continue;
                candidate.insert(candidate.begin() + static_cast<std::ptrdiff_t>(ins.pos), static_cast<int>(u));
                const double t = tour_min(p, d, candidate);
                if (!fits(s, d, t)) continue;
                const bool more_prize = p.prize[u] > p.prize[v];
                if (more_prize || t < s.day_min[d] - eps_min) {
                    s.days[d] = std::move(candidate);
                    s.day_min[d] = t;
                    s.visited[u] = 1;
                    s.visited[v] = 0;
                    return true;
                }
            }
        }
    }
    return false;
}

void local_search(VrpState& s) {
    for (bool improved = true; improved;) {
        improved = false;
        for (std::size_t d = 0; d < s.days.size(); ++d) {
            while (two_opt_day(s, d) || or_opt_day(s, d)) improved = true;
        }
        if (relocate(s) || exchange(s) || insert_unvisited(s) || drop_and_add(s)) improved = true;
    }
}

}  // namespace geo::planning
