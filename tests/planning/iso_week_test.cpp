// parse_iso_week: ISO 8601 weeks by the date library's iso_week calendar.
#include <doctest/doctest.h>

#include "geo/planning/iso_week.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

using namespace geo;

TEST_CASE("ISO weeks: Monday to Monday in the zone, week 53 only in the years that have one") {
    const auto w24 = parse_iso_week("2021-W24", "Asia/Shanghai");
    REQUIRE(w24);
    CHECK(format_local(w24->from, "Asia/Shanghai", "%Y-%m-%d %H:%M") == "2021-06-14 00:00");
    CHECK(format_local(w24->to, "Asia/Shanghai", "%Y-%m-%d %H:%M") == "2021-06-21 00:00");
    CHECK(window_label(*w24, TimeStep::week, "Asia/Shanghai") == "2021-W24");
    // 2020 has 53 weeks (it began on a Wednesday in a leap year); 2021 has 52.
    const auto w53 = parse_iso_week("2020-W53", "Asia/Shanghai");
    REQUIRE(w53);
    CHECK(format_local(w53->from, "Asia/Shanghai", "%Y-%m-%d") == "2020-12-28");
    CHECK_FALSE(parse_iso_week("2021-W53", "Asia/Shanghai"));
    // Week 1 holds 4 January: 2021-W01 starts on 4 January, 2020-W01 on 30 December 2019.
    CHECK(format_local(parse_iso_week("2021-W01", "UTC")->from, "UTC", "%Y-%m-%d") == "2021-01-04");
    CHECK(format_local(parse_iso_week("2020-W01", "UTC")->from, "UTC", "%Y-%m-%d") == "2019-12-30");
    for (const char* bad : {"2021-W00", "2021-W54", "2021W24", "21-W24", "2021-W2", "2021-w24"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso_week(bad, "UTC"));
    }
    CHECK_THROWS_AS(parse_iso_week("2021-W24", "Mars/Olympus"), BadInput);
}
