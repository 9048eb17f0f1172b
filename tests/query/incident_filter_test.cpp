// The shared incident filter: a half-open time window and, per field, a set of allowed values.
#include "geo/query/incident_filter.h"

#include <date/date.h>
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;
using geo::AgeBand;
using geo::FraudType;
using geo::IncidentSource;
using geo::Outcome;
using geo::Timestamp;

Timestamp shanghai(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
    return Timestamp{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
           std::chrono::hours{hh} + std::chrono::minutes{mm} - 8h;
}

geo::Incident incident(std::string id, Timestamp time, FraudType type, Outcome outcome,
                       AgeBand age, IncidentSource source) {
    geo::Incident i;
    i.id = std::move(id);
    i.time = time;
    i.fraud_type = type;
    i.outcome = outcome;
    i.victim_age_band = age;
    i.source = source;
    return i;
}

geo::District district_of_five() {
    geo::District d;
    d.incidents = {
        incident("I0", shanghai(2021, 5, 31, 23, 59), FraudType::investment, Outcome::lost,
                 AgeBand::age_60_plus, IncidentSource::report),
        incident("I1", shanghai(2021, 6, 1), FraudType::investment, Outcome::dissuaded,
                 AgeBand::age_60_plus, IncidentSource::bank_warning),
        incident("I2", shanghai(2021, 6, 15, 9), FraudType::loan, Outcome::lost,
                 AgeBand::under_25, IncidentSource::report),
        incident("I3", shanghai(2021, 6, 30, 23, 59), FraudType::order_brushing, Outcome::lost,
                 AgeBand::age_25_44, IncidentSource::patrol),
        incident("I4", shanghai(2021, 7, 1), FraudType::investment, Outcome::lost,
                 AgeBand::age_60_plus, IncidentSource::report),
    };
    return d;
}

const geo::TimeWindow JUNE{shanghai(2021, 6, 1), shanghai(2021, 7, 1)};

}  // namespace

TEST_CASE("an empty filter matches every incident") {
    const geo::District d = district_of_five();
    CHECK(geo::filter_incidents(d, {}) == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
}

TEST_CASE("the window includes its first instant and excludes its end") {
    const geo::District d = district_of_five();
    geo::IncidentFilter f;
    f.window = JUNE;
    CHECK(geo::filter_incidents(d, f) == std::vector<std::uint32_t>{1, 2, 3});
    f.window = geo::TimeWindow{shanghai(2021, 6, 1), shanghai(2021, 6, 1)};  // empty window
    CHECK(geo::filter_incidents(d, f).empty());
}

TEST_CASE("each field's set allows any of its values, and fields combine with AND") {
    const geo::District d = district_of_five();
    geo::IncidentFilter f;
    f.fraud_types = {FraudType::investment};
    CHECK(geo::filter_incidents(d, f) == std::vector<std::uint32_t>{0, 1, 4});
    f.fraud_types = {FraudType::investment, FraudType::loan};
    CHECK(geo::filter_incidents(d, f) == std::vector<std::uint32_t>{0, 1, 2, 4});
    f.outcomes = {Outcome::lost};
    CHECK(geo::filter_incidents(d, f) == std::vector<std::uint32_t>{0, 2, 4});
    f.window = JUNE;
    CHECK(geo::filter_incidents(d, f) == std::vector<std::uint32_t>{2});
    f.window.reset();
    f.age_bands = {AgeBand::age_60_plus};
    CHECK(geo::filter_incidents(d, f) == std::vector<std::uint32_t>{0, 4});
    f.sources = {IncidentSource::bank_warning, IncidentSource::patrol};
    CHECK(geo::filter_incidents(d, f).empty());

    geo::IncidentFilter by_source;
    by_source.sources = {IncidentSource::bank_warning, IncidentSource::patrol};
    CHECK(geo::filter_incidents(d, by_source) == std::vector<std::uint32_t>{1, 3});
    CHECK(by_source.matches(d.incidents[3]));
    CHECK_FALSE(by_source.matches(d.incidents[2]));
}

TEST_CASE("the incidents' time range holds the first and the last incident") {
    CHECK_FALSE(geo::incident_time_range(geo::District{}).has_value());
    geo::District d = district_of_five();
    std::swap(d.incidents[0], d.incidents[4]);  // not sorted by time
    const auto range = geo::incident_time_range(d);
    REQUIRE(range.has_value());
    CHECK(range->from == shanghai(2021, 5, 31, 23, 59));
    CHECK(range->to == shanghai(2021, 7, 1) + 1s);
    geo::IncidentFilter f;
    f.window = range;
    CHECK(geo::filter_incidents(d, f).size() == 5);
}
