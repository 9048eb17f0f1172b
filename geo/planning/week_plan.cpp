#include "geo/planning/week_plan.h"

#include <algorithm>
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "geo/network/shortest_path.h"
#include "geo/network/snap.h"
#include "geo/planning/every_stop.h"
#include "geo/planning/prize_vrp.h"
#include "geo/planning/talking_points.h"
#include "geo/planning/visit_window.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

constexpr double walking_speed_mps = walking_speed_kmh / 3.6;
const char* const weekday_zh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

void append(LineString& path, const XY& p) {
    if (path.empty() || path.back().x != p.x || path.back().y != p.y) path.push_back(p);
}

double young_share(const Neighbourhood& n) {
    const auto people = n.residents + n.transients;
    return people > 0 ? static_cast<double>(n.transients) / static_cast<double>(people) : 0.0;
}

// The pinned buildings (indices), each checked and listed once, with their day.
std::vector<std::pair<std::size_t, int>> pinned_buildings(const District& district, const Officer& officer,
                                                          const std::map<std::string, std::size_t>& hood_of,
                                                          const WeekPlanOptions& options) {
    std::vector<std::pair<std::size_t, int>> out;
    if (options.pinned.empty()) return out;
    std::map<std::string, std::size_t> index_of;
    for (std::size_t b = 0; b < district.buildings.size(); ++b) index_of.emplace(district.buildings[b].id, b);
    for (const PinnedStop& pin : options.pinned) {
        const auto it = index_of.find(pin.building_id);
        if (it == index_of.end()) throw BadInput("pinned building '" + pin.building_id + "' is not in the workspace");
        if (!hood_of.contains(district.buildings[it->second].neighbourhood_id))
            throw BadInput(fmt::format("pinned building '{}' is in neighbourhood '{}', not one of officer {}'s", pin.building_id,
                                       district.buildings[it->second].neighbourhood_id, officer.id));
        if (pin.day < 0 || pin.day >= options.working_days)
            throw BadInput(fmt::format("pinned building '{}': day {} is not one of the {} working days (0 to {})", pin.building_id,
                                       pin.day, options.working_days, options.working_days - 1));
        const auto same = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == it->second; });
        if (same == out.end())
            out.emplace_back(it->second, pin.day);
        else if (same->second != pin.day)
            throw BadInput(fmt::format("building '{}' is pinned to two days, {} and {}", pin.building_id, same->second, pin.day));
    }
    return out;
}

// The buildings of an every-stop plan (indices), each checked and listed once, in list order.
std::vector<std::size_t> listed_buildings(const District& district, const Officer& officer,
                                          const std::map<std::string, std::size_t>& hood_of, const WeekPlanOptions& options) {
    if (!options.pinned.empty())
        throw BadInput(fmt::format("officer {}: pinned stops and an every-stop plan cannot be combined (list the pinned buildings "
                                   "among the stops instead)",
                                   officer.id));
    std::map<std::string, std::size_t> index_of;
    for (std::size_t b = 0; b < district.buildings.size(); ++b) index_of.emplace(district.buildings[b].id, b);
    std::vector<std::size_t> out;
    std::vector<bool> listed(district.buildings.size(), false);
    for (const std::string& id : *options.every_stop) {
        const auto it = index_of.find(id);
        if (it == index_of.end()) throw BadInput("every-stop building '" + id + "' is not in the workspace");
        if (!hood_of.contains(district.buildings[it->second].neighbourhood_id))
            throw BadInput(fmt::format("every-stop building '{}' is in neighbourhood '{}', not one of officer {}'s", id,
                                       district.buildings[it->second].neighbourhood_id, officer.id));
        if (!listed[it->second]) out.push_back(it->second);
        listed[it->second] = true;
    }
    return out;
}

// The building's visit window from `field`: nullopt when the field is absent or empty.
std::optional<planning::ClockWindow> building_window(const Building& building, const std::string& field) {
    const auto it = building.extras.find(field);
    if (it == building.extras.end() || std::holds_alternative<std::monostate>(it->second)) return std::nullopt;
    const std::string* text = std::get_if<std::string>(&it->second);
    if (!text)
        throw BadInput(fmt::format("building {}: field {} is not text, so not a visit window HH:MM-HH:MM", building.id, field));
    if (text->find_first_not_of(" \t") == std::string::npos) return std::nullopt;
    const auto window = planning::parse_clock_window(*text);
    if (!window)
        throw BadInput(fmt::format("building {}: field {} '{}' is not a visit window HH:MM-HH:MM", building.id, field, *text));
    if (window->end_min < window->begin_min)
        throw BadInput(fmt::format("building {}: field {} '{}' ends before it begins", building.id, field, *text));
    return window;
}

}  // namespace

std::size_t days_used(const WeekPlan& plan) {
    return static_cast<std::size_t>(std::count_if(plan.days.begin(), plan.days.end(), [](const DayRoute& d) { return !d.stops.empty(); }));
}

XY officer_post(const District& district, const Officer& officer) {
    if (officer.post) return *officer.post;
    if (!officer.post_site_id.empty()) {
        for (const Site& site : district.sites)
            if (site.id == officer.post_site_id) return site.location;
        throw BadInput(fmt::format("officer {}: post_site_id '{}' names no site", officer.id, officer.post_site_id));
    }
    throw BadInput(fmt::format("officer {}: no post (neither a point nor post_site_id)", officer.id));
}

WeekPlan plan_week(const District& district, const RoadGraph& graph, const std::vector<BuildingPriority>& priorities,
                   const std::string& officer_id, const TimeWindow& week, const WeekPlanOptions& options) {
    const auto officer_it = std::find_if(district.officers.begin(), district.officers.end(),
                                         [&](const Officer& o) { return o.id == officer_id; });
    if (officer_it == district.officers.end()) throw BadInput("officer '" + officer_id + "' is not in the workspace");
    const Officer& officer = *officer_it;
    if (priorities.size() != district.buildings.size())
        throw InternalError("plan_week: one priority per building expected");
    if (options.working_days < 1 || options.working_days > 7)
        throw BadInput(fmt::format("working days {} is not 1 to 7", options.working_days));
    const double hours = options.hours_per_day.value_or(officer.weekly_hours / options.working_days);
    if (!(hours > 0))
        throw BadInput(fmt::format("officer {}: {:.2f} hours per day (weekly_hours {} over {} days) leaves no time to visit",
                                   officer.id, hours, officer.weekly_hours, options.working_days));
    const XY post = officer_post(district, officer);

    std::map<std::string, std::size_t> hood_of;  // the officer's neighbourhoods by id
    for (std::size_t n = 0; n < district.neighbourhoods.size(); ++n)
        if (district.neighbourhoods[n].officer_id == officer.id) hood_of[district.neighbourhoods[n].id] = n;

    const bool every_stop = options.every_stop.has_value();
    const auto pins = every_stop ? std::vector<std::pair<std::size_t, int>>{} : pinned_buildings(district, officer, hood_of, options);
    const auto is_pinned = [&](std::size_t b) {
        return std::any_of(pins.begin(), pins.end(), [&](const auto& p) { return p.first == b; });
    };
    WeekPlan plan;
    plan.hours_per_day = hours;
    std::vector<std::size_t> wanted;  // building indices
    if (every_stop) {
        wanted = listed_buildings(district, officer, hood_of, options);
    } else {
        for (std::size_t b = 0; b < district.buildings.size(); ++b)
            if (hood_of.contains(district.buildings[b].neighbourhood_id) && priorities[b].priority > 0 && !is_pinned(b))
                wanted.push_back(b);
        std::stable_sort(wanted.begin(), wanted.end(),
                         [&](std::size_t a, std::size_t b) { return priorities[a].priority > priorities[b].priority; });
        if (wanted.size() > options.max_candidates) {
            plan.left_out_by_cap = wanted.size() - options.max_candidates;
            wanted.resize(options.max_candidates);
        }
    }
    // The pinned ahead of the rest, beyond the cap.
    std::vector<std::size_t> with_pins;
    for (const auto& [b, day] : pins) with_pins.push_back(b);
    wanted.insert(wanted.begin(), with_pins.begin(), with_pins.end());
    plan.candidates = wanted.size();

    // Visit windows, checked on every candidate, in minutes after the day's start.
    std::vector<std::optional<planning::ClockWindow>> window_of(wanted.size());
    bool any_window = false;
    int start_clock_min = 0;
    if (!options.window_field.empty()) {
        const auto start = planning::parse_clock_min(options.start_time);
        if (!start) throw BadInput("start time '" + options.start_time + "' is not HH:MM");
        start_clock_min = *start;
        for (std::size_t k = 0; k < wanted.size(); ++k) {
            window_of[k] = building_window(district.buildings[wanted[k]], options.window_field);
            any_window = any_window || window_of[k].has_value();
        }
    }
    for (const std::size_t b : wanted) plan.priority_candidates += priorities[b].priority;

    // Snap the post and the candidates; the matrix is among them, the post first.
    const Snapper snapper(graph, Profile::walking);
    std::vector<SnappedPoint> snapped;
    snapped.push_back(snapper.snap(post));
    for (const std::size_t b : wanted) snapped.push_back(snapper.snap(district.buildings[b].location));
    const CostMatrix matrix = many_to_many(graph, Profile::walking, snapped, snapped);

    // Problem nodes: the post (0), then each candidate the post reaches both ways.
    std::vector<std::size_t> node_point = {0};  // node -> row of `snapped`
    for (std::size_t j = 1; j < snapped.size(); ++j) {
        std::optional<LeftOutKind> why;
        if (!snapped[0].valid() || !snapped[j].valid())
            why = LeftOutKind::no_walkable_road;
        else if (!(matrix.time(0, j) < unreachable_time_s && matrix.time(j, 0) < unreachable_time_s))
            why = matrix.time(0, j) < unreachable_time_s ? LeftOutKind::walk_back_cut_off : LeftOutKind::not_reachable;
        if (!why) {
            node_point.push_back(j);
            continue;
        }
        if (j <= pins.size()) throw BadInput("pinned building '" + district.buildings[wanted[j - 1]].id + "': " + english({*why, {}}));
        plan.unreachable.push_back({district.buildings[wanted[j - 1]].id, {*why, {}}});
    }

    // Off-road access: from a building (or the post) to its road, at walking speed, both ends of a leg.
    const auto access_s = [&](std::size_t point) { return snapped[point].distance_m / walking_speed_mps; };
    planning::PrizeVrpProblem problem;
    const std::size_t n = node_point.size();
    problem.time_min.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (i != j)
                problem.time_min[i * n + j] =
                    (matrix.time(node_point[i], node_point[j]) + access_s(node_point[i]) + access_s(node_point[j])) / 60.0;
    problem.prize.assign(n, 0.0);
    problem.service_min.assign(n, 0.0);
    for (std::size_t i = 1; i < n; ++i) {
        const std::size_t b = wanted[node_point[i] - 1];
        problem.prize[i] = priorities[b].priority;
        problem.service_min[i] = priorities[b].service_min;
    }
    if (!pins.empty()) {
        problem.pinned_day.assign(n, -1);
        for (std::size_t i = 1; i < n && node_point[i] <= pins.size(); ++i) problem.pinned_day[i] = pins[node_point[i] - 1].second;
    }
    if (any_window) {
        problem.earliest_min.assign(n, 0.0);
        problem.latest_min.assign(n, planning::no_window_latest_min);
        for (std::size_t i = 1; i < n; ++i)
            if (const auto& w = window_of[node_point[i] - 1]) {
                problem.earliest_min[i] = w->begin_min - start_clock_min;
                problem.latest_min[i] = w->end_min - start_clock_min;
            }
    }
    problem.day_limit_min.assign(static_cast<std::size_t>(options.working_days), hours * 60.0);
    std::vector<std::vector<int>> solution_days;  // problem nodes per day, in visiting order
    try {
        if (every_stop) {
            planning::EveryStopSolution solution =
                planning::serve_every_stop(problem, {options.seed, options.time_budget_s, options.max_rounds});
            solution_days = std::move(solution.days);
            for (const planning::UnservedNode& u : solution.unserved)
                plan.unserved.push_back({district.buildings[wanted[node_point[static_cast<std::size_t>(u.node)] - 1]].id, u.why});
        } else {
            solution_days = planning::solve_prize_vrp(problem, {options.seed, options.time_budget_s, options.max_rounds}).days;
        }
    } catch (const BadInput& e) {
        throw BadInput(fmt::format("officer {}: {}", officer.id, e.what()));
    }

    const std::string& zone = district.metadata.timezone;
    for (std::size_t d = 0; d < solution_days.size(); ++d) {
        DayRoute route;
        route.officer_id = officer.id;
        route.officer_name = officer.name;
        // Noon of the day: its date whatever a DST change does to midnight.
        const Timestamp noon = week.from + std::chrono::days{d} + std::chrono::hours{12};
        route.date = format_local(noon, zone, "%Y-%m-%d");
        route.weekday = weekday_zh[d];
        route.start_time = options.start_time;
        route.post = post;
        route.post_name = officer.post_site_id.empty() ? officer.name + " 岗位" : officer.post_site_id;
        for (const Site& site : district.sites)
            if (site.id == officer.post_site_id && !site.name.empty()) route.post_name = site.name;

        const std::vector<int>& stops = solution_days[d];
        double clock_min = 0, priority = 0;
        int at = 0;
        const auto walk = [&](int from, int to) {
            const std::size_t pf = node_point[static_cast<std::size_t>(from)], pt = node_point[static_cast<std::size_t>(to)];
            const XY from_xy = from == 0 ? post : district.buildings[wanted[pf - 1]].location;
            const XY to_xy = to == 0 ? post : district.buildings[wanted[pt - 1]].location;
            const Route leg = shortest_route(graph, Profile::walking, snapped[pf], snapped[pt]);
            append(route.path, from_xy);
            for (const XY& p : leg.geometry) append(route.path, p);
            append(route.path, to_xy);
            route.distance_m += matrix.length(pf, pt) + snapped[pf].distance_m + snapped[pt].distance_m;
            clock_min += problem.time(from, to);
        };
        for (const int v : stops) {
            walk(at, v);
            if (problem.has_windows()) clock_min = std::max(clock_min, problem.earliest(v));  // wait for the window
            const std::size_t candidate = node_point[static_cast<std::size_t>(v)] - 1;
            const std::size_t b = wanted[candidate];
            const Building& building = district.buildings[b];
            const Neighbourhood& hood = district.neighbourhoods[hood_of.at(building.neighbourhood_id)];
            const BuildingPriority& bp = priorities[b];
            const VisitBrief brief = visit_brief(building, bp.has_poster, bp.has_contact_card, young_share(hood), bp.recent_types);
            RouteStop stop;
            stop.building_id = building.id;
            stop.address = building.address;
            stop.neighbourhood = hood.name;
            stop.households = building.households;
            stop.reasons = brief.reasons;
            stop.talking_points = brief.talking_points;
            stop.location = building.location;
            stop.arrival_min = clock_min;
            stop.service_min = bp.service_min;
            if (window_of[candidate]) stop.window = planning::format_clock_window(*window_of[candidate]);
            route.stops.push_back(std::move(stop));
            clock_min += bp.service_min;
            priority += bp.priority;
            at = v;
        }
        if (!stops.empty()) walk(at, 0);
        route.duration_min = clock_min;
        plan.days.push_back(std::move(route));
        plan.day_priority.push_back(priority);
        plan.priority_visited += priority;
    }
    return plan;
}

}  // namespace geo
