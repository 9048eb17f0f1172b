// The visit record and the weekly progress board: issuing a plan replaces only that officer's
// week, visits are not counted twice, and completion counts what was planned and done.
#include <doctest/doctest.h>

#include "geo/planning/completion.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/visit_log.h"

using namespace geo;

namespace {

WeekPlan plan_with(const std::vector<std::pair<std::string, std::vector<std::string>>>& days) {
    WeekPlan plan;
    for (const auto& [date, stops] : days) {
        DayRoute r;
        r.date = date;
        for (const auto& id : stops) {
            RouteStop stop;
            stop.building_id = id;
            r.stops.push_back(stop);
        }
        plan.days.push_back(r);
    }
    return plan;
}

District two_officers() {
    District d;
    d.metadata.timezone = "Asia/Shanghai";
    for (const auto& [id, name] : {std::pair{"P1", "甲"}, std::pair{"P2", "乙"}}) {
        Officer o;
        o.id = id;
        o.name = name;
        d.officers.push_back(o);
        Neighbourhood n;
        n.id = std::string("N") + (id + 1);  // P1 answers for N1, P2 for N2
        n.officer_id = id;
        d.neighbourhoods.push_back(n);
    }
    const auto building = [&](const char* id, const char* neighbourhood, std::int64_t households) {
        Building b;
        b.id = id;
        b.neighbourhood_id = neighbourhood;
        b.households = households;
        d.buildings.push_back(b);
    };
    for (const char* id : {"B1", "B2", "B3", "B4"}) building(id, "N1", 10);
    building("B9", "N2", 7);
    return d;
}

}  // namespace

TEST_CASE("issuing a week's plan replaces that officer's week only, with the priorities it was made with") {
    District d = two_officers();
    std::vector<BuildingPriority> priorities(d.buildings.size());
    priorities[0].priority = 5;
    priorities[1].priority = 3;
    std::vector<PlannedVisit> planned = {{"P1", "2021-W23", "2021-06-07", 1, "B4", 1}, {"P2", "2021-W24", "2021-06-14", 1, "B9", 2},
                                         {"P1", "2021-W24", "2021-06-14", 1, "B3", 9}};
    issue_week_plan(planned, d, plan_with({{"2021-06-14", {"B2", "B1"}}, {"2021-06-15", {}}}), "P1", "2021-W24", priorities);
    REQUIRE(planned.size() == 4);  // the old W24 plan of P1 (B3) is gone; W23 and P2 stay
    const auto issued = issued_plan(planned, "P1", "2021-W24");
    REQUIRE(issued.size() == 2);
    CHECK(issued[0].building_id == "B2");
    CHECK(issued[0].order == 1);
    CHECK(issued[0].priority == 3);
    CHECK(issued[1].building_id == "B1");
    CHECK(issued[1].priority == 5);
    CHECK(issued_plan(planned, "P1", "2021-W23").size() == 1);
    CHECK(issued_plan(planned, "P2", "2021-W24").size() == 1);
}

TEST_CASE("visits are recorded once per building and day, and can be taken back") {
    std::vector<VisitRecord> visits;
    CHECK(add_visits(visits, {{"B1", "2021-06-14", "P1", "app", "t"}, {"B1", "2021-06-14", "", "x.csv", "t"},
                              {"B1", "2021-06-15", "", "x.csv", "t"}}) == 2);
    CHECK(visits.size() == 2);
    CHECK(is_visited(visits, "B1", "2021-06-15"));
    const VisitLookup lookup(visits);
    CHECK(lookup.contains("B1", "2021-06-14"));
    CHECK(lookup.contains("B1", "2021-06-15"));
    CHECK_FALSE(lookup.contains("B1", "2021-06-16"));
    CHECK_FALSE(lookup.contains("B2", "2021-06-14"));
    CHECK(remove_visit(visits, "B1", "2021-06-15"));
    CHECK_FALSE(remove_visit(visits, "B1", "2021-06-15"));
    CHECK_FALSE(is_visited(visits, "B1", "2021-06-15"));
}

TEST_CASE("weekly completion: planned visits done within the week, off-plan visits in the officer's own area") {
    District d = two_officers();
    d.planned_visits = {{"P1", "2021-W24", "2021-06-14", 1, "B1", 4}, {"P1", "2021-W24", "2021-06-14", 2, "B2", 3},
                        {"P1", "2021-W24", "2021-06-16", 1, "B3", 2}, {"P1", "2021-W25", "2021-06-21", 1, "B4", 1}};
    d.visits = {
        {"B1", "2021-06-14", "P1", "app", ""},  // planned, on the day
        {"B2", "2021-06-19", "P1", "app", ""},  // planned for Monday, done on Saturday: still done
        {"B3", "2021-06-21", "P1", "app", ""},  // the next week: not this week's
        {"B4", "2021-06-15", "", "v.csv", ""},  // not in this week's plan, own neighbourhood: off plan
        {"B9", "2021-06-15", "", "v.csv", ""},  // P2's building, P2 issued no plan
    };
    const auto week = parse_iso_week("2021-W24", "Asia/Shanghai");
    REQUIRE(week);
    const auto rows = weekly_completion(d, "2021-W24", *week);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].officer_id == "P1");
    CHECK(rows[0].issued);
    CHECK(rows[0].planned == 3);
    CHECK(rows[0].done == 2);
    CHECK(rows[0].share() == doctest::Approx(2.0 / 3));
    CHECK(rows[0].priority_planned == 9);
    CHECK(rows[0].priority_done == 7);
    CHECK(rows[0].off_plan == 1);
    CHECK(rows[0].households_done == 30);
    CHECK_FALSE(rows[1].issued);
    CHECK(rows[1].planned == 0);
    CHECK(rows[1].off_plan == 1);
    CHECK(rows[1].share() == 0);
}

TEST_CASE("a week's local dates are its seven days, across a daylight-saving change too") {
    const auto w = parse_iso_week("2021-W24", "Asia/Shanghai");
    REQUIRE(w);
    const auto days = local_dates(*w, "Asia/Shanghai");
    REQUIRE(days.size() == 7);
    CHECK(days.front() == "2021-06-14");
    CHECK(days.back() == "2021-06-20");
    // Berlin moved its clocks on Sunday 28 March 2021: that week has a 23-hour day.
    const auto dst = parse_iso_week("2021-W12", "Europe/Berlin");
    REQUIRE(dst);
    const auto berlin = local_dates(*dst, "Europe/Berlin");
    REQUIRE(berlin.size() == 7);
    CHECK(berlin.front() == "2021-03-22");
    CHECK(berlin.back() == "2021-03-28");
}
