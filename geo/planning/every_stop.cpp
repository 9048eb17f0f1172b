#include "geo/planning/every_stop.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "geo/planning/vrptw/vrptw_problem.h"
#include "geo/planning/vrptw/vrptw_solver.h"
#include "geo/util/error.h"

namespace geo::planning {
namespace {

// Why no day can hold `v` even alone; none when one can.
std::optional<LeftOutReason> why_no_day_fits(const PrizeVrpProblem& problem, int v, double limit_min) {
    const double alone_min = day_time_min(problem, {v});
    if (alone_min <= limit_min) return std::nullopt;
    if (problem.has_windows() && std::max(problem.time(0, v), problem.earliest(v)) > problem.latest(v))
        return LeftOutReason{LeftOutKind::window_closes_early, {problem.latest(v), problem.time(0, v)}};
    return LeftOutReason{LeftOutKind::visit_too_long, {alone_min, limit_min}};
}

// `problem` restricted to the post and `nodes` (in that order), renumbered from 1.
PrizeVrpProblem restricted(const PrizeVrpProblem& problem, const std::vector<int>& nodes) {
    std::vector<int> keep = {0};
    keep.insert(keep.end(), nodes.begin(), nodes.end());
    const std::size_t n = keep.size();
    const auto pick = [&](const std::vector<double>& all) {
        std::vector<double> out;
        if (all.empty()) return out;
        for (const int v : keep) out.push_back(all[static_cast<std::size_t>(v)]);
        return out;
    };
    PrizeVrpProblem sub;
    sub.time_min.resize(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) sub.time_min[i * n + j] = problem.time(keep[i], keep[j]);
    sub.prize = pick(problem.prize);
    sub.service_min = pick(problem.service_min);
    sub.earliest_min = pick(problem.earliest_min);
    sub.latest_min = pick(problem.latest_min);
    sub.demand = pick(problem.demand);
    sub.day_capacity = problem.day_capacity;
    sub.day_limit_min = problem.day_limit_min;
    sub.pinned_day = problem.pinned_day.empty() ? std::vector<int>{} : std::vector<int>(n, -1);
    for (std::size_t i = 0; i < n && !problem.pinned_day.empty(); ++i) sub.pinned_day[i] = problem.pinned(keep[i]);
    return sub;
}

}  // namespace

EveryStopSolution serve_every_stop(const PrizeVrpProblem& problem, const EveryStopOptions& options) {
    if (problem.day_limit_min.empty()) throw BadInput("every-stop plan: no day given");
    const double limit_min = problem.day_limit_min.front();
    EveryStopSolution out;
    out.days.resize(problem.day_limit_min.size());
    std::vector<int> fitting;
    for (int v = 1; v < static_cast<int>(problem.size()); ++v) {
        if (std::optional<LeftOutReason> why = why_no_day_fits(problem, v, limit_min))
            out.unserved.push_back({v, std::move(*why)});
        else
            fitting.push_back(v);
    }
    // The equal-days and no-pins checks apply even with nothing to serve.
    const PrizeVrpProblem sub = restricted(problem, fitting);
    const vrptw::VrptwProblem vrptw = vrptw::vrptw_from_prize_problem(sub);
    if (fitting.empty()) return out;

    vrptw::VrptwOptions solver;
    solver.seed = options.seed;
    solver.time_budget_s = options.time_budget_s;
    solver.max_iterations = options.max_rounds;
    const vrptw::VrptwResult result = vrptw::solve_vrptw(vrptw, solver);
    if (result.routes.size() > out.days.size())
        throw InternalError(fmt::format("every-stop plan: {} routes for {} days", result.routes.size(), out.days.size()));
    for (std::size_t d = 0; d < result.routes.size(); ++d) {
        for (const int c : result.routes[d]) out.days[d].push_back(fitting[static_cast<std::size_t>(c - 1)]);
        // The two models must agree on what fits a day; a disagreement is ours, not the user's.
        if (!(day_time_min(problem, out.days[d]) <= problem.day_limit_min[d] + 1e-6))
            throw InternalError(fmt::format("every-stop plan: day {} takes {:.1f} min, more than its {:.1f}", d + 1,
                                            day_time_min(problem, out.days[d]), problem.day_limit_min[d]));
    }
    for (const int c : result.unserved)
        out.unserved.push_back({fitting[static_cast<std::size_t>(c - 1)], {LeftOutKind::no_room_left, {static_cast<double>(out.days.size())}}});
    std::sort(out.unserved.begin(), out.unserved.end(), [](const UnservedNode& a, const UnservedNode& b) { return a.node < b.node; });
    return out;
}

}  // namespace geo::planning
