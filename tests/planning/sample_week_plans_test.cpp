// The weekly plans of the sample are at least as good as the ones it was issued (issue 16): the
// sample carries week 2021-W24's plan for every officer, made by the planner when the sample was
// generated (data/generator/patrol_tracks.cpp, same options and seed). Planned again today, each
// officer's week must cover at least the priority those plans cover and keep every day within
// the officer's hours, so a change to the routing core that makes a plan worse fails here.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "data/generator/jiangnan.h"
#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/visit_log.h"
#include "geo/planning/visit_priority.h"
#include "geo/planning/week_plan.h"
#include "tests/common/fixtures.h"

using namespace geo;

TEST_CASE("sample: every officer's W24 plan covers at least the priority of the plan the sample was issued") {
    const District d = read_district(test::source_dir() / "data/jiangnan.gpkg");
    const RoadGraph graph = build_road_graph(d.roads);
    const auto week = parse_iso_week("2021-W24", d.metadata.timezone);
    REQUIRE(week);
    const auto priorities = visit_priorities(d, week->from);
    WeekPlanOptions options;  // as the generator planned
    options.time_budget_s = 0;
    options.max_rounds = 30;
    options.seed = sample::kDefaultSeed;

    REQUIRE(d.officers.size() == 12);
    for (const Officer& officer : d.officers) {
        CAPTURE(officer.id);
        const std::vector<PlannedVisit> issued = issued_plan(d.planned_visits, officer.id, "2021-W24");
        REQUIRE_FALSE(issued.empty());
        double issued_priority = 0;
        for (const auto& v : issued) issued_priority += v.priority;

        const WeekPlan plan = plan_week(d, graph, priorities, officer.id, *week, options);
        // Issued plans keep each stop's priority to a millionth (a PostGIS double's digits).
        CHECK(plan.priority_visited >= issued_priority - 1e-6 * static_cast<double>(issued.size()));
        std::set<std::string> stops;
        for (const auto& day : plan.days) {
            CHECK(day.duration_min <= plan.hours_per_day * 60 + 1e-6);
            for (const auto& s : day.stops) CHECK(stops.insert(s.building_id).second);
        }
    }
}
