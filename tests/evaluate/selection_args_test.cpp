// The analysis commands' selection flags: durations, dates, extents and --where conditions.
#include <doctest/doctest.h>

#include <chrono>

#include "geo/evaluate/selection_args.h"
#include "geo/util/error.h"

using namespace std::chrono;

TEST_CASE("durations are whole days, weeks or hours") {
    CHECK(geo::parse_duration("30d", "--horizon") == days{30});
    CHECK(geo::parse_duration("4w", "--horizon") == weeks{4});
    CHECK(geo::parse_duration("12h", "--horizon") == hours{12});
    for (const char* bad : {"30", "0d", "-1d", "30x", "d", "1.5d", ""}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(geo::parse_duration(bad, "--horizon"), doctest::Contains("--horizon"), geo::BadInput);
    }
}

TEST_CASE("--to with a date alone includes that whole day") {
    const geo::Selection s = geo::parse_selection({"2021-06-01", "2021-06-30", {}, {}}, "Asia/Shanghai");
    REQUIRE(s.filter.window);
    // 2021-06-01 00:00 and 2021-07-01 00:00 in Shanghai (UTC+8).
    CHECK(s.filter.window->from == geo::Timestamp{sys_days{year{2021} / 5 / 31}} + hours{16});
    CHECK(s.filter.window->to == geo::Timestamp{sys_days{year{2021} / 6 / 30}} + hours{16});
    const geo::Selection t = geo::parse_selection({"", "2021-06-30T12:00", {}, {}}, "Asia/Shanghai");
    CHECK(t.filter.window->to == geo::Timestamp{sys_days{year{2021} / 6 / 30}} + hours{4});
    CHECK_THROWS_AS(geo::parse_selection({"2021-07-01", "2021-06-01", {}, {}}, "UTC"), geo::BadInput);
}

TEST_CASE("extents are four numbers, min before max") {
    const geo::Envelope e = geo::parse_extent("100,200,300.5,400");
    CHECK(e.min_x == 100);
    CHECK(e.max_x == 300.5);
    CHECK(e.max_y == 400);
    for (const char* bad : {"1,2,3", "1,2,3,4,5", "3,0,1,4", "a,b,c,d"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(geo::parse_extent(bad), doctest::Contains("--extent"), geo::BadInput);
    }
}

TEST_CASE("--where matches extra fields by their text, and our vocabulary fields") {
    geo::District d;
    geo::Incident burglary;
    burglary.extras["CATEGORY"] = std::string("BURGLARY");
    burglary.extras["census_tra"] = std::int64_t{4100};
    geo::Incident other = burglary;
    other.extras["CATEGORY"] = std::string("OTHER");
    other.fraud_type = geo::FraudType::loan;
    d.incidents = {burglary, other};
    const geo::Selection s = geo::parse_selection({"", "", {}, {"category=BURGLARY", "CENSUS_TRA=4100"}}, "UTC");
    CHECK(geo::select_incidents(d, s) == std::vector<std::uint32_t>{0});
    const geo::Selection loans = geo::parse_selection({"", "", {}, {"fraud_type=loan"}}, "UTC");
    CHECK(geo::select_incidents(d, loans) == std::vector<std::uint32_t>{1});
    const geo::Selection a_equals = geo::parse_selection({"", "", {}, {"CATEGORY=A=B"}}, "UTC");
    CHECK(a_equals.where[0].value == "A=B");
    CHECK_THROWS_AS(geo::parse_selection({"", "", {}, {"=x"}}, "UTC"), geo::BadInput);
    CHECK_THROWS_WITH_AS(geo::select_incidents(d, geo::parse_selection({"", "", {}, {"ward=3"}}, "UTC")),
                         doctest::Contains("no incident"), geo::BadInput);
}
