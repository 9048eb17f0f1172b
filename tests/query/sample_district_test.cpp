// The shared queries on the bundled sample: per-neighbourhood counts add up, and month windows
// reproduce the station's May and June totals.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <vector>

#include "geo/io/workspace_store.h"
#include "geo/query/incident_filter.h"
#include "geo/query/neighbourhood_stats.h"
#include "geo/query/search.h"
#include "geo/spatial/point_in_area.h"
#include "geo/summary/district_summary.h"
#include "tests/common/fixtures.h"

namespace {

using namespace std::chrono_literals;

const geo::District& sample() {
    static const geo::District district = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    return district;
}

const std::vector<std::int32_t>& sample_assignment() {
    static const std::vector<std::int32_t> assigned = geo::neighbourhood_of_incidents(sample());
    return assigned;
}

// 2021-06-15 12:00 in Shanghai.
const geo::Timestamp MID_JUNE =
    geo::Timestamp{std::chrono::sys_days{std::chrono::year{2021} / 6 / 15}} + 4h;

std::size_t inside_any(const std::vector<std::int32_t>& assigned, const std::vector<std::uint32_t>& which) {
    return static_cast<std::size_t>(std::count_if(which.begin(), which.end(),
                                                  [&](std::uint32_t i) { return assigned[i] >= 0; }));
}

std::size_t total(const std::vector<geo::NeighbourhoodStats>& stats, std::size_t geo::NeighbourhoodStats::*field) {
    return std::accumulate(stats.begin(), stats.end(), std::size_t{0},
                           [&](std::size_t sum, const geo::NeighbourhoodStats& s) { return sum + s.*field; });
}

}  // namespace

TEST_CASE("sample: May 2021 has 243 incidents and June 151 under a month window") {
    const geo::District& d = sample();
    REQUIRE(d.incidents.size() == 2098);
    const std::string& zone = d.metadata.timezone;
    geo::IncidentFilter june;
    june.window = geo::window_containing(MID_JUNE, geo::TimeStep::month, zone);
    CHECK(geo::window_label(*june.window, geo::TimeStep::month, zone) == "2021-06");
    geo::IncidentFilter may;
    may.window = geo::shifted(*june.window, geo::TimeStep::month, -1, zone);
    CHECK(geo::filter_incidents(d, may).size() == 243);
    CHECK(geo::filter_incidents(d, june).size() == 151);
    // The station's June -37.9% (to one decimal).
    CHECK(std::round(*geo::change_pct(243, 151) * 10) / 10 == doctest::Approx(-37.9));
}

TEST_CASE("sample: per-neighbourhood incidents add up to those inside any neighbourhood") {
    const geo::District& d = sample();
    const auto& assigned = sample_assignment();
    REQUIRE(d.neighbourhoods.size() == 36);
    REQUIRE(assigned.size() == d.incidents.size());

    const auto all = geo::neighbourhood_stats(d, assigned, {});
    CHECK(total(all, &geo::NeighbourhoodStats::incidents) == inside_any(assigned, geo::filter_incidents(d, {})));

    geo::IncidentFilter june;
    june.window = geo::window_containing(MID_JUNE, geo::TimeStep::month, d.metadata.timezone);
    june.fraud_types = {geo::FraudType::investment, geo::FraudType::health_product};
    june.age_bands = {geo::AgeBand::age_60_plus};
    geo::IncidentFilter may = june;
    may.window = geo::previous_window(*june.window, d.metadata.timezone);
    const auto stats = geo::neighbourhood_stats(d, assigned, june);
    CHECK(total(stats, &geo::NeighbourhoodStats::incidents) == inside_any(assigned, geo::filter_incidents(d, june)));
    CHECK(total(stats, &geo::NeighbourhoodStats::incidents_previous) ==
          inside_any(assigned, geo::filter_incidents(d, may)));

    geo::IncidentFilter month;
    month.window = june.window;
    const auto june_all = geo::neighbourhood_stats(d, assigned, month);
    CHECK(total(june_all, &geo::NeighbourhoodStats::incidents) == inside_any(assigned, geo::filter_incidents(d, month)));
    CHECK(total(june_all, &geo::NeighbourhoodStats::incidents) <= 151);
    CHECK(total(june_all, &geo::NeighbourhoodStats::incidents_previous) <= 243);
}

TEST_CASE("sample: population and posters per neighbourhood add up to the district's") {
    const geo::District& d = sample();
    const auto stats = geo::neighbourhood_stats(d, sample_assignment(), {});
    std::int64_t residents = 0, transients = 0;
    std::size_t publicity = 0;
    for (const auto& s : stats) {
        residents += s.residents;
        transients += s.transients;
        publicity += s.posters + s.contact_cards + s.banners;
        CHECK(s.population == s.residents + s.transients);
        CHECK_FALSE(s.officer_name.empty());
    }
    CHECK(residents == 65'000);
    CHECK(transients == 34'000);
    const auto still_up = std::count_if(d.posters.begin(), d.posters.end(),
                                        [](const geo::Poster& p) { return !p.removed; });
    CHECK(publicity > 0);
    CHECK(publicity <= static_cast<std::size_t>(still_up));
}

TEST_CASE("sample: the police station is found by its Chinese name") {
    const auto hits = geo::search(sample(), "江南派出所");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].layer == geo::LayerKind::sites);
    CHECK(sample().sites[hits[0].index].kind == geo::SiteKind::police_station);
}
