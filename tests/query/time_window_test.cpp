// Week and month windows in the workspace's zone: the buckets every view's time slider steps by.
#include "geo/query/time_window.h"

#include <date/date.h>
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "geo/util/error.h"

namespace {

using namespace std::chrono_literals;
using geo::TimeStep;
using geo::TimeWindow;
using geo::Timestamp;

const std::string SHANGHAI = "Asia/Shanghai";           // UTC+8 all year (no DST since 1991)
const std::string LOS_ANGELES = "America/Los_Angeles";  // PST UTC-8; PDT UTC-7 from 14 March 2021

Timestamp utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
    return Timestamp{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
           std::chrono::hours{hh} + std::chrono::minutes{mm};
}

// Wall-clock time in Shanghai, built without the code under test.
Timestamp shanghai(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
    return utc(y, m, d, hh, mm) - 8h;
}

}  // namespace

TEST_CASE("a Sunday 23:30 and the Monday 00:10 after it fall in different ISO weeks") {
    const Timestamp sunday = shanghai(2021, 6, 13, 23, 30);
    const Timestamp monday = shanghai(2021, 6, 14, 0, 10);
    const TimeWindow before = geo::window_containing(sunday, TimeStep::week, SHANGHAI);
    const TimeWindow after = geo::window_containing(monday, TimeStep::week, SHANGHAI);
    CHECK(before == TimeWindow{shanghai(2021, 6, 7), shanghai(2021, 6, 14)});
    CHECK(after == TimeWindow{shanghai(2021, 6, 14), shanghai(2021, 6, 21)});
    CHECK(geo::window_label(before, TimeStep::week, SHANGHAI) == "2021-W23");
    CHECK(geo::window_label(after, TimeStep::week, SHANGHAI) == "2021-W24");
}

TEST_CASE("weeks start at Monday midnight local time, not UTC") {
    // 2021-06-13 16:10 UTC is Sunday in UTC but Monday 00:10 in Shanghai.
    const Timestamp t = utc(2021, 6, 13, 16, 10);
    CHECK(geo::window_label(geo::window_containing(t, TimeStep::week, SHANGHAI), TimeStep::week,
                            SHANGHAI) == "2021-W24");
    CHECK(geo::window_label(geo::window_containing(t, TimeStep::week, "UTC"), TimeStep::week, "UTC") ==
          "2021-W23");
    // The window's first instant is inside it, its end is not.
    const TimeWindow w = geo::window_containing(shanghai(2021, 6, 14), TimeStep::week, SHANGHAI);
    CHECK(w.from == shanghai(2021, 6, 14));
    CHECK(w.contains(w.from));
    CHECK_FALSE(w.contains(w.to));
}

TEST_CASE("2021-01-03 is in ISO week 2020-W53") {
    const TimeWindow w = geo::window_containing(shanghai(2021, 1, 3, 12), TimeStep::week, SHANGHAI);
    CHECK(w == TimeWindow{shanghai(2020, 12, 28), shanghai(2021, 1, 4)});
    CHECK(geo::window_label(w, TimeStep::week, SHANGHAI) == "2020-W53");
    const TimeWindow next = geo::shifted(w, TimeStep::week, 1, SHANGHAI);
    CHECK(geo::window_label(next, TimeStep::week, SHANGHAI) == "2021-W01");
    CHECK(geo::shifted(next, TimeStep::week, -1, SHANGHAI) == w);
    // 2019-12-30 (a Monday) starts 2020-W01.
    CHECK(geo::window_label(geo::window_containing(shanghai(2019, 12, 31), TimeStep::week, SHANGHAI),
                            TimeStep::week, SHANGHAI) == "2020-W01");
}

TEST_CASE("month windows are calendar months in the zone") {
    const TimeWindow june = geo::window_containing(shanghai(2021, 6, 30, 23, 30), TimeStep::month, SHANGHAI);
    CHECK(june == TimeWindow{shanghai(2021, 6, 1), shanghai(2021, 7, 1)});
    CHECK(geo::window_label(june, TimeStep::month, SHANGHAI) == "2021-06");
    CHECK(geo::window_containing(shanghai(2021, 7, 1), TimeStep::month, SHANGHAI).from ==
          shanghai(2021, 7, 1));
    // 2021-05-31 20:00 UTC is already 1 June in Shanghai.
    CHECK(geo::window_containing(utc(2021, 5, 31, 20), TimeStep::month, SHANGHAI) == june);
    CHECK(geo::window_containing(shanghai(2020, 2, 29, 12), TimeStep::month, SHANGHAI) ==
          TimeWindow{shanghai(2020, 2, 1), shanghai(2020, 3, 1)});
}

TEST_CASE("shifting a month keeps calendar months, across years") {
    const TimeWindow june{shanghai(2021, 6, 1), shanghai(2021, 7, 1)};
    CHECK(geo::shifted(june, TimeStep::month, -1, SHANGHAI) ==
          TimeWindow{shanghai(2021, 5, 1), shanghai(2021, 6, 1)});  // 31 days
    CHECK(geo::shifted(june, TimeStep::month, 1, SHANGHAI) ==
          TimeWindow{shanghai(2021, 7, 1), shanghai(2021, 8, 1)});
    CHECK(geo::shifted(june, TimeStep::month, -6, SHANGHAI) ==
          TimeWindow{shanghai(2020, 12, 1), shanghai(2021, 1, 1)});
    CHECK(geo::window_label(geo::shifted(june, TimeStep::month, 7, SHANGHAI), TimeStep::month,
                            SHANGHAI) == "2022-01");
    CHECK(geo::shifted(june, TimeStep::month, 0, SHANGHAI) == june);
}

TEST_CASE("windows covering a range include the windows of both ends") {
    const auto months = geo::windows_covering(shanghai(2021, 5, 20), shanghai(2021, 7, 1),
                                              TimeStep::month, SHANGHAI);
    REQUIRE(months.size() == 3);
    CHECK(geo::window_label(months[0], TimeStep::month, SHANGHAI) == "2021-05");
    CHECK(geo::window_label(months[2], TimeStep::month, SHANGHAI) == "2021-07");
    CHECK(months[0].to == months[1].from);
    CHECK(months[1].to == months[2].from);

    const auto weeks = geo::windows_covering(shanghai(2021, 1, 1), shanghai(2021, 12, 31, 23, 59),
                                             TimeStep::week, SHANGHAI);
    REQUIRE(weeks.size() == 53);  // 2020-W53 to 2021-W52
    CHECK(geo::window_label(weeks.front(), TimeStep::week, SHANGHAI) == "2020-W53");
    CHECK(geo::window_label(weeks.back(), TimeStep::week, SHANGHAI) == "2021-W52");

    CHECK(geo::windows_covering(shanghai(2021, 5, 20), shanghai(2021, 5, 20), TimeStep::month,
                                SHANGHAI).size() == 1);
    CHECK(geo::windows_covering(shanghai(2021, 7, 1), shanghai(2021, 5, 1), TimeStep::month,
                                SHANGHAI).empty());
}

TEST_CASE("windows follow daylight saving time in zones that have it") {
    // Clocks went forward on Sunday 14 March 2021 in Los Angeles: that ISO week is 167 hours.
    const TimeWindow week = geo::window_containing(utc(2021, 3, 14, 20), TimeStep::week, LOS_ANGELES);
    CHECK(week == TimeWindow{utc(2021, 3, 8, 8), utc(2021, 3, 15, 7)});
    CHECK(week.to - week.from == 167h);
    const TimeWindow march = geo::window_containing(utc(2021, 3, 20), TimeStep::month, LOS_ANGELES);
    CHECK(march == TimeWindow{utc(2021, 3, 1, 8), utc(2021, 4, 1, 7)});
    CHECK(geo::shifted(march, TimeStep::month, 1, LOS_ANGELES) ==
          TimeWindow{utc(2021, 4, 1, 7), utc(2021, 5, 1, 7)});
}

TEST_CASE("the previous window is the previous calendar month, ISO week or same duration") {
    const TimeWindow june{shanghai(2021, 6, 1), shanghai(2021, 7, 1)};
    CHECK(geo::previous_window(june, SHANGHAI) == TimeWindow{shanghai(2021, 5, 1), shanghai(2021, 6, 1)});
    const TimeWindow may_june{shanghai(2021, 5, 1), shanghai(2021, 7, 1)};
    CHECK(geo::previous_window(may_june, SHANGHAI) ==
          TimeWindow{shanghai(2021, 3, 1), shanghai(2021, 5, 1)});
    const TimeWindow w24{shanghai(2021, 6, 14), shanghai(2021, 6, 21)};
    CHECK(geo::previous_window(w24, SHANGHAI) == TimeWindow{shanghai(2021, 6, 7), shanghai(2021, 6, 14)});
    const TimeWindow two_weeks{shanghai(2021, 6, 14), shanghai(2021, 6, 28)};
    CHECK(geo::previous_window(two_weeks, SHANGHAI) ==
          TimeWindow{shanghai(2021, 5, 31), shanghai(2021, 6, 14)});
    // February 2021 runs Monday to Monday: a calendar month wins, so January is before it.
    const TimeWindow february{shanghai(2021, 2, 1), shanghai(2021, 3, 1)};
    CHECK(geo::previous_window(february, SHANGHAI) ==
          TimeWindow{shanghai(2021, 1, 1), shanghai(2021, 2, 1)});
    // Any other window: the same duration just before it.
    const TimeWindow ten_days{shanghai(2021, 6, 5, 12), shanghai(2021, 6, 15, 12)};
    CHECK(geo::previous_window(ten_days, SHANGHAI) ==
          TimeWindow{shanghai(2021, 5, 26, 12), shanghai(2021, 6, 5, 12)});
    // Month boundaries in UTC are not month boundaries in Shanghai.
    const TimeWindow utc_june{utc(2021, 6, 1), utc(2021, 7, 1)};
    CHECK(geo::previous_window(utc_june, SHANGHAI) == TimeWindow{utc(2021, 5, 2), utc(2021, 6, 1)});
    CHECK(geo::previous_window(utc_june, "UTC") == TimeWindow{utc(2021, 5, 1), utc(2021, 6, 1)});
}

TEST_CASE("an unknown time zone is bad input") {
    CHECK_THROWS_AS(geo::window_containing(utc(2021, 6, 1), TimeStep::week, "Asia/Shanghia"),
                    geo::BadInput);
    CHECK_THROWS_WITH_AS(geo::window_label({utc(2021, 6, 1), utc(2021, 7, 1)}, TimeStep::month, "Mars/Base"),
                         "unknown time zone 'Mars/Base'", geo::BadInput);
}
