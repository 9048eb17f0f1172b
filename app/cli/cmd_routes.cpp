// patrolmap routes WS --week 2021-W24 [--officer ID] [--hours-per-day H] [--seed N] [--time S]
// [--window-field FIELD] [--every-stop CSV] [--every FLAG] [--no-issue] --out DIR: each officer's
// visits for the week (geo/planning/week_plan.h), per officer and day DIR/<officer>-<date>.pdf
// (the route sheet), .gpx and .geojson, and a table of the days. The printed plans are issued:
// kept in the workspace for the progress board (`patrolmap progress`), replacing earlier ones of
// that week. With --every-stop or --every the plan serves every listed building in the fewest
// days, then the least walking (issue 16), instead of choosing by priority.
#include <filesystem>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/stop_list_csv.h"
#include "geo/io/workspace_store.h"
#include "geo/network/road_graph.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/must_visit.h"
#include "geo/planning/visit_log.h"
#include "geo/planning/visit_priority.h"
#include "geo/planning/week_plan.h"
#include "geo/report/route_exports.h"
#include "geo/report/route_sheet.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, week, officer, out;
    std::string window_field;  // building field with a visit window "HH:MM-HH:MM"; empty: none
    double hours_per_day = 0;  // 0: weekly_hours / 5
    std::uint64_t seed = 1;
    double time_s = 2.0;
    bool no_issue = false;
    std::string every_stop_csv;  // buildings that must all be visited; empty: none
    std::string every_flag;      // elderly_alone, past_victim or no_app; empty: none
};

// Every-stop plans: the buildings each planned officer must visit, from --every-stop's list (each
// building going to its neighbourhood's officer) and --every's flag (the officers' own
// buildings). Officers left without a building are dropped when only a list was given.
std::map<std::string, std::vector<std::string>> every_stop_lists(const Args& a, const geo::District& d,
                                                                 std::vector<std::string>& officers) {
    std::map<std::string, std::string> officer_of_hood;
    for (const geo::Neighbourhood& n : d.neighbourhoods) officer_of_hood[n.id] = n.officer_id;
    std::map<std::string, std::vector<std::string>> lists;
    for (const std::string& o : officers) lists[o];
    if (!a.every_stop_csv.empty()) {
        std::map<std::string, const geo::Building*> building_of;
        for (const geo::Building& b : d.buildings) building_of[b.id] = &b;
        for (const geo::ListedStop& stop : geo::read_stop_list_csv(a.every_stop_csv, d)) {
            const geo::Building& b = *building_of.at(stop.building_id);
            const std::string owner = officer_of_hood.contains(b.neighbourhood_id) ? officer_of_hood[b.neighbourhood_id] : "";
            if (!lists.contains(owner))
                throw geo::BadInput(
                    owner.empty() ? fmt::format("{}: building '{}' is in neighbourhood '{}', which no officer has", stop.where, b.id,
                                                b.neighbourhood_id)
                                  : fmt::format("{}: building '{}' is in neighbourhood '{}' of officer {}, not of {}", stop.where, b.id,
                                                b.neighbourhood_id, owner, a.officer));
            lists[owner].push_back(b.id);
        }
    }
    if (!a.every_flag.empty()) {
        const auto flag = geo::parse_visit_flag(a.every_flag);
        if (!flag) throw geo::BadInput("--every '" + a.every_flag + "' is not elderly_alone, past_victim or no_app");
        for (auto& [officer, ids] : lists)  // plan_week lists a building once
            for (std::string& id : geo::flagged_buildings_of(d, officer, *flag)) ids.push_back(std::move(id));
    } else if (a.officer.empty()) {
        std::erase_if(officers, [&](const std::string& o) { return lists[o].empty(); });
        std::erase_if(lists, [](const auto& entry) { return entry.second.empty(); });
    }
    return lists;
}

// "served all 23 stops in 3 of 5 days", and the stops left out, by id, with why.
void report_every_stop(const std::string& officer, const geo::WeekPlan& plan) {
    const geo::EveryStopSummary s = geo::every_stop_summary(plan);
    if (s.all_served() && s.served == 1)
        std::cout << fmt::format("officer {}: served its one stop in {} of {} days\n", officer, s.days_used, s.days);
    else if (s.all_served())
        std::cout << fmt::format("officer {}: served all {} stops in {} of {} days\n", officer, s.served, s.days_used, s.days);
    else
        std::cout << fmt::format("officer {}: served {} of {} stops in {} of {} days; {} could not be planned (named on stderr)\n", officer,
                                 s.served, s.listed, s.days_used, s.days, s.listed - s.served);
    for (const auto& u : plan.unserved)
        std::cerr << fmt::format("officer {}: building {} not served: {}\n", officer, u.building_id, geo::english(u.why));
}

int run(const Args& a) {
    geo::District d = geo::read_district(a.workspace);
    const geo::VisitTables read{d.planned_visits, d.visits};  // what this run read, for the merge
    const auto week = geo::parse_iso_week(a.week, d.metadata.timezone);
    if (!week) throw geo::BadInput("--week '" + a.week + "' is not an ISO week such as 2021-W24");
    std::vector<std::string> officers;
    for (const geo::Officer& o : d.officers)
        if (a.officer.empty() || o.id == a.officer) officers.push_back(o.id);
    if (officers.empty())
        throw geo::BadInput(a.officer.empty() ? std::string("the workspace has no officers to plan for")
                                              : "--officer '" + a.officer + "' is not an officer of the workspace");
    if (a.hours_per_day < 0) throw geo::BadInput(fmt::format("--hours-per-day {} is negative", a.hours_per_day));
    if (a.time_s < 0) throw geo::BadInput(fmt::format("--time {} is negative", a.time_s));
    const bool every_stop = !a.every_stop_csv.empty() || !a.every_flag.empty();
    std::map<std::string, std::vector<std::string>> every_stop_of;  // officer -> buildings
    if (every_stop) every_stop_of = every_stop_lists(a, d, officers);
    if (officers.empty()) throw geo::BadInput("--every-stop " + a.every_stop_csv + " lists no building");

    const std::filesystem::path dir = a.out;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw geo::BadInput("--out " + a.out + ": cannot create the folder (" + ec.message() + ")");

    std::cerr << "building the walking graph and this week's priorities\n";
    const geo::RoadGraph graph = geo::build_road_graph(d.roads);
    const auto priorities = geo::visit_priorities(d, week->from);

    geo::WeekPlanOptions options;
    if (a.hours_per_day > 0) options.hours_per_day = a.hours_per_day;
    options.seed = a.seed;
    options.time_budget_s = a.time_s;
    options.max_rounds = 0;  // until --time
    options.window_field = a.window_field;

    std::cout << fmt::format("{:<8} {:<10} {:<6} {:>5} {:>9} {:>6} {:>6}\n", "officer", "date", "day", "stops", "priority",
                             "km", "hours");
    ProgressLine progress("planning");
    std::size_t files = 0;
    for (std::size_t k = 0; k < officers.size(); ++k) {
        progress.update(k, officers.size());
        if (every_stop) options.every_stop = every_stop_of.at(officers[k]);
        const geo::WeekPlan plan = geo::plan_week(d, graph, priorities, officers[k], *week, options);
        geo::issue_week_plan(d.planned_visits, d, plan, officers[k], a.week, priorities);
        for (const auto& u : plan.unreachable)
            std::cerr << fmt::format("officer {}: building {} left out: {}\n", officers[k], u.building_id, geo::english(u.why));
        if (plan.left_out_by_cap > 0)
            std::cerr << fmt::format("officer {}: {} lower-priority buildings beyond the {} candidates not planned\n", officers[k],
                                     plan.left_out_by_cap, options.max_candidates);
        for (std::size_t day = 0; day < plan.days.size(); ++day) {
            const geo::DayRoute& r = plan.days[day];
            std::cout << fmt::format("{:<8} {:<10} {} {:>5} {:>9.1f} {:>6.2f} {:>6.2f}\n", r.officer_id, r.date, pad(r.weekday, 6),
                                     r.stops.size(), plan.day_priority[day], r.distance_m / 1000, r.duration_min / 60);
            if (r.stops.empty()) continue;
            const std::string stem = r.officer_id + "-" + r.date;
            geo::write_route_sheet_pdf(r, d, dir / (stem + ".pdf"));
            geo::write_route_gpx(r, d.metadata.crs, dir / (stem + ".gpx"));
            geo::write_route_geojson(r, d.metadata.crs, dir / (stem + ".geojson"));
            files += 3;
        }
        if (every_stop) report_every_stop(officers[k], plan);
    }
    progress.update(officers.size(), officers.size());
    progress.finish();
    note() << fmt::format("wrote {} files to {}\n", files, dir.string());
    if (!a.no_issue) {
        // After every sheet is written: a failed run issues nothing.
        geo::commit_visits(a.workspace, read, {d.planned_visits, d.visits});
        note() << fmt::format("issued the week's plan in {} (see patrolmap progress --week {})\n", a.workspace, a.week);
    }
    return 0;
}

}  // namespace

void add_routes_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("routes", "Weekly visit routes per officer and day: route sheet PDF, GPX and GeoJSON");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--week", a->week, "ISO week to plan, e.g. 2021-W24 (workspace time zone)")->required();
    cmd->add_option("--officer", a->officer, "Plan for this officer only (default: every officer)");
    cmd->add_option("--hours-per-day", a->hours_per_day, "Hours of visits per working day (default: weekly_hours / 5)");
    cmd->add_option("--seed", a->seed, "Seed of the solver's random choices")->capture_default_str();
    cmd->add_option("--time", a->time_s, "Seconds of improvement per officer (0: construction and local search only)")
        ->capture_default_str();
    cmd->add_option("--window-field", a->window_field,
                    "Building field holding a visit window 'HH:MM-HH:MM' (local time); visits begin within it");
    cmd->add_option("--every-stop", a->every_stop_csv,
                    "CSV with a building_id column: plan to visit every one (fewest days, then least walking)");
    cmd->add_option("--every", a->every_flag, "Plan to visit every building of the officer's neighbourhoods with this flag")
        ->check(CLI::IsMember({"elderly_alone", "past_victim", "no_app"}));
    cmd->add_flag("--no-issue", a->no_issue, "Do not keep the plan in the workspace for the progress board (a draft)");
    cmd->add_option("--out", a->out, "Folder for <officer>-<date>.pdf, .gpx and .geojson")->required();
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
