// Week-on-week and month-on-month figures: the sample's station figures (May −6.5%, June
// −37.9%), per-neighbourhood series that add up to the district, and windows without cases.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <numeric>

#include "geo/change/change.h"
#include "geo/io/workspace_store.h"
#include "geo/spatial/point_in_area.h"
#include "tests/common/fixtures.h"

namespace {

const geo::District& sample() {
    static const geo::District district = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    return district;
}

double one_decimal(double v) { return std::round(v * 10) / 10; }

const geo::PeriodFigures& period(const geo::ChangeSeries& s, const std::string& label) {
    for (const auto& p : s.periods)
        if (p.label == label) return p;
    FAIL("no period " << label);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("sample: month on month the district goes May -6.5% and June -37.9%") {
    const geo::ChangeReport r = geo::period_changes(sample(), {}, geo::TimeStep::month);
    REQUIRE(r.district.periods.size() == 12);
    CHECK(r.district.periods.front().label == "2021-01");
    CHECK(!r.district.periods.front().incidents_change_pct);
    const auto& may = period(r.district, "2021-05");
    const auto& june = period(r.district, "2021-06");
    CHECK(may.incidents == 243);
    CHECK(june.incidents == 151);
    REQUIRE(may.incidents_change_pct);
    REQUIRE(june.incidents_change_pct);
    CHECK(one_decimal(*may.incidents_change_pct) == doctest::Approx(-6.5));
    CHECK(one_decimal(*june.incidents_change_pct) == doctest::Approx(-37.9));
    // Losses change against the month before too.
    REQUIRE(june.loss_change_pct);
    CHECK(*june.loss_change_pct == doctest::Approx(100 * (june.loss_yuan - may.loss_yuan) / may.loss_yuan));
    std::size_t total = 0;
    for (const auto& p : r.district.periods) total += p.incidents;
    CHECK(total == 2098);
}

TEST_CASE("sample: neighbourhood series and the outside add up to the district's, week by week") {
    const std::vector<std::int32_t> assigned = geo::neighbourhood_of_incidents(sample());
    const geo::ChangeReport r = geo::period_changes(sample(), {}, geo::TimeStep::week, &assigned);
    REQUIRE(r.neighbourhoods.size() == sample().neighbourhoods.size());
    // 2021-01-01 is a Friday in ISO week 2020-W53; 2021-12-31 in 2021-W52.
    CHECK(r.district.periods.front().label == "2020-W53");
    CHECK(r.district.periods.back().label == "2021-W52");
    CHECK(r.district.periods.size() == 53);
    for (std::size_t w = 0; w < r.district.periods.size(); ++w) {
        std::size_t sum = r.outside ? r.outside->periods[w].incidents : 0;
        double loss = r.outside ? r.outside->periods[w].loss_yuan : 0;
        for (const auto& n : r.neighbourhoods) sum += n.periods[w].incidents, loss += n.periods[w].loss_yuan;
        CHECK(sum == r.district.periods[w].incidents);
        CHECK(loss == doctest::Approx(r.district.periods[w].loss_yuan));
        if (w > 0) CHECK(r.district.periods[w].window.from == r.district.periods[w - 1].window.to);
    }
    CHECK(r.neighbourhoods.front().id == sample().neighbourhoods.front().id);
}

TEST_CASE("a window without cases shows 0, and the change after it is unknown") {
    // Cases in January and March only: February is there with 0 (−100%), March's change is
    // unknown (nothing to compare with).
    using namespace std::chrono;
    geo::District d;
    d.metadata.timezone = "Asia/Shanghai";
    for (const sys_days day : {sys_days{year{2021} / 1 / 10}, sys_days{year{2021} / 1 / 20}, sys_days{year{2021} / 3 / 5}}) {
        geo::Incident i;
        i.time = geo::Timestamp{day} + hours{4};
        i.loss_yuan = 100;
        d.incidents.push_back(i);
    }
    const geo::ChangeReport r = geo::period_changes(d, {}, geo::TimeStep::month);
    REQUIRE(r.district.periods.size() == 3);
    CHECK(r.district.periods[1].label == "2021-02");
    CHECK(r.district.periods[1].incidents == 0);
    CHECK(*r.district.periods[1].incidents_change_pct == doctest::Approx(-100));
    CHECK(!r.district.periods[2].incidents_change_pct);
    CHECK(!r.district.periods[2].loss_change_pct);
    CHECK(geo::period_changes(geo::District{}, {}, geo::TimeStep::week).district.periods.empty());
}
