#include "geo/util/time_parse.h"

#include <date/date.h>
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "geo/util/error.h"

using namespace std::chrono_literals;
using geo::Timestamp;

namespace {

const std::string SHANGHAI = "Asia/Shanghai";        // UTC+8 all year (no DST since 1991)
const std::string LOS_ANGELES = "America/Los_Angeles";  // UTC-8, UTC-7 from March to November

// A UTC instant built from its fields, independent of the code under test.
Timestamp utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
    return Timestamp{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
           std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

}  // namespace

TEST_CASE("ISO 8601 time without a zone is local time in the given zone") {
    // Shanghai is UTC+8: 14:20 local is 06:20 UTC.
    CHECK(geo::parse_iso8601("2021-05-03T14:20", SHANGHAI) == utc(2021, 5, 3, 6, 20));
    CHECK(geo::parse_iso8601("2021-05-03T14:20:05", SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::parse_iso8601("2021-05-03 14:20:05", SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::parse_iso8601("2021-05-03t14:20:05", SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
    // Early morning local is the previous day in UTC.
    CHECK(geo::parse_iso8601("2021-05-03T03:00", SHANGHAI) == utc(2021, 5, 2, 19, 0));
    CHECK(geo::parse_iso8601("2021-05-03T14:20", "UTC") == utc(2021, 5, 3, 14, 20));
}

TEST_CASE("ISO 8601 date alone is local midnight") {
    CHECK(geo::parse_iso8601("2021-05-03", SHANGHAI) == utc(2021, 5, 2, 16, 0));
    CHECK(geo::parse_iso8601("2021-05-03", "UTC") == utc(2021, 5, 3));
    CHECK(geo::parse_iso8601("2021-01-15", LOS_ANGELES) == utc(2021, 1, 15, 8, 0));
    CHECK(geo::parse_iso8601("2020-02-29", "UTC") == utc(2020, 2, 29));  // leap year
}

TEST_CASE("ISO 8601 fraction of a second is dropped, not rounded") {
    CHECK(geo::parse_iso8601("2021-05-03 14:20:05.250", SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::parse_iso8601("2021-05-03 14:20:05.999999999", SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::parse_iso8601("2021-05-03T14:20:05,5", SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::parse_iso8601("2021-05-03T14:20:59.9Z", SHANGHAI) == utc(2021, 5, 3, 14, 20, 59));
}

TEST_CASE("ISO 8601 explicit zone designator wins over the zone argument") {
    // The same instant, 06:20:05 UTC, written five ways; the zone argument is a decoy.
    const Timestamp expected = utc(2021, 5, 3, 6, 20, 5);
    CHECK(geo::parse_iso8601("2021-05-03T06:20:05Z", LOS_ANGELES) == expected);
    CHECK(geo::parse_iso8601("2021-05-03T06:20:05z", LOS_ANGELES) == expected);
    CHECK(geo::parse_iso8601("2021-05-03T14:20:05+08:00", LOS_ANGELES) == expected);
    CHECK(geo::parse_iso8601("2021-05-03T14:20:05+0800", LOS_ANGELES) == expected);
    CHECK(geo::parse_iso8601("2021-05-02T23:20:05-07", SHANGHAI) == expected);
    CHECK(geo::parse_iso8601("2021-05-03T11:50:05+05:30", SHANGHAI) == expected);  // India
    CHECK(geo::parse_iso8601("2021-05-03 14:20:05.250+08:00", LOS_ANGELES) == expected);
    CHECK(geo::parse_iso8601("2021-05-03T14:20+08:00", LOS_ANGELES) == utc(2021, 5, 3, 6, 20));
    CHECK(geo::parse_iso8601("2021-05-03T06:20:05-00:00", LOS_ANGELES) == expected);
    CHECK(geo::parse_iso8601("2021-05-03T00:00:00+18:00", "UTC") == utc(2021, 5, 2, 6, 0));
}

TEST_CASE("ISO 8601 local time follows daylight saving time") {
    // Los Angeles: PDT (UTC-7) in July, PST (UTC-8) in January.
    CHECK(geo::parse_iso8601("2021-07-15T12:00", LOS_ANGELES) == utc(2021, 7, 15, 19, 0));
    CHECK(geo::parse_iso8601("2021-01-15T12:00", LOS_ANGELES) == utc(2021, 1, 15, 20, 0));
    // Shanghai observed DST 1986-1991 (UTC+9 in summer).
    CHECK(geo::parse_iso8601("1988-07-01T12:00", SHANGHAI) == utc(1988, 7, 1, 3, 0));
    CHECK(geo::parse_iso8601("1988-01-01T12:00", SHANGHAI) == utc(1988, 1, 1, 4, 0));
}

TEST_CASE("Local time in a DST overlap is the earlier instant") {
    // 2021-11-07 in Los Angeles: clocks go back from 02:00 PDT to 01:00 PST, so 01:30 happens at
    // 08:30 UTC (PDT) and again at 09:30 UTC (PST). choose::earliest picks 08:30.
    CHECK(geo::parse_iso8601("2021-11-07T01:30", LOS_ANGELES) == utc(2021, 11, 7, 8, 30));
    CHECK(geo::from_local_fields(2021, 11, 7, 1, 30, 0, LOS_ANGELES) == utc(2021, 11, 7, 8, 30));
    CHECK(geo::parse_with_format("2021-11-07 01:30", "%Y-%m-%d %H:%M", LOS_ANGELES) ==
          utc(2021, 11, 7, 8, 30));
}

TEST_CASE("Local time in a DST gap maps to the transition instant") {
    // 2021-03-14 in Los Angeles: clocks jump from 02:00 PST to 03:00 PDT (10:00 UTC); 02:30 never
    // happens and is read as the transition, 03:00 PDT.
    CHECK(geo::parse_iso8601("2021-03-14T02:30", LOS_ANGELES) == utc(2021, 3, 14, 10, 0));
    CHECK(geo::from_local_fields(2021, 3, 14, 2, 30, 0, LOS_ANGELES) == utc(2021, 3, 14, 10, 0));
    // Either side of the gap is ordinary.
    CHECK(geo::parse_iso8601("2021-03-14T01:59", LOS_ANGELES) == utc(2021, 3, 14, 9, 59));
    CHECK(geo::parse_iso8601("2021-03-14T03:00", LOS_ANGELES) == utc(2021, 3, 14, 10, 0));
}

TEST_CASE("Every quarter hour of a DST year survives format_local then parse_iso8601") {
    // Only the second pass through the repeated hour (01:00-01:45 PST on 2021-11-07) comes back as
    // the earlier instant, one hour before: 4 of the year's 35 040 quarter hours.
    int unparsed = 0;
    int mismatches = 0;
    int one_hour_early = 0;
    for (Timestamp t = utc(2021, 1, 1); t < utc(2022, 1, 1); t += 15min) {
        const std::string local = geo::format_local(t, LOS_ANGELES, "%Y-%m-%dT%H:%M:%S");
        const auto back = geo::parse_iso8601(local, LOS_ANGELES);
        if (!back) {
            ++unparsed;
        } else if (*back != t) {
            ++mismatches;
            if (*back == t - 1h) ++one_hour_early;
        }
    }
    CHECK(unparsed == 0);
    CHECK(mismatches == 4);
    CHECK(one_hour_early == 4);
}

TEST_CASE("ISO 8601 parser rejects malformed and out-of-range text") {
    const char* const garbage[] = {
        "",
        " ",
        "NaN",
        "nan",
        "inf",
        "-",
        "null",
        "2021",
        "2021-05",
        "2021-5-3",
        "21-05-03",
        "2021/05/03",
        "20210503",                 // basic format date: not accepted
        " 2021-05-03",              // leading whitespace
        "2021-05-03 ",              // trailing whitespace
        "2021-05-03x",              // trailing junk after a date
        "2021-05-03T14:20x",        // trailing junk after a time
        "2021-05-03T14:20:05Zjunk",
        "2021-05-03T14:20:05+08:00 ",
        "2021-13-01",               // month 13
        "2021-00-10",               // month 0
        "2021-05-32",               // day 32
        "2021-05-00",               // day 0
        "2021-02-30",               // Feb 30
        "2021-02-29",               // not a leap year
        "2021-04-31",               // April has 30 days
        "2021-05-03T25:00",         // hour 25
        "2021-05-03T24:00",         // 24:00 end-of-day form is not accepted
        "2021-05-03T14:60",         // minute 60
        "2021-05-03T14:20:60",      // leap second
        "2021-05-03T",              // separator without a time
        "2021-05-03T14",            // hour without minutes
        "2021-05-03T1:20",
        "2021-05-03T14:2",
        "2021-05-03T14:20:5",
        "2021-05-03T14:20:05.",     // fraction without digits
        "2021-05-03T14:20:05.1234567890",  // more than nanoseconds
        "2021-05-03T14:20.5",       // fraction without seconds
        "2021-05-03Z",              // zone designator on a date alone
        "2021-05-03T14:20+8",
        "2021-05-03T14:20+08:0",
        "2021-05-03T14:20+080",
        "2021-05-03T14:20+08:60",
        "2021-05-03T14:20+19:00",   // beyond ±18:00
        "2021-05-03T14:20 +08:00",  // space before the offset
        "2021-05-03T14:20UTC",
        "2021-05-03T14:20:05Z+08:00",
        "2021-05-03\t14:20",
        "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x91-05-03",  // full-width digits "２０２１"
        "2021-05-03T14:20:05\xE2\x88\x92" "07:00",                  // U+2212 minus sign
    };
    for (const char* text : garbage) {
        CAPTURE(std::string(text));
        CHECK_FALSE(geo::parse_iso8601(text, SHANGHAI).has_value());
    }
}

TEST_CASE("Unknown time zone name throws BadInput naming it") {
    CHECK_THROWS_WITH_AS(geo::parse_iso8601("2021-05-03", "Mars/Olympus_Mons"),
                         "unknown time zone 'Mars/Olympus_Mons'", geo::BadInput);
    // Even when the text carries its own offset, so a typo shows on the first row.
    CHECK_THROWS_AS(geo::parse_iso8601("2021-05-03T14:20Z", "Asia/Shang_hai"), geo::BadInput);
    CHECK_THROWS_AS(geo::parse_iso8601("garbage", ""), geo::BadInput);
    CHECK_THROWS_AS(geo::parse_with_format("20210503", "%Y%m%d", "Beijing"), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021, 5, 3, 14, 20, 0, "CST+8"), geo::BadInput);
    CHECK_THROWS_AS(geo::format_local(utc(2021, 5, 3), "Nowhere/Town", "%F"), geo::BadInput);
    CHECK_THROWS_AS(geo::local_date(utc(2021, 5, 3), "Nowhere/Town"), geo::BadInput);
}

TEST_CASE("Format-driven parsing reads local time in the zone") {
    CHECK(geo::parse_with_format("20210503 1420", "%Y%m%d %H%M", SHANGHAI) == utc(2021, 5, 3, 6, 20));
    CHECK(geo::parse_with_format("03/05/2021", "%d/%m/%Y", SHANGHAI) == utc(2021, 5, 2, 16, 0));
    CHECK(geo::parse_with_format("2021年05月03日 14时20分", "%Y年%m月%d日 %H时%M分", SHANGHAI) ==
          utc(2021, 5, 3, 6, 20));
    CHECK(geo::parse_with_format("07/15/2021 12:00:00", "%m/%d/%Y %H:%M:%S", LOS_ANGELES) ==
          utc(2021, 7, 15, 19, 0));
    CHECK(geo::parse_with_format("01/15/2021 12:00:00", "%m/%d/%Y %H:%M:%S", LOS_ANGELES) ==
          utc(2021, 1, 15, 20, 0));
}

TEST_CASE("Format with %z uses the parsed offset, not the zone") {
    CHECK(geo::parse_with_format("2021-05-03 14:20:05 +0800", "%Y-%m-%d %H:%M:%S %z", LOS_ANGELES) ==
          utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::parse_with_format("2021-05-02 23:20:05 -0700", "%Y-%m-%d %H:%M:%S %z", SHANGHAI) ==
          utc(2021, 5, 3, 6, 20, 5));
    // A zero offset is an offset too: not mistaken for "no %z".
    CHECK(geo::parse_with_format("2021-05-03 06:20:05 +0000", "%Y-%m-%d %H:%M:%S %z", SHANGHAI) ==
          utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::parse_with_format("2021-05-03T14:20:05+08:00", "%Y-%m-%dT%H:%M:%S%Ez", LOS_ANGELES) ==
          utc(2021, 5, 3, 6, 20, 5));
    // date::parse reads an hours-only offset too.
    CHECK(geo::parse_with_format("2021-05-03 14:20:05 +08", "%Y-%m-%d %H:%M:%S %z", LOS_ANGELES) ==
          utc(2021, 5, 3, 6, 20, 5));
}

TEST_CASE("Seconds missing where %S or %T expects them: no match, and no undefined behaviour") {
    // Found by fuzzing: date 3.0.1 converted an uninitialised value for these (see time_parse.cpp).
    CHECK_FALSE(geo::parse_with_format("2021-03-14", "%Y%S", SHANGHAI));
    CHECK_FALSE(geo::parse_with_format("2021-03-14 10:20:xx", "%Y-%m-%d %T", SHANGHAI));
    CHECK_FALSE(geo::parse_with_format("2021-03-14 10:20:", "%Y-%m-%d %H:%M:%S", SHANGHAI));
    // Found by fuzzing: date 3.0.1 negated minutes::min() for an offset sign without digits.
    CHECK_FALSE(geo::parse_with_format("2022-05-03 -x", "%Y-%m-%d %z", SHANGHAI));
    CHECK_FALSE(geo::parse_with_format("2022-05-03 -", "%Y-%m-%d %z", SHANGHAI));
    CHECK_THROWS_AS(geo::parse_with_format("+0800 2022-05-03", "%z %Y-%m-%d", SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::parse_with_format("-0", "%420z", SHANGHAI), geo::BadInput);  // a width on it, also fuzzed
    // And a width date would overflow an int with.
    CHECK_THROWS_AS(geo::parse_with_format("2021", "%5555555555555555555555Y", SHANGHAI), geo::BadInput);
    CHECK(geo::parse_with_format("20210503", "%4Y%2m%2d", SHANGHAI) == utc(2021, 5, 2, 16, 0));
    CHECK_THROWS_AS(geo::parse_with_format("2222222222222222222222", "%0S", SHANGHAI), geo::BadInput);  // fuzzed: no limit
    CHECK_THROWS_AS(geo::parse_with_format("2021", "%10Y", SHANGHAI), geo::BadInput);
    // "%2%" is one conversion (a literal percent) for date, so a width may follow it (fuzzed).
    CHECK_THROWS_AS(geo::parse_with_format("%2020", "%2%%2222222222Y", SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::parse_with_format("%\t66", "%%%t6602105002:0", SHANGHAI), geo::BadInput);  // fuzzed
    CHECK(geo::parse_with_format("03-May-2021 14:20", "%d-%b-%Y %H:%M", SHANGHAI) == utc(2021, 5, 3, 6, 20));
    CHECK_THROWS_AS(geo::parse_with_format("2021", "%EEEEEE%5555555555555555Y", SHANGHAI), geo::BadInput);  // fuzzed
    // And they still read what they should, widths and %% included.
    CHECK(geo::parse_with_format("2021-05-03 14:20:05", "%Y-%m-%d %T", SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::parse_with_format("20210503142005", "%Y%m%d%H%M%2S", SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::parse_with_format("2021-05-03 14:20:05 100%", "%Y-%m-%d %H:%M:%S 100%%", SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
}

TEST_CASE("Format-driven parser rejects text that does not fit") {
    struct Case {
        const char* text;
        const char* format;
    };
    const Case garbage[] = {
        {"", "%Y%m%d"},
        {"NaN", "%Y%m%d"},
        {"20210503 1420x", "%Y%m%d %H%M"},  // trailing junk
        {"20210503 1420 ", "%Y%m%d %H%M"},  // trailing whitespace
        {"20211303", "%Y%m%d"},             // month 13
        {"20210532", "%Y%m%d"},             // day 32
        {"30/02/2021", "%d/%m/%Y"},         // Feb 30
        {"20210503 2520", "%Y%m%d %H%M"},   // hour 25
        {"20210503 1460", "%Y%m%d %H%M"},   // minute 60
        {"2021-05-03", "%d/%m/%Y"},         // another layout
        {"14:20", "%H:%M"},                 // a format without a date
        {"2021-05-03 14:20:05 UTC", "%Y-%m-%d %H:%M:%S %z"},
        {"2021-05-03 14:20:05 +8", "%Y-%m-%d %H:%M:%S %z"},
        {"2021-05-03 14:20:05 +2000", "%Y-%m-%d %H:%M:%S %z"},  // beyond ±18 hours
    };
    for (const Case& c : garbage) {
        CAPTURE(std::string(c.text));
        CAPTURE(std::string(c.format));
        CHECK_FALSE(geo::parse_with_format(c.text, c.format, SHANGHAI).has_value());
    }
}

TEST_CASE("Local fields from GDAL convert to UTC in the zone") {
    CHECK(geo::from_local_fields(2021, 5, 3, 14, 20, 5.75, SHANGHAI) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::from_local_fields(2021, 5, 3, 0, 0, 0.0, SHANGHAI) == utc(2021, 5, 2, 16, 0));
    CHECK(geo::from_local_fields(2021, 7, 15, 12, 0, 0.0, LOS_ANGELES) == utc(2021, 7, 15, 19, 0));
    CHECK(geo::from_local_fields(2021, 1, 15, 12, 0, 0.0, LOS_ANGELES) == utc(2021, 1, 15, 20, 0));
    // A leap second 60 rolls into the next minute.
    CHECK(geo::from_local_fields(2016, 12, 31, 23, 59, 60.0, "UTC") == utc(2017, 1, 1));
}

TEST_CASE("Invalid local fields throw BadInput") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(geo::from_local_fields(2021, 2, 30, 0, 0, 0, SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021, 13, 1, 0, 0, 0, SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021, 0, 1, 0, 0, 0, SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021, 5, 32, 0, 0, 0, SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021, 5, 3, 24, 0, 0, SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021, 5, 3, 14, 60, 0, SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021, 5, 3, 14, 20, -1.0, SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021, 5, 3, 14, 20, 61.0, SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021, 5, 3, 14, 20, nan, SHANGHAI), geo::BadInput);
    CHECK_THROWS_AS(geo::from_local_fields(2021 + 65536, 5, 3, 14, 20, 0, SHANGHAI), geo::BadInput);
    CHECK_THROWS_WITH_AS(geo::from_local_fields(2021, 2, 30, 0, 0, 0, SHANGHAI),
                         doctest::Contains("not a valid date and time"), geo::BadInput);
}

TEST_CASE("Fields with a UTC offset convert without a zone") {
    CHECK(geo::from_offset_fields(2021, 5, 3, 14, 20, 5.5, 8 * 60) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::from_offset_fields(2021, 5, 3, 6, 20, 5.0, 0) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::from_offset_fields(2021, 5, 2, 23, 20, 5.0, -7 * 60) == utc(2021, 5, 3, 6, 20, 5));
    CHECK(geo::from_offset_fields(2021, 5, 3, 11, 50, 5.0, 5 * 60 + 30) == utc(2021, 5, 3, 6, 20, 5));
    // GDAL TZFlag 132 = 100 + 4 * 8 quarter hours = UTC+08:00.
    const int tzflag = 132;
    CHECK(geo::from_offset_fields(2021, 5, 3, 14, 20, 5.0, (tzflag - 100) * 15) ==
          utc(2021, 5, 3, 6, 20, 5));
    CHECK_THROWS_AS(geo::from_offset_fields(2021, 5, 3, 14, 20, 0, 19 * 60), geo::BadInput);
    CHECK_THROWS_AS(geo::from_offset_fields(2021, 2, 29, 14, 20, 0, 0), geo::BadInput);
}

TEST_CASE("UTC timestamps format as ISO 8601 with Z") {
    CHECK(geo::format_iso8601_utc(utc(2021, 5, 3, 6, 20)) == "2021-05-03T06:20:00Z");
    CHECK(geo::format_iso8601_utc(Timestamp{}) == "1970-01-01T00:00:00Z");
    CHECK(geo::format_iso8601_utc(Timestamp{} - 1s) == "1969-12-31T23:59:59Z");
    CHECK(geo::format_iso8601_utc(utc(2024, 2, 29, 23, 59, 59)) == "2024-02-29T23:59:59Z");
}

TEST_CASE("Formatted UTC text parses back to the same timestamp") {
    for (const Timestamp t : {utc(2021, 5, 3, 6, 20), utc(1999, 12, 31, 23, 59, 59), utc(2030, 1, 1)}) {
        CHECK(geo::parse_iso8601(geo::format_iso8601_utc(t), LOS_ANGELES) == t);
    }
}

TEST_CASE("Local formatting shows wall-clock time, abbreviation and offset") {
    const Timestamp t = utc(2021, 5, 3, 6, 20);
    CHECK(geo::format_local(t, SHANGHAI, "%Y-%m-%d %H:%M") == "2021-05-03 14:20");
    CHECK(geo::format_local(t, SHANGHAI, "%z") == "+0800");
    CHECK(geo::format_local(utc(2021, 7, 15, 19, 0), LOS_ANGELES, "%H:%M %Z %z") == "12:00 PDT -0700");
    CHECK(geo::format_local(utc(2021, 1, 15, 20, 0), LOS_ANGELES, "%H:%M %Z %z") == "12:00 PST -0800");
}

TEST_CASE("Local date is the calendar day in the zone") {
    // 16:30 UTC is 00:30 the next day in Shanghai and 09:30 the same day in Los Angeles.
    const Timestamp t = utc(2021, 5, 3, 16, 30);
    CHECK(geo::local_date(t, SHANGHAI) == geo::LocalDate{2021, 5, 4});
    CHECK(geo::local_date(t, LOS_ANGELES) == geo::LocalDate{2021, 5, 3});
    CHECK(geo::local_date(t, "UTC") == geo::LocalDate{2021, 5, 3});
    // New Year's Eve in Los Angeles is already the new year in UTC.
    CHECK(geo::local_date(utc(2022, 1, 1, 7, 59, 59), LOS_ANGELES) == geo::LocalDate{2021, 12, 31});
    CHECK(geo::local_date(utc(2022, 1, 1, 8, 0), LOS_ANGELES) == geo::LocalDate{2022, 1, 1});
}

TEST_CASE("Known time zones are the system tzdata's IANA names") {
    CHECK(geo::is_known_zone(SHANGHAI));
    CHECK(geo::is_known_zone(LOS_ANGELES));
    CHECK(geo::is_known_zone("UTC"));
    CHECK(geo::is_known_zone("Asia/Urumqi"));
    CHECK_FALSE(geo::is_known_zone(""));
    CHECK_FALSE(geo::is_known_zone("Mars/Olympus_Mons"));
    CHECK_FALSE(geo::is_known_zone("Asia/Shanghai "));
    CHECK_FALSE(geo::is_known_zone("+08:00"));
}
