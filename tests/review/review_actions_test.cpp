// The review's actions and map on the sample's 2021-W24: banners reach the week's cases they
// say they reach, the lecture neighbourhoods are the highest rates of the four weeks, the
// buildings come in the planner's order, the map holds the week's cases and the quarter's hot
// spots. And on a literal district: a week without cases asks for no banner.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/visit_priority.h"
#include "geo/review/breakdowns.h"
#include "geo/review/weekly_review.h"
#include "geo/util/time_parse.h"
#include "tests/common/fixtures.h"

using namespace geo;

namespace {

const District& sample() {
    static const District d = read_district(test::source_dir() / "data" / "jiangnan.gpkg");
    return d;
}

}  // namespace

TEST_CASE("Review banners reach exactly the week's cases they claim, within their radius") {
    const District& d = sample();
    const TimeWindow week = *parse_iso_week("2021-W24", d.metadata.timezone);
    const ReviewActions a = review_actions(d, IncidentFilter{}, week);
    std::vector<const Incident*> cases;
    for (const auto& i : d.incidents)
        if (week.contains(i.time)) cases.push_back(&i);
    CHECK(a.week_cases == cases.size());
    REQUIRE(a.banners.size() == 3);
    std::size_t reached = 0;
    for (const Incident* i : cases) {
        bool any = false;
        for (const auto& b : a.banners) any = any || std::hypot(b.at.x - i->location.x, b.at.y - i->location.y) <= a.banner_radius_m;
        reached += any;
    }
    CHECK(a.week_cases_in_reach == reached);
    CHECK(reached > 0);
    for (const auto& b : a.banners) {
        CHECK(b.cases_in_reach > 0);
        CHECK_FALSE(b.neighbourhood.empty());
    }
    // Greedy-first order: the first banner reaches at least as many as any later one.
    CHECK(a.banners[0].cases_in_reach >= a.banners[1].cases_in_reach);
}

TEST_CASE("Lecture neighbourhoods are the highest rates of the last four weeks, with their main types and ages") {
    const District& d = sample();
    const TimeWindow week = *parse_iso_week("2021-W24", d.metadata.timezone);
    const ReviewActions a = review_actions(d, IncidentFilter{}, week);
    const TimeWindow four{week.to - std::chrono::hours(24 * 28), week.to};
    const auto ranked = neighbourhoods_by_rate(d, IncidentFilter{}, four);
    REQUIRE(a.lectures.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
        CAPTURE(k);
        CHECK(a.lectures[k].neighbourhood_id == ranked[k].id);
        CHECK(a.lectures[k].cases == ranked[k].cases);
        REQUIRE_FALSE(a.lectures[k].top_types.empty());
        // The first type named is the most frequent there (a direct count).
        std::map<FraudType, int> types;
        for (const auto& i : d.incidents)
            if (four.contains(i.time) && std::get<std::string>(i.extras.at("neighbourhood_id")) == ranked[k].id) ++types[i.fraud_type];
        int most = 0;
        for (const auto& [t, n] : types) most = std::max(most, n);
        CHECK(types[a.lectures[k].top_types[0]] == most);
        for (AgeBand b : a.lectures[k].top_ages) CHECK(b != AgeBand::unknown);
    }
}

TEST_CASE("Buildings to visit first are the planner's highest priorities, in order") {
    const District& d = sample();
    const TimeWindow week = *parse_iso_week("2021-W24", d.metadata.timezone);
    const ReviewActions a = review_actions(d, IncidentFilter{}, week);
    const auto priorities = visit_priorities(d, week.to);
    double best = 0;
    for (const auto& p : priorities) best = std::max(best, p.priority);
    REQUIRE(a.visits.size() == 10);
    CHECK(a.visits[0].priority == doctest::Approx(best));
    for (std::size_t k = 1; k < a.visits.size(); ++k) CHECK(a.visits[k].priority <= a.visits[k - 1].priority);
    for (const auto& v : a.visits) {
        CHECK_FALSE(v.reasons.empty());
        CHECK_FALSE(v.officer.empty());
    }
}

TEST_CASE("The review map holds the week's cases and the quarter's hot cells") {
    const District& d = sample();
    const TimeWindow week = *parse_iso_week("2021-W24", d.metadata.timezone);
    const ReviewMap m = review_map(d, IncidentFilter{}, week);
    std::size_t in_week = 0, in_quarter = 0;
    for (const auto& i : d.incidents) {
        in_week += week.contains(i.time);
        in_quarter += m.quarter.contains(i.time);
    }
    CHECK(m.week_cases.size() == in_week);
    CHECK(m.quarter_cases == in_quarter);
    CHECK(m.quarter.to == week.to);
    CHECK_FALSE(m.hot.empty());  // the sample plants hot spots
    for (const auto& c : m.hot) {
        CHECK(c.bin >= 1);
        CHECK(c.bin <= 3);
        CHECK(c.square.width() == doctest::Approx(100));
    }
}

TEST_CASE("A week without cases asks for no banner; warnings are counted by channel") {
    District d;
    d.metadata.timezone = "Asia/Shanghai";
    Incident i;
    i.id = "a";
    i.time = *parse_iso8601("2021-06-01T10:00", "Asia/Shanghai");
    d.incidents.push_back(i);
    auto warn = [&](const char* id, const char* time, WarningChannel c, WarningOutcome o, double yuan) {
        Warning w;
        w.id = id;
        w.time = *parse_iso8601(time, "Asia/Shanghai");
        w.channel = c;
        w.outcome = o;
        w.amount_protected_yuan = yuan;
        d.warnings.push_back(w);
    };
    warn("w1", "2021-06-14T09:00", WarningChannel::bank, WarningOutcome::payment_stopped, 20000);
    warn("w2", "2021-06-20T23:59", WarningChannel::phone_call, WarningOutcome::dissuaded, 0);
    warn("w3", "2021-06-15T12:00", WarningChannel::phone_call, WarningOutcome::lost, 0);
    warn("w4", "2021-06-21T00:00", WarningChannel::bank, WarningOutcome::dissuaded, 999);  // W25
    const TimeWindow week = *parse_iso_week("2021-W24", "Asia/Shanghai");
    const WeeklyReview r = build_weekly_review(d, IncidentFilter{}, "2021-W24", week);
    CHECK(r.actions.banners.empty());
    CHECK(r.actions.week_cases == 0);
    CHECK(r.headline[0].warned_now.warnings == 3);
    CHECK(r.headline[0].warned_now.dissuaded == 1);
    CHECK(r.headline[0].warned_now.payment_stopped == 1);
    CHECK(r.headline[0].warned_now.lost == 1);
    CHECK(r.headline[0].warned_now.protected_yuan == doctest::Approx(20000));
    CHECK(r.channels[static_cast<std::size_t>(WarningChannel::bank)].warnings == 1);
    CHECK(r.channels[static_cast<std::size_t>(WarningChannel::phone_call)].warnings == 2);
    CHECK(r.series.back().warnings == 3);
}
