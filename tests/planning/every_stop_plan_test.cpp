// Weekly planning when every listed stop must be served (issue 16's hierarchical mode): the
// fewest days, then the least walking, on the hand-made street of street_district.h where both
// can be worked out by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "geo/planning/iso_week.h"
#include "geo/planning/week_plan.h"
#include "geo/util/error.h"
#include "tests/planning/street_district.h"

using namespace geo;

namespace {

using test::street_district;

const TimeWindow week_24 = *parse_iso_week("2021-W24", "Asia/Shanghai");

WeekPlanOptions street_options(double hours_per_day, int days) {
    WeekPlanOptions options;
    options.hours_per_day = hours_per_day;
    options.working_days = days;
    options.time_budget_s = 0;
    options.max_rounds = 50;
    return options;
}

WeekPlan plan(const District& d, const WeekPlanOptions& options) {
    const RoadGraph graph = build_road_graph(d.roads);
    return plan_week(d, graph, visit_priorities(d, week_24.from), "O1", week_24, options);
}

std::multiset<std::string> served(const WeekPlan& p) {
    std::multiset<std::string> ids;
    for (const auto& day : p.days)
        for (const auto& s : day.stops) ids.insert(s.building_id);
    return ids;
}

double walked_m(const WeekPlan& p) {
    double m = 0;
    for (const auto& day : p.days) m += day.distance_m;
    return m;
}

}  // namespace

TEST_CASE("every stop served in the fewest days: one day when a day holds all three, the rest empty") {
    // All three in one tour P-A-B-C-P: 72 min of walking (6 km) and 3 visits, 87 min; 1.5 h a day
    // holds it.
    const District d = street_district();
    WeekPlanOptions options = street_options(1.5, 5);
    options.every_stop = std::vector<std::string>{"C", "A", "B"};
    const WeekPlan all = plan(d, options);

    REQUIRE(all.days.size() == 5);
    CHECK(served(all) == std::multiset<std::string>{"A", "B", "C"});
    CHECK(all.unserved.empty());
    CHECK(days_used(all) == 1);
    CHECK(!all.days[0].stops.empty());  // the used days come first
    CHECK(all.days[0].duration_min == doctest::Approx(87).epsilon(1e-6));
    CHECK(walked_m(all) == doctest::Approx(6000).epsilon(1e-6));
    CHECK(all.priority_visited == doctest::Approx(15));  // priorities reported as usual
    CHECK(all.priority_candidates == doctest::Approx(15));
}

TEST_CASE("with days fixed by the hours, the least walking: A alone and B with C") {
    // 1 h a day: no tour holds all three (87 min), so two days; A+B then C takes 58 + 53 = 111
    // min (8 km of walking), A then B+C 29 + 58 = 87 min (6 km).
    const District d = street_district();
    WeekPlanOptions options = street_options(1.0, 5);
    options.every_stop = std::vector<std::string>{"A", "B", "C"};
    const WeekPlan all = plan(d, options);
    CHECK(served(all) == std::multiset<std::string>{"A", "B", "C"});
    CHECK(days_used(all) == 2);
    CHECK(walked_m(all) == doctest::Approx(6000).epsilon(1e-6));
    for (const auto& day : all.days) CHECK(day.duration_min <= 60 + 1e-9);
}

TEST_CASE("an every-stop plan visits only the listed buildings, whatever their priority") {
    const District d = street_district();
    WeekPlanOptions options = street_options(1.0, 5);
    options.every_stop = std::vector<std::string>{"B", "B"};  // listed twice: visited once
    const WeekPlan p = plan(d, options);
    CHECK(served(p) == std::multiset<std::string>{"B"});
    CHECK(p.candidates == 1);
    CHECK(p.priority_visited == doctest::Approx(2));
}

TEST_CASE("stops the week cannot hold are reported by id with why, the rest served") {
    District d = street_district();
    // C's window closes 10 min into the day; the walk there takes 24.
    d.buildings[2].extras["visit_window"] = std::string("09:00-09:10");
    WeekPlanOptions options = street_options(1.0, 1);
    options.window_field = "visit_window";
    options.every_stop = std::vector<std::string>{"A", "B", "C"};
    const WeekPlan p = plan(d, options);
    REQUIRE(p.unserved.size() == 1);
    CHECK(p.unserved[0].building_id == "C");
    CHECK(english(p.unserved[0].why).find("window") != std::string::npos);
    // The kind and numbers the app words in its language; the CLI's text is their English.
    CHECK(p.unserved[0].why.kind == LeftOutKind::window_closes_early);
    REQUIRE(p.unserved[0].why.values.size() == 2);
    CHECK(p.unserved[0].why.values[0] == doctest::Approx(10));
    CHECK(p.unserved[0].why.values[1] > 10);
    CHECK(english(p.unserved[0].why).find("closes 10 min into the day") != std::string::npos);
    CHECK(served(p) == std::multiset<std::string>{"A", "B"});  // A+B: 58 min

    // Without the window, one day of 1 h cannot hold the three (87 min): one is left, said so.
    d.buildings[2].extras.clear();
    const WeekPlan short_week = plan(d, options);
    REQUIRE(short_week.unserved.size() == 1);
    CHECK(english(short_week.unserved[0].why).find("no room left in the 1 day ") != std::string::npos);
    CHECK(short_week.unserved[0].why.kind == LeftOutKind::no_room_left);
    CHECK(short_week.unserved[0].why.values == std::vector<double>{1});
    CHECK(served(short_week).size() == 2);
    CHECK(short_week.days[0].duration_min <= 60 + 1e-9);
}

TEST_CASE("an every-stop list naming an unknown building, another officer's, or pins is bad input") {
    District d = street_district();
    Neighbourhood other = d.neighbourhoods[0];
    other.id = "N2";
    other.officer_id = "O2";
    d.neighbourhoods.push_back(other);
    Building elsewhere = d.buildings[1];
    elsewhere.id = "E";
    elsewhere.neighbourhood_id = "N2";
    d.buildings.push_back(elsewhere);
    WeekPlanOptions options = street_options(1.0, 5);
    options.every_stop = std::vector<std::string>{"A", "Z"};
    CHECK_THROWS_WITH_AS(plan(d, options), doctest::Contains("'Z' is not in the workspace"), BadInput);
    options.every_stop = std::vector<std::string>{"A", "E"};
    CHECK_THROWS_WITH_AS(plan(d, options), doctest::Contains("'E' is in neighbourhood 'N2'"), BadInput);
    options.every_stop = std::vector<std::string>{"A"};
    options.pinned = {{"A", 0}};
    CHECK_THROWS_AS(plan(d, options), BadInput);
}
