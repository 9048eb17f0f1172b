// School-run times on literal moments: the windows are half-open, weekends are no school days,
// and the clock is the workspace's local one, not UTC.
#include <doctest/doctest.h>

#include "geo/transport/school_run.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

using namespace geo;

namespace {

const std::string kShanghai = "Asia/Shanghai";

Timestamp at(const char* iso) {
    const auto t = parse_iso8601(iso, kShanghai);
    REQUIRE(t.has_value());
    return *t;
}

SchoolRun run_at(const char* iso, const SchoolRunWindows& windows = {}) {
    return school_run_of(local_moment(at(iso), kShanghai), windows);
}

}  // namespace

TEST_CASE("the default windows: 07:00-08:30 and 15:30-17:30 local, start in, end out") {
    // Monday 7 June 2021.
    CHECK(run_at("2021-06-07T06:59:59") == SchoolRun::none);
    CHECK(run_at("2021-06-07T07:00:00") == SchoolRun::morning);
    CHECK(run_at("2021-06-07T08:29:59") == SchoolRun::morning);
    CHECK(run_at("2021-06-07T08:30:00") == SchoolRun::none);
    CHECK(run_at("2021-06-07T12:00:00") == SchoolRun::none);
    CHECK(run_at("2021-06-07T15:30:00") == SchoolRun::afternoon);
    CHECK(run_at("2021-06-07T17:29:59") == SchoolRun::afternoon);
    CHECK(run_at("2021-06-07T17:30:00") == SchoolRun::none);
}

TEST_CASE("school days are Monday to Friday; Saturday and Sunday runs are none") {
    CHECK(run_at("2021-06-11T16:00:00") == SchoolRun::afternoon);  // Friday
    CHECK(run_at("2021-06-12T07:30:00") == SchoolRun::none);       // Saturday
    CHECK(run_at("2021-06-13T16:00:00") == SchoolRun::none);       // Sunday
    CHECK(run_at("2021-06-14T07:30:00") == SchoolRun::morning);    // Monday again
}

TEST_CASE("the clock is local: Sunday 23:30 UTC is Monday 07:30 in Shanghai, on the school run") {
    CHECK(run_at("2021-06-06T23:30:00Z") == SchoolRun::morning);
    CHECK(run_at("2021-06-07T07:30:00Z") == SchoolRun::afternoon);  // 15:30 in Shanghai
    CHECK(run_at("2021-06-07T00:45:00Z") == SchoolRun::none);       // 08:45 in Shanghai
    CHECK(run_at("2021-06-11T16:00:00Z") == SchoolRun::none);       // Friday 16:00 in UTC, Saturday 00:00 in Shanghai
}

TEST_CASE("local moments: days since 1970 on the local calendar, weekday from Monday") {
    const LocalMoment thursday = local_moment(Timestamp{}, "UTC");
    CHECK(thursday.day == 0);
    CHECK(thursday.weekday == 3);  // 1 January 1970 was a Thursday
    const LocalMoment m = local_moment(at("2021-06-07T07:22:05"), kShanghai);
    CHECK(m.weekday == 0);
    CHECK(m.time_of_day == std::chrono::hours(7) + std::chrono::minutes(22) + std::chrono::seconds(5));
    CHECK(local_moment(at("2021-06-08T00:10"), kShanghai).day == m.day + 1);
    // Another zone: 14:30 UTC on a Tuesday is 07:30 that Tuesday in Los Angeles (UTC-7 in June).
    const LocalMoment la = local_moment(at("2021-06-08T14:30:00Z"), "America/Los_Angeles");
    CHECK(la.weekday == 1);
    CHECK(school_run_of(la, {}) == SchoolRun::morning);
    CHECK_THROWS_AS(local_moment(Timestamp{}, "Mars/Olympus"), BadInput);
}

TEST_CASE("configured windows replace the defaults; the morning wins where they overlap") {
    SchoolRunWindows w;
    w.morning = parse_clock_window("06:30-07:15", "--morning");
    w.afternoon = parse_clock_window("07:00-18:00", "--afternoon");
    CHECK(run_at("2021-06-07T06:30:00", w) == SchoolRun::morning);
    CHECK(run_at("2021-06-07T07:10:00", w) == SchoolRun::morning);
    CHECK(run_at("2021-06-07T07:15:00", w) == SchoolRun::afternoon);
    CHECK(run_at("2021-06-07T18:00:00", w) == SchoolRun::none);
}

TEST_CASE("time windows are read as HH:MM-HH:MM and refused otherwise, naming the flag") {
    const ClockWindow w = parse_clock_window("15:30-17:30", "--afternoon");
    CHECK(w.start == std::chrono::minutes(15 * 60 + 30));
    CHECK(w.end == std::chrono::minutes(17 * 60 + 30));
    CHECK(format_clock_window(w) == "15:30-17:30");
    CHECK(format_clock_window(parse_clock_window("22:00-24:00", "--afternoon")) == "22:00-24:00");
    for (const char* bad : {"7:00-8:30", "07:00", "07:00-08:60", "25:00-26:00", "24:00-24:00", "08:30-07:00", "07:00-07:00", "07h00-08h30", ""}) {
        CAPTURE(bad);
        try {
            parse_clock_window(bad, "--morning");
            FAIL("accepted");
        } catch (const BadInput& e) {
            CHECK(std::string(e.what()).rfind("--morning '", 0) == 0);
        }
    }
}
