// The lecture plan on a literal district with its scores worked out by hand, and on the sample.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>

#include "geo/io/workspace_store.h"
#include "geo/outreach/lecture_plan.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"
#include "tests/common/fixtures.h"

using namespace geo;

namespace {

// One neighbourhood, 0..1000 m square, 1,000 people, ages 20/30/20/30%:
//
//   +--------------------------------+ (1000,1000)
//   |                          S2 ·  |   S2 village committee (900,900), audience 100
//   |                                |
//   |  c1 x (100,150)                |   c1 60+, health product, 30 days before 2021-W25
//   |  S1 · c2 x (100,100)           |   S1 school (100,100), audience 500;
//   +--------------------------------+   c2 under 25, online shopping, 10 days before
District literal() {
    District d;
    d.metadata.timezone = "Asia/Shanghai";
    Neighbourhood n;
    n.id = "N1";
    n.residents = 800;
    n.transients = 200;
    n.age_share = {0.2, 0.3, 0.2, 0.3};
    n.area = {Polygon{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}, {}}};
    d.neighbourhoods = {n};
    Site school;
    school.id = "S1";
    school.kind = SiteKind::school;
    school.location = {100, 100};
    school.audience = 500;
    Site hall;
    hall.id = "S2";
    hall.kind = SiteKind::village_committee;
    hall.location = {900, 900};
    hall.audience = 100;
    d.sites = {school, hall};
    Incident c1;
    c1.id = "c1";
    c1.time = *parse_iso8601("2021-05-22T00:00", "Asia/Shanghai");
    c1.victim_age_band = AgeBand::age_60_plus;
    c1.fraud_type = FraudType::health_product;
    c1.location = {100, 150};
    Incident c2 = c1;
    c2.id = "c2";
    c2.time = *parse_iso8601("2021-06-11T00:00", "Asia/Shanghai");
    c2.victim_age_band = AgeBand::under_25;
    c2.fraud_type = FraudType::online_shopping;
    c2.location = {100, 100};
    d.incidents = {c1, c2};
    return d;
}

}  // namespace

TEST_CASE("Venue scores equal the hand computation: recency, the audience's ages, per 1,000 people, neglect") {
    const District d = literal();
    const auto venues = lecture_venues(d);
    REQUIRE(venues.size() == 2);  // the neighbourhood has venues: no square
    const Timestamp monday = *parse_iso8601("2021-06-21T00:00", "Asia/Shanghai");
    const LecturePlanOptions o;
    // The school's room is 90% under 25: c2 (10 days old) counts 0.5^(10/30) x 0.9, c1 (60+) nothing.
    const VenueScore school = score_venue(d, venues[0], monday, true, o);
    const double risk = std::pow(0.5, 10.0 / 30) * 0.9;
    CHECK(school.risk == doctest::Approx(risk));
    CHECK(school.per_1000 == doctest::Approx(risk));  // 1,000 people
    CHECK(school.score == doctest::Approx(500.0 / 1000 * (risk + 0.05) * 2));
    REQUIRE(school.topics.size() == 1);
    CHECK(school.topics[0] == FraudType::online_shopping);
    // The village hall is more than 1,000 m from both cases: the floor only, and the elders' topics
    // (its room: 20/30/20/30% with the 60+ counted twice).
    CHECK(venues[1].age_mix[3] == doctest::Approx(0.6 / 1.3));
    const VenueScore hall = score_venue(d, venues[1], monday, false, o);
    CHECK(hall.risk == 0);
    CHECK(hall.score == doctest::Approx(100.0 / 1000 * 0.05));
    CHECK(hall.topics == std::vector<FraudType>{FraudType::investment, FraudType::health_product});
    // A week later the case is older, and c1 weighs for the hall's elders only if it is near.
    const VenueScore later = score_venue(d, venues[0], monday + std::chrono::hours(24 * 7), false, o);
    CHECK(later.risk == doctest::Approx(std::pow(0.5, 17.0 / 30) * 0.9));
}

TEST_CASE("The plan keeps the spacing, takes the best venue each week, and is the same every run") {
    const District d = literal();
    LecturePlanOptions o;
    o.teams = 1;
    o.per_team_week = 1;
    o.min_gap_weeks = 2;
    const auto weeks = week_range("2021-W25..2021-W28", "Asia/Shanghai");
    REQUIRE(weeks.size() == 4);
    const LecturePlan plan = plan_lectures(d, weeks, o);
    std::map<std::string, std::string> by_week;
    for (const auto& l : plan.lectures) by_week[l.week] = plan.venues[l.venue].id;
    // W25 the school; W26 the hall (the school is within the spacing); W27 neither may come back;
    // W28 the school again, three weeks on.
    CHECK(by_week.at("2021-W25") == "S1");
    CHECK(by_week.at("2021-W26") == "S2");
    CHECK(by_week.count("2021-W27") == 0);
    CHECK(by_week.at("2021-W28") == "S1");
    CHECK(plan.lectures.size() == 3);
    // Tuesday of each week.
    CHECK(format_local(plan.lectures[0].day, "Asia/Shanghai", "%Y-%m-%d") == "2021-06-22");
    const LecturePlan again = plan_lectures(d, weeks, o);
    REQUIRE(again.lectures.size() == plan.lectures.size());
    for (std::size_t k = 0; k < plan.lectures.size(); ++k) {
        CHECK(again.lectures[k].venue == plan.lectures[k].venue);
        CHECK(again.lectures[k].why.score == plan.lectures[k].why.score);
    }
    CHECK_THROWS_AS(plan_lectures(d, weeks, LecturePlanOptions{0}), BadInput);
    CHECK_THROWS_AS(week_range("2021-W30..2021-W25", "Asia/Shanghai"), BadInput);
    CHECK_THROWS_AS(week_range("June", "Asia/Shanghai"), BadInput);
}

TEST_CASE("A lecture held inside a planned week keeps its slot there, marked held, and spaces the weeks after it") {
    District d = literal();
    LecturePlanOptions o;
    o.teams = 1;
    o.per_team_week = 1;
    o.min_gap_weeks = 2;
    const auto weeks = week_range("2021-W25..2021-W28", "Asia/Shanghai");
    // The hall was given a talk on Friday of W25, where the plan would have sent the school.
    d.lectures = {{"S2", "2021-06-25", "investment", 60, 30, "app", ""}};
    const LecturePlan plan = plan_lectures(d, weeks, o);
    std::map<std::string, std::string> by_week;
    for (const auto& l : plan.lectures) by_week[l.week] = plan.venues[l.venue].id;
    REQUIRE(by_week.count("2021-W25") == 1);
    CHECK(by_week.at("2021-W25") == "S2");  // the one slot of W25 is the lecture held
    CHECK(plan.lectures[0].held);
    CHECK(format_local(plan.lectures[0].day, "Asia/Shanghai", "%Y-%m-%d") == "2021-06-25");
    CHECK(by_week.at("2021-W26") == "S1");  // the school next, the hall within its spacing
    CHECK(by_week.count("2021-W27") == 0);
    CHECK(by_week.at("2021-W28") == "S2");
    for (std::size_t k = 1; k < plan.lectures.size(); ++k) CHECK_FALSE(plan.lectures[k].held);
    // A lecture held after the planned weeks does not change them.
    d.lectures = {{"S1", "2021-08-03", "investment", 60, 30, "app", ""}};
    const LecturePlan unmoved = plan_lectures(d, weeks, o);
    REQUIRE(unmoved.lectures.size() == 3);
    CHECK(unmoved.venues[unmoved.lectures[0].venue].id == "S1");
}

TEST_CASE("On the sample: no venue twice within four weeks, no slot left empty while a venue could go, every neighbourhood reached") {
    const District d = read_district(test::source_dir() / "data" / "jiangnan.gpkg");
    const auto weeks = week_range("2021-W25..2021-W34", d.metadata.timezone);
    LecturePlanOptions o;  // 10 teams x 2 talks
    const LecturePlan plan = plan_lectures(d, weeks, o);
    std::map<std::size_t, std::vector<int>> weeks_at;
    std::vector<int> per_week(weeks.size(), 0);
    for (std::size_t w = 0; w < weeks.size(); ++w)
        for (const auto& l : plan.lectures)
            if (l.week == weeks[w]) weeks_at[l.venue].push_back(static_cast<int>(w)), ++per_week[w];
    for (const auto& [venue, ws] : weeks_at)
        for (std::size_t k = 1; k < ws.size(); ++k) CHECK(ws[k] - ws[k - 1] > o.min_gap_weeks);
    // A week short of its 20 talks has no venue free: each one not used that week was used within
    // the spacing (the sample has 32 venues and some squares for 10 teams x 2 talks).
    CHECK(per_week[0] == 20);
    for (std::size_t w = 0; w < weeks.size(); ++w) {
        CHECK(per_week[w] <= 20);
        if (per_week[w] == 20) continue;
        for (std::size_t v = 0; v < plan.venues.size(); ++v) {
            const auto& ws = weeks_at[v];
            bool busy = false;
            for (int x : ws) busy = busy || (x <= static_cast<int>(w) && static_cast<int>(w) - x <= o.min_gap_weeks);
            CAPTURE(plan.venues[v].id);
            CHECK(busy);
        }
    }
    // Every neighbourhood reached within the ten weeks: the neglect rule sends teams everywhere.
    std::set<int> reached;
    for (const auto& l : plan.lectures) reached.insert(plan.venues[l.venue].neighbourhood);
    CHECK(reached.size() == d.neighbourhoods.size());
}
