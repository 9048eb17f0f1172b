// What the inspector and the choropleth show per neighbourhood, on a hand-built district whose
// every count can be checked by eye.
#include "geo/query/neighbourhood_stats.h"

#include <date/date.h>
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"

namespace {

using namespace std::chrono_literals;
using geo::FraudType;
using geo::PosterKind;
using geo::Timestamp;

Timestamp shanghai(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
    return Timestamp{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
           std::chrono::hours{hh} + std::chrono::minutes{mm} - 8h;
}

geo::Polygon square(double x0, double y0, double x1, double y1) {
    return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}};
}

geo::Neighbourhood neighbourhood(std::string id, std::string name, std::int64_t residents,
                                 std::int64_t transients, std::string officer_id,
                                 std::optional<double> app_adoption, geo::MultiPolygon area) {
    geo::Neighbourhood n;
    n.id = std::move(id);
    n.name = std::move(name);
    n.residents = residents;
    n.transients = transients;
    n.officer_id = std::move(officer_id);
    n.app_adoption = app_adoption;
    n.area = std::move(area);
    return n;
}

geo::Officer officer(std::string id, std::string name) {
    geo::Officer o;
    o.id = std::move(id);
    o.name = std::move(name);
    return o;
}

//  y
//  100 +---------+---------+         +---------+
//      | A  O1   | B  O9?  |         | C  O2   |
//      |  +---+  |         |         |         |
//      |  | h |  |         |         |         |
//      |  +---+  |         |         |         |
//    0 +---------+---------+         +---------+
//      0  40 60 100       200       300       400   x (metres)
//
// A: 1,000 residents + 500 transients, a hole h; B: nobody lives there, officer O9 is not in
// the officers layer; C: 2,000 residents.
geo::District fixture() {
    geo::District d;
    d.metadata.timezone = "Asia/Shanghai";
    geo::Polygon a = square(0, 0, 100, 100);
    a.holes.push_back({{40, 40}, {60, 40}, {60, 60}, {40, 60}, {40, 40}});
    d.neighbourhoods = {neighbourhood("A", "金城小区", 1000, 500, "O1", 0.9, {a}),
                        neighbourhood("B", "后吴村", 0, 0, "O9", std::nullopt, {square(100, 0, 200, 100)}),
                        neighbourhood("C", "前仓村", 2000, 0, "O2", 0.75, {square(300, 0, 400, 100)})};
    d.officers = {officer("O1", "王伟"), officer("O2", "李娜")};

    const auto add_incident = [&](geo::XY at, Timestamp time, FraudType type, double loss_yuan) {
        geo::Incident i;
        i.id = "I" + std::to_string(d.incidents.size());
        i.location = at;
        i.time = time;
        i.fraud_type = type;
        i.loss_yuan = loss_yuan;
        d.incidents.push_back(i);
    };
    // A: three in June, two in May, one on 1 July.
    add_incident({20, 20}, shanghai(2021, 6, 1), FraudType::investment, 1000);
    add_incident({80, 20}, shanghai(2021, 6, 15, 10), FraudType::loan, 500);
    add_incident({20, 80}, shanghai(2021, 6, 30, 23, 30), FraudType::investment, 0);
    add_incident({30, 30}, shanghai(2021, 5, 31, 23, 59), FraudType::investment, 200);
    add_incident({70, 70}, shanghai(2021, 5, 2), FraudType::romance, 50);
    add_incident({90, 90}, shanghai(2021, 7, 1), FraudType::investment, 9999);
    // In A's hole: in no neighbourhood.
    add_incident({50, 50}, shanghai(2021, 6, 10), FraudType::investment, 7777);
    // B: one in June.
    add_incident({150, 50}, shanghai(2021, 6, 20), FraudType::loan, 300);
    // C: one in May.
    add_incident({350, 50}, shanghai(2021, 5, 20), FraudType::investment, 40);
    // Between B and C: in no neighbourhood.
    add_incident({250, 50}, shanghai(2021, 6, 20), FraudType::investment, 1);

    geo::Building building;
    building.id = "B-1";
    building.neighbourhood_id = "B";
    building.location = {150, 50};
    d.buildings = {building};
    const auto add_poster = [&](PosterKind kind, geo::XY at, std::optional<Timestamp> installed,
                                std::optional<Timestamp> removed, std::string building_id = {}) {
        geo::Poster p;
        p.id = "P" + std::to_string(d.posters.size());
        p.kind = kind;
        p.location = at;
        p.installed = installed;
        p.removed = removed;
        p.building_id = std::move(building_id);
        d.posters.push_back(p);
    };
    // P0 in A, up since May.
    add_poster(PosterKind::poster, {20, 80}, shanghai(2021, 5, 1), std::nullopt);
    // P1 stands in A but its building is in B: the building wins.
    add_poster(PosterKind::contact_card, {30, 30}, shanghai(2021, 5, 15), std::nullopt, "B-1");
    // P2 in A, taken down before the end of June.
    add_poster(PosterKind::banner, {10, 10}, shanghai(2021, 6, 10), shanghai(2021, 6, 20));
    // P3 in A, put up in July.
    add_poster(PosterKind::poster, {10, 90}, shanghai(2021, 7, 5), std::nullopt);
    // P4 in C, taken down exactly at the end of June: still up then.
    add_poster(PosterKind::banner, {320, 20}, shanghai(2021, 3, 1), shanghai(2021, 7, 1));
    // P5 in C, no installation date: up since before the records.
    add_poster(PosterKind::poster, {380, 80}, std::nullopt, std::nullopt);
    // P6 in A's hole: in no neighbourhood.
    add_poster(PosterKind::poster, {50, 50}, shanghai(2021, 1, 1), std::nullopt);
    // P7 in A; its building id is unknown, so its location decides.
    add_poster(PosterKind::poster, {90, 10}, shanghai(2021, 6, 2), std::nullopt, "X-404");
    // P8 in B, installed exactly at the end of June.
    add_poster(PosterKind::contact_card, {180, 20}, shanghai(2021, 7, 1), std::nullopt);
    return d;
}

const geo::TimeWindow JUNE{shanghai(2021, 6, 1), shanghai(2021, 7, 1)};

std::vector<geo::NeighbourhoodStats> stats_for(const geo::District& d, const geo::IncidentFilter& f) {
    return geo::neighbourhood_stats(d, geo::neighbourhood_of_incidents(d), f);
}

}  // namespace

TEST_CASE("a month's counts compare with the whole previous month") {
    const geo::District d = fixture();
    geo::IncidentFilter f;
    f.window = JUNE;
    const auto s = stats_for(d, f);
    REQUIRE(s.size() == 3);

    CHECK(s[0].incidents == 3);
    CHECK(s[0].incidents_previous == 2);  // 2 and 31 May: all of May, not the 30 days before June
    REQUIRE(s[0].change_pct.has_value());
    CHECK(*s[0].change_pct == doctest::Approx(50.0).epsilon(1e-12));
    CHECK(s[0].loss_yuan == doctest::Approx(1500.0));
    CHECK(s[0].population == 1500);
    REQUIRE(s[0].per_1000.has_value());
    CHECK(*s[0].per_1000 == doctest::Approx(2.0).epsilon(1e-12));  // 3 / 1,500 × 1,000

    CHECK(s[1].incidents == 1);
    CHECK(s[1].incidents_previous == 0);
    CHECK_FALSE(s[1].change_pct.has_value());
    CHECK_FALSE(s[1].per_1000.has_value());  // population 0
    CHECK(s[1].loss_yuan == doctest::Approx(300.0));

    CHECK(s[2].incidents == 0);
    CHECK(s[2].incidents_previous == 1);
    REQUIRE(s[2].change_pct.has_value());
    CHECK(*s[2].change_pct == doctest::Approx(-100.0));
    REQUIRE(s[2].per_1000.has_value());
    CHECK(*s[2].per_1000 == 0.0);
}

TEST_CASE("population, app adoption and the officer come from the neighbourhood") {
    const auto s = stats_for(fixture(), {});
    CHECK(s[0].residents == 1000);
    CHECK(s[0].transients == 500);
    CHECK(s[0].population == 1500);
    CHECK(s[0].app_adoption == 0.9);
    CHECK(s[0].officer_name == "王伟");
    CHECK(s[1].officer_name.empty());  // O9 is not in the officers layer
    CHECK_FALSE(s[1].app_adoption.has_value());
    CHECK(s[2].officer_name == "李娜");
    CHECK(s[2].population == 2000);
}

TEST_CASE("without a window every matching incident counts and there is no previous") {
    const auto s = stats_for(fixture(), {});
    CHECK(s[0].incidents == 6);
    CHECK(s[1].incidents == 1);
    CHECK(s[2].incidents == 1);
    for (const auto& n : s) {
        CHECK(n.incidents_previous == 0);
        CHECK_FALSE(n.change_pct.has_value());
    }
    CHECK(s[0].loss_yuan == doctest::Approx(1000 + 500 + 0 + 200 + 50 + 9999));
}

TEST_CASE("the previous window uses the same filter") {
    const geo::District d = fixture();
    geo::IncidentFilter f;
    f.window = JUNE;
    f.fraud_types = {FraudType::investment};
    const auto s = stats_for(d, f);
    CHECK(s[0].incidents == 2);           // 1 and 30 June
    CHECK(s[0].incidents_previous == 1);  // 31 May (2 May was romance)
    CHECK(*s[0].change_pct == doctest::Approx(100.0));
    CHECK(s[0].loss_yuan == doctest::Approx(1000.0));
    CHECK(s[1].incidents == 0);           // B's June case was a loan
    CHECK(s[2].incidents_previous == 1);
}

TEST_CASE("a window that is not a calendar month compares with the same duration before it") {
    geo::IncidentFilter f;
    // 15 June 00:00 to 1 July 00:00 (16 days); before it, 30 May to 15 June.
    f.window = geo::TimeWindow{shanghai(2021, 6, 15), shanghai(2021, 7, 1)};
    const auto s = stats_for(fixture(), f);
    CHECK(s[0].incidents == 2);           // 15 and 30 June
    CHECK(s[0].incidents_previous == 2);  // 31 May and 1 June
    CHECK(*s[0].change_pct == doctest::Approx(0.0));
}

TEST_CASE("incidents outside every neighbourhood count nowhere") {
    const geo::District d = fixture();
    const auto assigned = geo::neighbourhood_of_incidents(d);
    CHECK(assigned[6] == -1);  // in A's hole
    CHECK(assigned[9] == -1);  // between B and C
    std::size_t total = 0;
    for (const auto& n : geo::neighbourhood_stats(d, assigned, {})) total += n.incidents;
    CHECK(total == d.incidents.size() - 2);
}

TEST_CASE("the stats use the given assignment and refuse one of the wrong size") {
    const geo::District d = fixture();
    // Everything assigned to C by hand.
    const std::vector<std::int32_t> all_c(d.incidents.size(), 2);
    const auto s = geo::neighbourhood_stats(d, all_c, {});
    CHECK(s[0].incidents == 0);
    CHECK(s[2].incidents == d.incidents.size());
    CHECK_THROWS_AS(geo::neighbourhood_stats(d, {0, 1}, {}), geo::InternalError);
}

TEST_CASE("posters count only while up at the window's end, where their building is") {
    const geo::District d = fixture();
    geo::IncidentFilter f;
    f.window = JUNE;
    auto s = stats_for(d, f);
    // A: P0 and P7 (P2 came down on 20 June, P3 went up in July, P1's building is in B).
    CHECK(s[0].posters == 2);
    CHECK(s[0].contact_cards == 0);
    CHECK(s[0].banners == 0);
    // B: P1 (by building) and P8 (installed exactly at the end of June).
    CHECK(s[1].posters == 0);
    CHECK(s[1].contact_cards == 2);
    // C: P4 (came down exactly at the end) and P5 (no installation date).
    CHECK(s[2].posters == 1);
    CHECK(s[2].banners == 1);

    f.window = geo::TimeWindow{shanghai(2021, 5, 1), shanghai(2021, 6, 1)};  // May
    s = stats_for(d, f);
    CHECK(s[0].posters == 1);        // P0 (P7 went up on 2 June)
    CHECK(s[1].contact_cards == 1);  // P1
    CHECK(s[2].posters == 1);        // P5
    CHECK(s[2].banners == 1);        // P4

    s = stats_for(d, {});  // no window: every poster not taken down
    CHECK(s[0].posters == 3);        // P0, P3, P7
    CHECK(s[0].banners == 0);        // P2 came down
    CHECK(s[1].contact_cards == 2);  // P1, P8
    CHECK(s[2].posters == 1);        // P5
    CHECK(s[2].banners == 0);        // P4 came down
}

TEST_CASE("choropleth values per field, NaN where unknown") {
    geo::IncidentFilter f;
    f.window = JUNE;
    const auto s = stats_for(fixture(), f);
    CHECK(geo::choropleth_values(s, geo::ChoroplethField::residents) == std::vector<double>{1000, 0, 2000});
    CHECK(geo::choropleth_values(s, geo::ChoroplethField::transients) == std::vector<double>{500, 0, 0});
    CHECK(geo::choropleth_values(s, geo::ChoroplethField::population) == std::vector<double>{1500, 0, 2000});

    const auto rate = geo::choropleth_values(s, geo::ChoroplethField::incidents_per_1000);
    REQUIRE(rate.size() == 3);
    CHECK(rate[0] == doctest::Approx(2.0));
    CHECK(std::isnan(rate[1]));
    CHECK(rate[2] == 0.0);

    const auto adoption = geo::choropleth_values(s, geo::ChoroplethField::app_adoption);
    REQUIRE(adoption.size() == 3);
    CHECK(adoption[0] == 0.9);
    CHECK(std::isnan(adoption[1]));
    CHECK(adoption[2] == 0.75);
}

TEST_CASE("choropleth fields parse from their stored names only") {
    CHECK(geo::parse_choropleth_field("incidents_per_1000") == geo::ChoroplethField::incidents_per_1000);
    CHECK(geo::parse_choropleth_field("app_adoption") == geo::ChoroplethField::app_adoption);
    CHECK(geo::parse_choropleth_field("residents") == geo::ChoroplethField::residents);
    CHECK_FALSE(geo::parse_choropleth_field("Population").has_value());
    CHECK_FALSE(geo::parse_choropleth_field("").has_value());
    CHECK(geo::name_of(geo::ChoroplethField::transients) == "transients");
}
