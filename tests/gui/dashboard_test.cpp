// The Dashboard tab (会商看板) and the Summary tab under Xvfb on the sample: the dashboard shows
// the week holding the end of the time window, its headline rows, 26-week series and ranking
// exactly as geo/review computes them under the app's filter, with the chart's bars drawn; the
// Summary's case totals follow the time window and the filter.
#include <cstdlib>
#include <fstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/review/breakdowns.h"
#include "geo/review/weekly_figures.h"
#include "geo/util/time_parse.h"
#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"

namespace {

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

struct Frame {
    test::PngImage image;
    nlohmann::json report;
};

Frame render(const std::string& layer_state, const test::ScratchDir& dir) {
    const auto png = dir / "frame.png", json = dir / "frame.json";
    std::filesystem::remove(json);
    const std::string command = "xvfb-run -a -s '-screen 0 1600x1000x24' '" + test::binary("patrolmap").string() + "' gui '" +
                                (test::source_dir() / "data/jiangnan.gpkg").string() +
                                "' --size 1600x1000 --lang zh --layer-state '" + layer_state + "' --screenshot '" + png.string() +
                                "' --report '" + json.string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    Frame f;
    f.image = test::load_png(png);
    std::ifstream in(json);
    f.report = nlohmann::json::parse(in);
    return f;
}

const geo::District& sample() {
    static const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    return d;
}

}  // namespace

TEST_CASE("Dashboard tab: the time window's last week under the filter, as geo/review computes it, bars drawn") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    const geo::District& d = sample();
    const auto week = geo::parse_iso_week("2021-W24", d.metadata.timezone);
    REQUIRE(week);
    geo::IncidentFilter filter;
    filter.fraud_types = {geo::FraudType::investment, geo::FraudType::loan, geo::FraudType::order_brushing};
    const auto rows = geo::headline_rows(d, filter, *week);
    const auto series = geo::weekly_series(d, filter, *week);
    const auto hoods = geo::neighbourhoods_by_rate(d, filter, *week);
    // The filter matters here, or the test could not tell whether the dashboard applied it.
    REQUIRE(geo::headline_rows(d, {}, *week)[2].now.cases != rows[2].now.cases);

    const Frame f = render("step=week,window=2021-W21..2021-W24,type=investment+loan+order_brushing,tab=dashboard", dir);
    REQUIRE(f.report.contains("dashboard"));
    const auto& dash = f.report["dashboard"];
    CHECK(dash["week"] == "2021-W24");
    REQUIRE(dash["headline"].size() == rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        CAPTURE(rows[k].label);
        const auto& r = dash["headline"][k];
        CHECK(r["row"] == rows[k].label);
        CHECK(r["cases"] == rows[k].now.cases);
        CHECK(r["before"] == rows[k].before.cases);
        CHECK(r["available"] == rows[k].available);
        CHECK(r["loss_yuan"].get<double>() == doctest::Approx(rows[k].now.loss_yuan).epsilon(1e-12));
        CHECK(r["p_value"].get<double>() == doctest::Approx(rows[k].cases.p_value).epsilon(1e-12));
        CHECK(r["significant_rise"] == (rows[k].available && rows[k].cases.significant_rise));
        CHECK(r["significant_fall"] == (rows[k].available && rows[k].cases.significant_fall));
        CHECK(r["warnings"] == rows[k].warned_now.warnings);
    }
    REQUIRE(dash["series"].size() == 26);
    REQUIRE(series.size() == 26);
    for (std::size_t k = 0; k < series.size(); ++k) {
        CAPTURE(series[k].label);
        CHECK(dash["series"][k]["week"] == series[k].label);
        CHECK(dash["series"][k]["cases"] == series[k].cases);
        CHECK(dash["series"][k]["spike"] == series[k].spike);
    }
    CHECK(dash["series"][25]["week"] == "2021-W24");
    REQUIRE(dash["neighbourhoods"].size() == std::min<std::size_t>(10, hoods.size()));
    for (std::size_t k = 0; k < dash["neighbourhoods"].size(); ++k) CHECK(dash["neighbourhoods"][k]["id"] == hoods[k].id);

    // The bars are on screen, as tall as their counts: a week with more cases has a taller bar,
    // and the middle of each bar with cases is painted in the bar (or spike) colour.
    const auto& bars = dash["series"];
    int painted = 0, with_cases = 0;
    for (std::size_t k = 0; k < series.size(); ++k) {
        const auto px = bars[k]["bar_px"];
        const double height = px[3].get<double>() - px[1].get<double>();
        if (series[k].cases == 0) {
            CHECK(height == doctest::Approx(0).epsilon(1e-6));
            continue;
        }
        ++with_cases;
        const test::Rgb c = f.image.at(static_cast<int>((px[0].get<double>() + px[2].get<double>()) / 2),
                                       static_cast<int>((px[1].get<double>() + px[3].get<double>()) / 2));
        if (test::close(c, series[k].spike ? test::Rgb{200, 45, 40} : test::Rgb{70, 110, 160}, 12)) ++painted;
        for (std::size_t j = 0; j < series.size(); ++j)
            if (series[j].cases < series[k].cases) CHECK(bars[j]["bar_px"][1].get<double>() > px[1].get<double>());
    }
    CHECK(with_cases > 20);
    CHECK(painted == with_cases);
}

TEST_CASE("Dashboard tab: under all time it shows the last week with cases") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    const geo::District& d = sample();
    const auto range = geo::incident_time_range(d);
    REQUIRE(range);
    const std::string last_week = geo::window_label(
        geo::window_containing(range->to - std::chrono::seconds(1), geo::TimeStep::week, d.metadata.timezone), geo::TimeStep::week,
        d.metadata.timezone);
    const Frame f = render("tab=dashboard", dir);
    REQUIRE(f.report.contains("dashboard"));
    CHECK(f.report["dashboard"]["week"] == last_week);
    const auto rows = geo::headline_rows(d, {}, *geo::parse_iso_week(last_week, d.metadata.timezone));
    CHECK(f.report["dashboard"]["headline"][0]["cases"] == rows[0].now.cases);
}

TEST_CASE("Dashboard tab: clicking a row of the ranking selects that neighbourhood and flies the map there") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    const geo::District& d = sample();
    const auto hoods = geo::neighbourhoods_by_rate(d, {}, *geo::parse_iso_week("2021-W24", d.metadata.timezone));
    REQUIRE(hoods.size() >= 3);
    const std::string id = hoods[2].id;
    const Frame before = render("step=week,window=2021-W24,tab=dashboard", dir);
    const Frame f = render("step=week,window=2021-W24,tab=dashboard,dashboard_row=3", dir);
    CHECK_FALSE(before.report.contains("selected_neighbourhood"));
    REQUIRE(f.report.contains("selected_neighbourhood"));
    CHECK(f.report["selected_neighbourhood"] == id);
    // The map is centred on it and closer than the whole district.
    geo::Envelope e;
    for (const auto& n : d.neighbourhoods)
        if (n.id == id) e = geo::envelope_of(n.area);
    REQUIRE(!e.empty());
    CHECK(f.report["centre"][0].get<double>() == doctest::Approx((e.min_x + e.max_x) / 2).epsilon(1e-9));
    CHECK(f.report["centre"][1].get<double>() == doctest::Approx((e.min_y + e.max_y) / 2).epsilon(1e-9));
    CHECK(f.report["pixels_per_metre"].get<double>() > 2 * before.report["pixels_per_metre"].get<double>());
}

TEST_CASE("Summary tab: case totals follow the time window and the filter") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    const geo::District& d = sample();
    geo::IncidentFilter filter;
    filter.fraud_types = {geo::FraudType::investment};
    filter.age_bands = {geo::AgeBand::age_60_plus};
    const Frame f = render("window=2021-05..2021-06,type=investment,age=60_plus,tab=summary", dir);
    REQUIRE(f.report.contains("summary"));
    std::int64_t cases = 0, all_cases = 0;
    double loss = 0;
    for (const auto& i : d.incidents) {
        const geo::LocalDate day = geo::local_date(i.time, d.metadata.timezone);
        if (day.year == 2021 && (day.month == 5 || day.month == 6)) {
            ++all_cases;
            if (i.fraud_type == geo::FraudType::investment && i.victim_age_band == geo::AgeBand::age_60_plus) ++cases, loss += i.loss_yuan;
        }
    }
    REQUIRE(cases > 0);
    REQUIRE(cases < all_cases);
    CHECK(f.report["summary"]["incidents"] == cases);
    CHECK(f.report["summary"]["loss_yuan"].get<double>() == doctest::Approx(loss).epsilon(1e-9));
    CHECK(f.report["summary"]["months"].size() == 2);
    CHECK(f.report["summary"]["by_type"].size() == 1);
}
