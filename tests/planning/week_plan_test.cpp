// Weekly visit planning: the prize-collecting routing on hand-made streets where the best plan
// can be worked out by hand, and on the sample workspace for one officer.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/prize_vrp.h"
#include "geo/planning/week_plan.h"
#include "geo/util/error.h"
#include "tests/common/fixtures.h"
#include "tests/planning/street_district.h"

using namespace geo;

namespace {

using test::street_district;

const TimeWindow week_24 = *parse_iso_week("2021-W24", "Asia/Shanghai");

WeekPlan plan_street(double hours_per_day, int days, std::uint64_t seed = 1) {
    const District d = street_district();
    const RoadGraph graph = build_road_graph(d.roads);
    WeekPlanOptions options;
    options.hours_per_day = hours_per_day;
    options.working_days = days;
    options.seed = seed;
    options.time_budget_s = 0;
    options.max_rounds = 50;
    return plan_week(d, graph, visit_priorities(d, week_24.from), "O1", week_24, options);
}

std::vector<std::string> stop_ids(const WeekPlan& plan) {
    std::vector<std::string> ids;
    for (const auto& day : plan.days)
        for (const auto& s : day.stops) ids.push_back(day.date + " " + s.building_id);
    return ids;
}

}  // namespace

TEST_CASE("an ISO week label names Monday to Monday in the workspace's zone") {
    const auto w = parse_iso_week("2021-W24", "Asia/Shanghai");
    REQUIRE(w);
    // Monday 14 June 2021 00:00 in Shanghai (UTC+8) is 13 June 16:00 UTC.
    CHECK(w->from == Timestamp{std::chrono::sys_days{std::chrono::year{2021} / 6 / 13} + std::chrono::hours{16}});
    CHECK(w->to - w->from == std::chrono::hours{24 * 7});
    CHECK(parse_iso_week("2020-W53", "Asia/Shanghai"));
    CHECK_FALSE(parse_iso_week("2021-W53", "Asia/Shanghai"));  // 2021 has 52 weeks
    CHECK_FALSE(parse_iso_week("2021-24", "Asia/Shanghai"));
    CHECK_FALSE(parse_iso_week("2021-W00", "Asia/Shanghai"));
}

TEST_CASE("with time for one short tour the highest-priority stop is chosen") {
    // 40 min: A alone (8) or B alone (2); every pair takes 58 min or more.
    const WeekPlan plan = plan_street(40.0 / 60, 1);
    REQUIRE(plan.days.size() == 1);
    REQUIRE(plan.days[0].stops.size() == 1);
    CHECK(plan.days[0].stops[0].building_id == "A");
    CHECK(plan.priority_visited == doctest::Approx(8));
    CHECK(plan.days[0].duration_min == doctest::Approx(29).epsilon(1e-6));
    CHECK(plan.days[0].distance_m == doctest::Approx(2000).epsilon(1e-6));
    CHECK(plan.days[0].stops[0].arrival_min == doctest::Approx(12).epsilon(1e-6));
}

TEST_CASE("one hour a day: the best pair, and two days visit every stop once within the hours") {
    // One day of 60 min: A+B (10) beats B+C (7) and A alone (8).
    const WeekPlan one = plan_street(1.0, 1);
    CHECK(one.priority_visited == doctest::Approx(10));
    CHECK(one.days[0].duration_min <= 60 + 1e-9);

    // Two days of 60 min: everything fits (A+B and C, or A and B+C): 15.
    const WeekPlan two = plan_street(1.0, 2);
    CHECK(two.priority_visited == doctest::Approx(15));
    std::multiset<std::string> seen;
    for (const auto& day : two.days) {
        CHECK(day.duration_min <= 60 + 1e-9);
        CHECK(day.weekday == (&day == &two.days[0] ? "周一" : "周二"));
        for (const auto& s : day.stops) seen.insert(s.building_id);
        // A tour starts and ends at the post.
        REQUIRE_FALSE(day.path.empty());
        CHECK(day.path.front().x == 0);
        CHECK(day.path.back().x == 0);
    }
    CHECK(seen == std::multiset<std::string>{"A", "B", "C"});
    CHECK(two.days[0].date == "2021-06-14");
    CHECK(two.days[1].date == "2021-06-15");
}

TEST_CASE("the plan is the same for the same seed") {
    CHECK(stop_ids(plan_street(1.0, 2, 7)) == stop_ids(plan_street(1.0, 2, 7)));
}

TEST_CASE("a stop on a street cut off from the post is reported, not dropped silently") {
    District d = street_district();
    Building far = d.buildings[0];
    far.id = "D";
    far.location = {5000, 5000};
    d.buildings.push_back(far);
    Road island;
    island.id = "R9";
    island.line = {{{4900, 5000}, {5100, 5000}}};
    d.roads.push_back(island);
    const RoadGraph graph = build_road_graph(d.roads);
    WeekPlanOptions options;
    options.hours_per_day = 1.0;
    options.time_budget_s = 0;
    options.max_rounds = 10;
    const WeekPlan plan = plan_week(d, graph, visit_priorities(d, week_24.from), "O1", week_24, options);
    REQUIRE(plan.unreachable.size() == 1);
    CHECK(plan.unreachable[0].building_id == "D");
    CHECK(plan.candidates == 4);
}

TEST_CASE("an unknown officer is bad input") {
    const District d = street_district();
    const RoadGraph graph = build_road_graph(d.roads);
    CHECK_THROWS_AS(plan_week(d, graph, visit_priorities(d, week_24.from), "O9", week_24), BadInput);
}

TEST_CASE("the solver picks the best prize on a hand-made matrix where greedy ratio fails") {
    // Post 0 and stops 1..3; limit 10 min, no service. Stop 1 is cheap and small (ratio 1/2 per
    // min); stops 2 and 3 sit together 5 min out: 0->2->3->0 = 5+0+5 = 10 (prize 4 + 4).
    // Greedy takes 1 first (0->1->0 = 2 min, prize 1 / 2 min beats 4 / 10 min), after which
    // 2 and 3 no longer fit; the optimum is {2, 3} with prize 8.
    planning::PrizeVrpProblem p;
    const double t[4][4] = {{0, 1, 5, 5}, {1, 0, 6, 6}, {5, 6, 0, 0}, {5, 6, 0, 0}};
    for (const auto& row : t) p.time_min.insert(p.time_min.end(), std::begin(row), std::end(row));
    p.prize = {0, 1, 4, 4};
    p.service_min = {0, 0, 0, 0};
    p.day_limit_min = {10};
    const auto s = planning::solve_prize_vrp(p, {3, 0, 50});
    CHECK(s.prize == doctest::Approx(8));
    REQUIRE(s.days.size() == 1);
    CHECK(planning::day_time_min(p, s.days[0]) <= 10 + 1e-9);
}

TEST_CASE("sample workspace: one officer's week stays within the hours and in the officer's neighbourhoods") {
    const District d = read_district(test::source_dir() / "data/jiangnan.gpkg");
    const RoadGraph graph = build_road_graph(d.roads);
    const auto week = parse_iso_week("2021-W24", d.metadata.timezone);
    REQUIRE(week);
    const Officer& officer = d.officers.front();
    std::set<std::string> hoods;
    for (const auto& n : d.neighbourhoods)
        if (n.officer_id == officer.id) hoods.insert(n.id);
    std::map<std::string, std::string> hood_of_building;
    for (const auto& b : d.buildings) hood_of_building[b.id] = b.neighbourhood_id;

    WeekPlanOptions options;
    options.time_budget_s = 0;
    options.max_rounds = 10;
    const WeekPlan plan = plan_week(d, graph, visit_priorities(d, week->from), officer.id, *week, options);
    REQUIRE(plan.days.size() == 5);
    CHECK(plan.priority_visited > 0);
    std::set<std::string> seen;
    for (const auto& day : plan.days) {
        CHECK(day.duration_min <= plan.hours_per_day * 60 + 1e-6);
        for (const auto& s : day.stops) {
            CHECK(hoods.contains(hood_of_building.at(s.building_id)));
            CHECK(seen.insert(s.building_id).second);  // once in the week
            CHECK_FALSE(s.reasons.empty());
        }
    }
}
