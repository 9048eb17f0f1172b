// Visit priorities: flags, posters up at the week's start, recent cases nearby with decay.
#include <doctest/doctest.h>

#include "geo/planning/visit_priority.h"

using namespace geo;
using namespace std::chrono_literals;

namespace {

//   B1 (0,0) elderly, past victim      B2 (1000, 0) nothing flagged, poster + card
//   case C1 at (100, 0), 30 days before the week (half weight); C2 at (1000, 50), 200 days before
District two_buildings(Timestamp week) {
    District d;
    Building b1;
    b1.id = "B1";
    b1.households = 10;
    b1.flags.elderly_alone = b1.flags.past_victim = true;
    b1.location = {0, 0};
    Building b2;
    b2.id = "B2";
    b2.households = 100;
    b2.location = {1000, 0};
    d.buildings = {b1, b2};
    Poster p;
    p.id = "P";
    p.kind = PosterKind::poster;
    p.building_id = "B2";
    Poster c = p;
    c.id = "C";
    c.kind = PosterKind::contact_card;
    d.posters = {p, c};
    Incident i1;
    i1.id = "C1";
    i1.location = {100, 0};
    i1.time = week - 30 * 24h;
    i1.fraud_type = FraudType::investment;
    Incident i2 = i1;
    i2.id = "C2";
    i2.location = {1000, 50};
    i2.time = week - 200 * 24h;
    d.incidents = {i1, i2};
    return d;
}

}  // namespace

TEST_CASE("priority adds flags, missing posters and recent nearby cases decayed by age") {
    const Timestamp week{std::chrono::sys_days{std::chrono::year{2021} / 6 / 14}};
    const auto p = visit_priorities(two_buildings(week), week);
    REQUIRE(p.size() == 2);
    // B1: past victim 3 + elderly 3 + no poster 1 + no card 1 + one case 30 days old: 2 × 0.5.
    CHECK(p[0].priority == doctest::Approx(3 + 3 + 1 + 1 + 1.0));
    CHECK(p[0].recent_types == std::vector<FraudType>{FraudType::investment});
    CHECK_FALSE(p[0].has_poster);
    // B2: covered, unflagged, and its case is older than the 120-day look-back.
    CHECK(p[1].priority == doctest::Approx(0));
    CHECK(p[1].has_poster);
    CHECK(p[1].has_contact_card);
    // Service time grows with households, capped.
    CHECK(p[0].service_min == doctest::Approx(5 + 1.5 * 10));
    CHECK(p[1].service_min == doctest::Approx(45));
}

TEST_CASE("a poster removed before the week or installed after it does not count") {
    const Timestamp week{std::chrono::sys_days{std::chrono::year{2021} / 6 / 14}};
    District d = two_buildings(week);
    d.posters[0].removed = week - 24h;
    d.posters[1].installed = week + 24h;
    const auto p = visit_priorities(d, week);
    CHECK_FALSE(p[1].has_poster);
    CHECK_FALSE(p[1].has_contact_card);
    CHECK(p[1].priority == doctest::Approx(2));
}
