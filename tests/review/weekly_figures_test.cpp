// The review's headline rows and weekly series, on a literal district and on the sample.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/review/weekly_figures.h"
#include "geo/util/time_parse.h"
#include "tests/common/fixtures.h"

using namespace geo;

namespace {

Incident incident(const std::string& id, const std::string& local_time, Outcome outcome = Outcome::lost, double loss = 1000) {
    Incident i;
    i.id = id;
    i.time = *parse_iso8601(local_time, "Asia/Shanghai");
    i.outcome = outcome;
    i.loss_yuan = loss;
    return i;
}

}  // namespace

TEST_CASE("Headline rows count this week, the four weeks and their previous periods") {
    District d;
    // 2021-W24 is Monday 14 June to Sunday 20 June (Shanghai). One case in W14 so the data begins early.
    d.incidents = {incident("a", "2021-04-05T10:00"),
                   incident("b", "2021-06-14T00:00"), incident("c", "2021-06-20T23:59", Outcome::dissuaded, 0),
                   incident("d", "2021-06-21T00:00"),  // W25: outside
                   incident("e", "2021-06-13T23:59"),  // W23: last week
                   incident("f", "2021-05-24T09:00", Outcome::payment_stopped, 0)};  // W21
    const TimeWindow w24 = *parse_iso_week("2021-W24", "Asia/Shanghai");
    const auto rows = headline_rows(d, IncidentFilter{}, w24);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].now.cases == 2);
    CHECK(rows[0].now.dissuaded == 1);
    CHECK(rows[0].now.loss_yuan == doctest::Approx(1000));
    CHECK(rows[0].before.cases == 1);
    CHECK(rows[1].now.cases == 4);  // W21..W24: b, c, e, f
    CHECK(rows[1].now.payment_stopped == 1);
    CHECK(rows[1].before.cases == 0);  // W17..W20
    CHECK(rows[1].available);
    CHECK_FALSE(rows[2].available);  // no 2020 data
    CHECK(rows[2].now.cases == 5);
}

TEST_CASE("The weekly series marks a week above the mean + 2 sd of the weeks before") {
    District d;
    int n = 0;
    // Weeks W10..W23 with 2 or 3 cases each, then 12 cases in W24.
    for (int w = 10; w <= 23; ++w) {
        const TimeWindow win = *parse_iso_week(fmt::format("2021-W{:02}", w), "Asia/Shanghai");
        for (int k = 0; k < 2 + w % 2; ++k) {
            Incident i;
            i.id = std::to_string(n++);
            i.time = win.from + std::chrono::hours(10 + k);
            d.incidents.push_back(i);
        }
    }
    const TimeWindow w24 = *parse_iso_week("2021-W24", "Asia/Shanghai");
    for (int k = 0; k < 12; ++k) {
        Incident i;
        i.id = std::to_string(n++);
        i.time = w24.from + std::chrono::hours(5 + k);
        d.incidents.push_back(i);
    }
    const auto series = weekly_series(d, IncidentFilter{}, w24, 10, 8);
    REQUIRE(series.size() == 10);
    CHECK(series.back().label == "2021-W24");
    CHECK(series.back().cases == 12);
    REQUIRE(series.back().high);
    CHECK(series.back().spike);
    CHECK(*series.back().expected == doctest::Approx(2.5));
    for (std::size_t k = 0; k + 1 < series.size(); ++k) CHECK_FALSE(series[k].spike);
}

TEST_CASE("On the sample, the week's figures equal a direct count") {
    const District d = read_district(test::source_dir() / "data" / "jiangnan.gpkg");
    const TimeWindow w24 = *parse_iso_week("2021-W24", d.metadata.timezone);
    std::int64_t direct = 0;
    for (const auto& i : d.incidents) direct += w24.contains(i.time);
    const auto rows = headline_rows(d, IncidentFilter{}, w24);
    CHECK(rows[0].now.cases == direct);
    const auto series = weekly_series(d, IncidentFilter{}, w24);
    CHECK(series.size() == 26);
    CHECK(series.back().cases == direct);
}
