#include "geo/planning/prize_vrp.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>

#include <fmt/format.h>

#include "geo/planning/pinned_stops.h"
#include "geo/planning/prize_vrp_moves.h"
#include "geo/util/error.h"

namespace geo::planning {
namespace {

constexpr double eps = 1e-9;

// Up to this many visited (free) stops a plan counts as small, and recreate varies more: it
// holds the stops just removed back until nothing else fits, and blurs each stop's ratio per day.
// With few stops the greedy otherwise puts back the same best-ratio stop every round when
// dropping it for two others collects more, or puts a stop on the same one of two equally good
// days when only moving it frees the other (600 random instances of 6 stops with windows: 7
// missed the optimum without either, 1 without the per-day blur, none with both). With a hundred
// stops the ruin already varies enough: holding back made each round about 4 times slower on the
// Jiangnan sample (more work for the local search) without a better plan in the same time, so
// large plans keep the plain recreate.
constexpr std::size_t small_plan_stops = 12;

bool better(const VrpState& a, const VrpState& b) {
    const double pa = a.prize(), pb = b.prize();
    if (pa > pb + eps) return true;
    if (pa < pb - eps) return false;
    return a.time_min() < b.time_min() - eps;
}

// Where the visited stops that ruin may remove are: every one but the pinned.
std::vector<std::pair<std::size_t, std::size_t>> free_positions(const VrpState& s) {
    std::vector<std::pair<std::size_t, std::size_t>> out;  // (day, position)
    for (std::size_t d = 0; d < s.days.size(); ++d)
        for (std::size_t i = 0; i < s.days[d].size(); ++i)
            if (s.problem->pinned(s.days[d][i]) < 0) out.emplace_back(d, i);
    return out;
}

// Ruin: removes up to `count` free stops, either at random or the ones nearest (by walking
// minutes) to a random stop (Shaw 1998's related removal), so that a whole corner can be re-planned.
// Removing stops never makes a later visit later, so the days keep their windows.
std::vector<int> ruin(VrpState& s, std::size_t count, bool related, std::mt19937_64& rng) {
    auto where = free_positions(s);
    if (where.empty()) return {};
    count = std::min(count, where.size());
    std::vector<int> removed;
    if (related) {
        const auto [sd, si] = where[rng() % where.size()];
        const int seed = s.days[sd][si];
        std::vector<std::pair<double, int>> by_time;
        for (const auto& [d, i] : where) {
            const int v = s.days[d][i];
            by_time.emplace_back(s.problem->time(seed, v) + s.problem->time(v, seed), v);
        }
        std::sort(by_time.begin(), by_time.end());
        for (std::size_t k = 0; k < count; ++k) removed.push_back(by_time[k].second);
    } else {
        std::shuffle(where.begin(), where.end(), rng);
        for (std::size_t k = 0; k < count; ++k) removed.push_back(s.days[where[k].first][where[k].second]);
    }
    for (std::size_t d = 0; d < s.days.size(); ++d) {
        auto& day = s.days[d];
        const auto before = day.size();
        std::erase_if(day, [&](int v) { return std::find(removed.begin(), removed.end(), v) != removed.end(); });
        if (day.size() != before) s.refresh(d);
    }
    for (const int v : removed) s.visited[static_cast<std::size_t>(v)] = 0;
    return removed;
}

// Recreate: greedy insertion by prize per added minute, each ratio blurred by ±20 % noise so
// that a round can try an order the plain greedy would not. For a small plan (see
// small_plan_stops) the noise is drawn per stop and day, and `held_back` (the stops just
// removed) go back only once no other stop fits.
void recreate(VrpState& s, bool small_plan, const std::vector<int>& held_back, std::mt19937_64& rng) {
    const PrizeVrpProblem& p = *s.problem;
    std::uniform_real_distribution<double> noise(0.8, 1.2);
    std::vector<char> held(p.size(), 0);
    if (small_plan)
        for (const int v : held_back) held[static_cast<std::size_t>(v)] = 1;
    for (;;) {
        int best_node = -1;
        std::size_t best_day = 0;
        Insertion best_ins;
        double best_score = 0;
        for (std::size_t v = 1; v < p.size(); ++v) {
            if (s.visited[v] || held[v] || !(p.prize[v] > 0)) continue;
            const double blur = small_plan ? 1.0 : noise(rng);  // per stop; small plans draw per day below
            const int pin = p.pinned(static_cast<int>(v));
            for (std::size_t d = 0; d < s.days.size(); ++d) {
                if (pin >= 0 && static_cast<std::size_t>(pin) != d) continue;
                const Insertion ins = best_insertion(p, d, s.days[d], static_cast<int>(v));
                if (!(s.day_min[d] + ins.added_min <= p.day_limit_min[d] + eps)) continue;
                const double score = (small_plan ? noise(rng) : blur) * p.prize[v] / std::max(ins.added_min, 1.0 / 60.0);
                if (best_node < 0 || score > best_score) {
                    best_node = static_cast<int>(v);
                    best_day = d;
                    best_ins = ins;
                    best_score = score;
                }
            }
        }
        if (best_node < 0 && std::find(held.begin(), held.end(), 1) != held.end()) {
            std::fill(held.begin(), held.end(), 0);
            continue;
        }
        // A refused insertion (a rounding difference at a window's edge) ends the round's recreate.
        if (best_node < 0 || !insert_if_fits(s, best_day, best_ins.pos, best_node)) return;
    }
}

void check_sizes(const PrizeVrpProblem& p) {
    const std::size_t n = p.size(), days = p.day_limit_min.size();
    if (n == 0 || p.service_min.size() != n || p.time_min.size() != n * n)
        throw BadInput("prize VRP: the matrix, prizes and service times disagree in size");
    if (days == 0) throw BadInput("prize VRP: no day to plan");
    if (p.earliest_min.size() != p.latest_min.size() || (p.has_windows() && p.earliest_min.size() != n))
        throw BadInput(fmt::format("prize VRP: {} earliest and {} latest times for {} nodes", p.earliest_min.size(),
                                   p.latest_min.size(), n));
    if (p.has_windows())
        for (std::size_t v = 1; v < n; ++v)
            if (!(p.earliest_min[v] <= p.latest_min[v]))
                throw BadInput(fmt::format("prize VRP: stop {}'s window ends ({:g} min) before it begins ({:g} min)", v,
                                           p.latest_min[v], p.earliest_min[v]));
    if ((p.demand.empty() != p.day_capacity.empty()) || (p.has_capacity() && (p.demand.size() != n || p.day_capacity.size() != days)))
        throw BadInput(fmt::format("prize VRP: {} demands for {} nodes and {} capacities for {} days", p.demand.size(), n,
                                   p.day_capacity.size(), days));
    if (!p.pinned_day.empty()) {
        if (p.pinned_day.size() != n) throw BadInput(fmt::format("prize VRP: {} pins for {} nodes", p.pinned_day.size(), n));
        for (std::size_t v = 1; v < n; ++v)
            if (p.pinned_day[v] < -1 || p.pinned_day[v] >= static_cast<int>(days))
                throw BadInput(fmt::format("prize VRP: stop {} is pinned to day {}, the plan has days 1 to {}", v,
                                           p.pinned_day[v] + 1, days));
    }
}

}  // namespace

double day_time_min(const PrizeVrpProblem& problem, const std::vector<int>& stops) {
    if (stops.empty()) return 0.0;
    double t = 0;
    int at = 0;
    if (!problem.has_windows()) {
        for (const int v : stops) {
            t += problem.time(at, v) + problem.service_min[static_cast<std::size_t>(v)];
            at = v;
        }
        return t + problem.time(at, 0);
    }
    for (const int v : stops) {
        t = std::max(t + problem.time(at, v), problem.earliest(v));  // wait for the window to open
        if (!(t <= problem.latest(v) + eps)) return std::numeric_limits<double>::infinity();
        t += problem.service_min[static_cast<std::size_t>(v)];
        at = v;
    }
    return t + problem.time(at, 0);
}

double day_demand(const PrizeVrpProblem& problem, const std::vector<int>& stops) {
    double total = 0;
    if (problem.has_capacity())
        for (const int v : stops) total += problem.demand[static_cast<std::size_t>(v)];
    return total;
}

PrizeVrpSolution solve_prize_vrp(const PrizeVrpProblem& problem, const PrizeVrpOptions& options) {
    check_sizes(problem);

    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto out_of_time = [&] {
        return options.time_budget_s > 0 &&
               std::chrono::duration<double>(Clock::now() - start).count() >= options.time_budget_s;
    };

    VrpState best(problem);
    place_pinned_stops(best);
    while (insert_unvisited(best)) {
    }
    local_search(best);

    std::mt19937_64 rng(options.seed);
    // Neither a round limit nor a time budget: construction and local search only.
    const bool no_rounds = options.max_rounds <= 0 && options.time_budget_s <= 0;
    for (std::int64_t round = 0; !no_rounds && (options.max_rounds <= 0 || round < options.max_rounds) && !out_of_time();
         ++round) {
        const std::size_t visited = free_positions(best).size();
        if (visited == 0) break;
        VrpState trial = best;
        // 1 to 10 stops, at most a third of those visited (plus one), but up to 3 of few, so
        // that two stops sharing a day can move together.
        const std::size_t most = std::min<std::size_t>(10, std::max(visited / 3 + 1, std::min<std::size_t>(visited, 3)));
        const std::size_t count = 1 + rng() % most;
        const std::vector<int> removed = ruin(trial, count, round % 2 == 1, rng);
        recreate(trial, visited <= small_plan_stops, removed, rng);
        local_search(trial);
        if (better(trial, best)) best = std::move(trial);
    }

    PrizeVrpSolution out;
    out.days = best.days;
    out.prize = best.prize();
    out.time_min = best.time_min();
    return out;
}

}  // namespace geo::planning
