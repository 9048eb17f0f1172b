// Visit windows read from a building field ("14:00-17:30"), and what they do to the week plan
// on the hand-made street (tests/planning/street_district.h).
#include <doctest/doctest.h>

#include <string>

#include "geo/planning/iso_week.h"
#include "geo/planning/visit_window.h"
#include "geo/planning/week_plan.h"
#include "geo/util/error.h"
#include "tests/planning/street_district.h"

using namespace geo;
using planning::parse_clock_window;

namespace {

const TimeWindow week_24 = *parse_iso_week("2021-W24", "Asia/Shanghai");

WeekPlan plan_with_window(const std::string& a_window, double hours) {
    District d = test::street_district();
    d.buildings[0].extras["visit_window"] = a_window;
    const RoadGraph graph = build_road_graph(d.roads);
    WeekPlanOptions options;
    options.hours_per_day = hours;
    options.working_days = 1;
    options.time_budget_s = 0;
    options.max_rounds = 20;
    options.window_field = "visit_window";
    return plan_week(d, graph, visit_priorities(d, week_24.from), "O1", week_24, options);
}

}  // namespace

TEST_CASE("a visit window reads as HH:MM-HH:MM and nothing else") {
    const auto w = parse_clock_window("14:00-17:30");
    REQUIRE(w);
    CHECK(w->begin_min == 14 * 60);
    CHECK(w->end_min == 17 * 60 + 30);
    CHECK(parse_clock_window(" 9:05 - 10:00 ")->begin_min == 9 * 60 + 5);
    CHECK(parse_clock_window("00:00-24:00")->end_min == 24 * 60);
    CHECK(parse_clock_window("17:00-09:00"));  // parses; the planner reports it as ending before it begins
    for (const char* bad : {"", "14:00", "25:00-26:00", "14:60-15:00", "14:0-15:00", "2pm-5pm", "14:00-17:30x", "14-17", "24:30-24:45"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_clock_window(bad));
    }
    CHECK(planning::format_clock_window({9 * 60 + 5, 17 * 60}) == "09:05-17:00");
}

TEST_CASE("an officer who arrives before the window waits, and the wait counts in the day") {
    // A is 12 min from the post; its window is 09:30-09:35 (half an hour after the 09:00 start):
    // arrive 09:12, wait until 09:30, visit 5 min, back at 09:47. B as well no longer fits the
    // hour: first, it makes A late (09:41); after A, the walk ends at 10:16.
    const WeekPlan plan = plan_with_window("09:30-09:35", 1.0);
    REQUIRE(plan.days[0].stops.size() >= 1);
    const RouteStop& a = plan.days[0].stops[0];
    REQUIRE(a.building_id == "A");
    CHECK(a.arrival_min == doctest::Approx(30).epsilon(1e-6));
    CHECK(a.window == "09:30-09:35");
    CHECK(plan.days[0].duration_min == doctest::Approx(47).epsilon(1e-6));

    // 40 min a day: A alone took 29 without its window; with the wait it takes 47, so B (29) goes instead.
    const WeekPlan short_day = plan_with_window("09:30-10:00", 40.0 / 60);
    REQUIRE(short_day.days[0].stops.size() == 1);
    CHECK(short_day.days[0].stops[0].building_id == "B");
    CHECK(short_day.days[0].stops[0].window.empty());

    // A window closed before the officer can get there: A is not visited.
    const WeekPlan closed = plan_with_window("09:00-09:10", 1.0);
    for (const auto& s : closed.days[0].stops) CHECK(s.building_id != "A");

    // An empty value is no window.
    CHECK(plan_with_window("", 40.0 / 60).days[0].stops[0].building_id == "A");
}

TEST_CASE("a malformed window field is bad input naming the building, the field and the value") {
    for (const char* bad : {"9h30", "10:00-09:30"}) {
        CAPTURE(bad);
        try {
            plan_with_window(bad, 1.0);
            FAIL("no error");
        } catch (const BadInput& e) {
            const std::string why = e.what();
            CHECK(why.find("building A") != std::string::npos);
            CHECK(why.find("visit_window") != std::string::npos);
            CHECK(why.find(bad) != std::string::npos);
        }
    }
}
