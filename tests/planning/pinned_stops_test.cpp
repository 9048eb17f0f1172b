// Stops pinned to a day (locked by the dispatcher): visited on that day whatever the seed or the
// rest of the plan, and bad input, naming the day, when they cannot fit it.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>

#include "geo/planning/iso_week.h"
#include "geo/planning/prize_vrp.h"
#include "geo/planning/week_plan.h"
#include "geo/util/error.h"
#include "tests/planning/street_district.h"

using namespace geo;
using planning::PrizeVrpProblem;
using planning::solve_prize_vrp;

namespace {

const TimeWindow week_24 = *parse_iso_week("2021-W24", "Asia/Shanghai");

// Post 0 and stops 1..4 on a line, 10 min apart (1 nearest); prizes 4, 3, 2 and 0.
PrizeVrpProblem line_problem(std::vector<double> limits) {
    PrizeVrpProblem p;
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) p.time_min.push_back(10.0 * std::abs(i - j));
    p.prize = {0, 4, 3, 2, 0};
    p.service_min = {0, 5, 5, 5, 5};
    p.day_limit_min = std::move(limits);
    return p;
}

int day_of(const planning::PrizeVrpSolution& s, int node) {
    for (std::size_t d = 0; d < s.days.size(); ++d)
        if (std::find(s.days[d].begin(), s.days[d].end(), node) != s.days[d].end()) return static_cast<int>(d);
    return -1;
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const BadInput& e) {
        return e.what();
    }
    return "(no BadInput)";
}

WeekPlanOptions street_options(double hours, int days, std::uint64_t seed = 1) {
    WeekPlanOptions options;
    options.hours_per_day = hours;
    options.working_days = days;
    options.seed = seed;
    options.time_budget_s = 0;
    options.max_rounds = 30;
    return options;
}

WeekPlan plan_street(const District& d, const WeekPlanOptions& options) {
    const RoadGraph graph = build_road_graph(d.roads);
    return plan_week(d, graph, visit_priorities(d, week_24.from), "O1", week_24, options);
}

std::string day_of(const WeekPlan& plan, const std::string& building) {
    for (const auto& day : plan.days)
        for (const auto& s : day.stops)
            if (s.building_id == building) return day.weekday;
    return "(not visited)";
}

}  // namespace

TEST_CASE("a pinned stop stays on its day whatever the seed, even without a prize") {
    // Two days of 100 min. 3 is pinned to day 1 and 4 (no prize, 40 min out) to day 2; 1 and 2
    // fit around them (1, 2, 3 take 75 min), so the plan collects every prize.
    PrizeVrpProblem p = line_problem({100, 100});
    p.pinned_day = {-1, -1, -1, 0, 1};
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const auto s = solve_prize_vrp(p, {seed, 0, 40});
        CAPTURE(seed);
        CHECK(day_of(s, 3) == 0);
        CHECK(day_of(s, 4) == 1);
        CHECK(s.prize == doctest::Approx(9));  // 1 and 2 fit around them
        for (std::size_t d = 0; d < 2; ++d) CHECK(planning::day_time_min(p, s.days[d]) <= 100 + 1e-9);
    }
}

TEST_CASE("a pinned stop keeps its day although moving it would collect more") {
    // Day 1 has 25 min (1 alone takes 25), day 2 has 65 (2 alone 45, 3 alone 65, 1 and 2 50).
    // Free, the plan takes 1 then 2 (prize 7); 3 (prize 2) pinned to day 2 fills that day.
    PrizeVrpProblem p = line_problem({25, 65});
    p.pinned_day = {-1, -1, -1, -1, -1};
    CHECK(solve_prize_vrp(p, {1, 0, 20}).prize == doctest::Approx(4 + 3));
    p.pinned_day = {-1, -1, -1, 1, -1};
    const auto s = solve_prize_vrp(p, {1, 0, 20});
    CHECK(day_of(s, 3) == 1);
    CHECK(s.days[1] == std::vector<int>{3});
    CHECK(s.prize == doctest::Approx(2 + 4));
}

TEST_CASE("pinned stops that cannot fit their day are bad input naming the day and the minutes") {
    PrizeVrpProblem p = line_problem({100, 60});
    p.pinned_day = {-1, 1, -1, -1, 1};  // 1 and 4 on day 2: 0-1-4-0 takes 10+5+30+5+40 = 90 min
    const std::string why = message_of([&] { solve_prize_vrp(p); });
    CHECK(why.find("day 2") != std::string::npos);
    CHECK(why.find("90.0 min") != std::string::npos);
    CHECK(why.find("60.0 min") != std::string::npos);

    // Windows: 1 must begin by 12 min. 1 then 2 reaches 2 at 25 min, 2 then 1 reaches 1 at 35:
    // with 2 due by 25 only the first order works, with 2 due by 20 neither does.
    PrizeVrpProblem w = line_problem({100});
    w.pinned_day = {-1, 0, 0, -1, -1};
    w.earliest_min = {0, 0, 0, 0, 0};
    w.latest_min = {0, 12, 25, 100, 100};
    CHECK_NOTHROW(solve_prize_vrp(w, {1, 0, 5}));
    w.latest_min = {0, 12, 20, 100, 100};
    const std::string windows = message_of([&] { solve_prize_vrp(w); });
    CHECK(windows.find("day 1") != std::string::npos);
    CHECK(windows.find("time windows") != std::string::npos);

    PrizeVrpProblem bad_day = line_problem({100});
    bad_day.pinned_day = {-1, 1, -1, -1, -1};  // only day 0 exists
    CHECK_THROWS_AS(solve_prize_vrp(bad_day), BadInput);
}

TEST_CASE("the week plan visits pinned buildings on their day across re-plans") {
    const District d = test::street_district();
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        WeekPlanOptions options = street_options(1.0, 2, seed);
        options.pinned = {{"A", 1}};  // Tuesday
        const WeekPlan plan = plan_street(d, options);
        CAPTURE(seed);
        CHECK(day_of(plan, "A") == "周二");
        CHECK(plan.priority_visited == doctest::Approx(15));  // everything still fits
        // Re-plan with B pinned too, as the dispatcher locks one more stop.
        options.pinned.push_back({"B", 0});
        const WeekPlan again = plan_street(d, options);
        CHECK(day_of(again, "A") == "周二");
        CHECK(day_of(again, "B") == "周一");
    }
}

TEST_CASE("pinned buildings are candidates beyond the cap") {
    // Cap 1: A (8) alone would be planned; C (5) pinned joins it, B (2) is left out by the cap.
    const District d = test::street_district();
    WeekPlanOptions options = street_options(1.0, 2);
    options.max_candidates = 1;
    options.pinned = {{"C", 0}};
    const WeekPlan plan = plan_street(d, options);
    CHECK(plan.candidates == 2);
    CHECK(plan.left_out_by_cap == 1);
    CHECK(day_of(plan, "C") == "周一");
    CHECK(day_of(plan, "A") != "(not visited)");
    CHECK(day_of(plan, "B") == "(not visited)");
}

TEST_CASE("a bad pin is bad input naming the building") {
    District d = test::street_district();
    Neighbourhood other;
    other.id = "N2";
    other.officer_id = "O2";
    d.neighbourhoods.push_back(other);
    Building e = d.buildings[1];
    e.id = "E";
    e.neighbourhood_id = "N2";
    d.buildings.push_back(e);

    WeekPlanOptions options = street_options(1.0, 2);
    options.pinned = {{"Z9", 0}};
    CHECK(message_of([&] { plan_street(d, options); }).find("'Z9'") != std::string::npos);
    options.pinned = {{"E", 0}};
    CHECK(message_of([&] { plan_street(d, options); }).find("'E'") != std::string::npos);
    options.pinned = {{"B", 2}};  // two working days: 0 and 1
    const std::string day = message_of([&] { plan_street(d, options); });
    CHECK(day.find("'B'") != std::string::npos);
    CHECK(day.find("day 2") != std::string::npos);

    // A and C on one day of an hour: their tour takes 82 min.
    options.pinned = {{"A", 0}, {"C", 0}};
    const std::string full = message_of([&] { plan_street(d, options); });
    CHECK(full.find("day 1") != std::string::npos);
    CHECK(full.find("82.0 min") != std::string::npos);
    CHECK(full.find("60.0 min") != std::string::npos);
}
