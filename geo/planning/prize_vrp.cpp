#include "geo/planning/prize_vrp.h"

#include <algorithm>
#include <chrono>
#include <random>

#include "geo/planning/prize_vrp_moves.h"
#include "geo/util/error.h"

namespace geo::planning {
namespace {

constexpr double eps = 1e-9;

bool better(const VrpState& a, const VrpState& b) {
    const double pa = a.prize(), pb = b.prize();
    if (pa > pb + eps) return true;
    if (pa < pb - eps) return false;
    return a.time_min() < b.time_min() - eps;
}

std::vector<std::pair<std::size_t, std::size_t>> visited_positions(const VrpState& s) {
    std::vector<std::pair<std::size_t, std::size_t>> out;  // (day, position)
    for (std::size_t d = 0; d < s.days.size(); ++d)
        for (std::size_t i = 0; i < s.days[d].size(); ++i) out.emplace_back(d, i);
    return out;
}

// Ruin: removes up to `count` stops, either at random or the ones nearest (by walking minutes)
// to a random stop (Shaw 1998's related removal), so that a whole corner can be re-planned.
void ruin(VrpState& s, std::size_t count, bool related, std::mt19937_64& rng) {
    auto where = visited_positions(s);
    if (where.empty()) return;
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
}

// Recreate: greedy insertion by prize per added minute, each ratio blurred by ±20 % noise so
// that a round can try an order the plain greedy would not.
void recreate(VrpState& s, std::mt19937_64& rng) {
    const PrizeVrpProblem& p = *s.problem;
    std::uniform_real_distribution<double> noise(0.8, 1.2);
    for (;;) {
        int best_node = -1;
        std::size_t best_day = 0;
        Insertion best_ins;
        double best_score = 0;
        for (std::size_t v = 1; v < p.size(); ++v) {
            if (s.visited[v] || !(p.prize[v] > 0)) continue;
            const double blur = noise(rng);
            for (std::size_t d = 0; d < s.days.size(); ++d) {
                const Insertion ins = best_insertion(p, s.days[d], static_cast<int>(v));
                if (!(s.day_min[d] + ins.added_min <= p.day_limit_min[d] + eps)) continue;
                const double score = blur * p.prize[v] / std::max(ins.added_min, 1.0 / 60.0);
                if (best_node < 0 || score > best_score) {
                    best_node = static_cast<int>(v);
                    best_day = d;
                    best_ins = ins;
                    best_score = score;
                }
            }
        }
        if (best_node < 0) return;
        auto& day = s.days[best_day];
        day.insert(day.begin() + static_cast<std::ptrdiff_t>(best_ins.pos), best_node);
        s.visited[static_cast<std::size_t>(best_node)] = 1;
        s.refresh(best_day);
    }
}

}  // namespace

double day_time_min(const PrizeVrpProblem& problem, const std::vector<int>& stops) {
    double t = 0;
    int at = 0;
    for (const int v : stops) {
        t += problem.time(at, v) + problem.service_min[static_cast<std::size_t>(v)];
        at = v;
    }
    return stops.empty() ? 0.0 : t + problem.time(at, 0);
}

PrizeVrpSolution solve_prize_vrp(const PrizeVrpProblem& problem, const PrizeVrpOptions& options) {
    const std::size_t n = problem.size();
    if (n == 0 || problem.service_min.size() != n || problem.time_min.size() != n * n)
        throw BadInput("prize VRP: the matrix, prizes and service times disagree in size");
    if (problem.day_limit_min.empty()) throw BadInput("prize VRP: no day to plan");

    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto out_of_time = [&] {
        return options.time_budget_s > 0 &&
               std::chrono::duration<double>(Clock::now() - start).count() >= options.time_budget_s;
    };

    VrpState best(problem);
    while (insert_unvisited(best)) {
    }
    local_search(best);

    std::mt19937_64 rng(options.seed);
    // Neither a round limit nor a time budget: construction and local search only.
    const bool no_rounds = options.max_rounds <= 0 && options.time_budget_s <= 0;
    for (std::int64_t round = 0; !no_rounds && (options.max_rounds <= 0 || round < options.max_rounds) && !out_of_time();
         ++round) {
        const std::size_t visited = visited_positions(best).size();
        if (visited == 0) break;
        VrpState trial = best;
        // 1 to 10 stops, at most a third of those visited (plus one).
        const std::size_t count = 1 + rng() % std::min<std::size_t>(10, visited / 3 + 1);
        ruin(trial, count, round % 2 == 1, rng);
        recreate(trial, rng);
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
