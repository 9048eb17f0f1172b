#pragma once
// Times at the import/export edges: text and wall-clock fields in, UTC `Timestamp` out, and back.
// Time zones come from the system tzdata through Howard Hinnant's date/tz library
// (libhowardhinnant-date-dev, built with USE_OS_TZDB).
//
// Rules shared by every function here:
// - `zone` is an IANA name ("Asia/Shanghai", "America/Los_Angeles", "UTC"). An unknown name
//   throws geo::BadInput("unknown time zone 'X'"), even when the text carries its own offset,
//   so a typo in a workspace's time zone is reported on the first row and not on some later one.
// - Timestamps have whole-second resolution: fractions of a second are dropped (rounded down).
// - Local times that fall in a DST transition are resolved as date::choose::earliest does:
//   an ambiguous time (the repeated hour when clocks go back) is the earlier of its two instants
//   (the one still on summer time); a nonexistent time (the hour skipped when clocks go forward)
//   maps to the instant of the transition itself (02:30 on a spring-forward night at 02:00 is
//   read as 03:00 summer time). Neither is an error: field data written by people contains both.
// - Known limit of date/tz on the OS tzdata: it reads the explicit transitions of the TZif files
//   only, not their POSIX-TZ footer, so DST rules are applied up to 2037 and a DST zone is on
//   standard time after that (Los Angeles, July 2040: UTC-8). China has had no DST since 1991.
// - Parsers are strict: leading or trailing text, including whitespace, makes them fail
//   (callers trim their fields); so do out-of-range fields (month 13, day 32, Feb 30, hour 24).
#include <optional>
#include <string>
#include <string_view>

#include "geo/model/district.h"

namespace geo {

// ISO 8601 extended format, one of
//   "2021-05-03"                       a date alone: local midnight in `zone`
//   "2021-05-03T14:20"                 'T', 't' or one space between date and time
//   "2021-05-03T14:20:05"
//   "2021-05-03 14:20:05.250"          fraction of a second ('.' or ','), 1 to 9 digits, dropped
// followed, for a time, by an optional zone designator: "Z", "+08:00", "+0800", "-07" (at most
// ±18:00, as java.time allows). A time without one is local time in `zone`.
// Returns nullopt for anything else.
std::optional<Timestamp> parse_iso8601(std::string_view text, const std::string& zone);

// Parses `text` with a strftime-style `format` as date::parse reads it ("%Y%m%d %H%M",
// "%d/%m/%Y", "%Y-%m-%d %H:%M:%S %z"). The format must give a full date. The time is local in
// `zone` unless the format has %z, in which case the parsed offset wins. Returns nullopt when the
// text does not match the format, is not a valid date/time, or has text left over.
std::optional<Timestamp> parse_with_format(std::string_view text, const std::string& format,
                                           const std::string& zone);

// Local wall-clock fields (what GDAL's OGR_F_GetFieldAsDateTimeEx gives for a Date/DateTime
// field whose TZFlag is 0 "unknown" or 1 "local time") -> UTC. `second` may carry a fraction,
// which is dropped; 0 <= second < 61 (a leap second 60 rolls into the next minute).
// Throws geo::BadInput for fields that do not make a calendar date and time of day.
Timestamp from_local_fields(int year, int month, int day, int hour, int minute, double second,
                            const std::string& zone);

// Fields with a known offset east of UTC, in minutes -> UTC. GDAL's TZFlag maps to it as
// utc_offset_minutes = (tzflag - 100) * 15 for tzflag >= 100 (100 = UTC, 132 = UTC+08:00).
// Throws geo::BadInput for invalid fields or an offset beyond ±18 hours.
Timestamp from_offset_fields(int year, int month, int day, int hour, int minute, double second,
                             int utc_offset_minutes);

// "2021-05-03T06:20:00Z": the form Metadata::created/updated and every export use.
std::string format_iso8601_utc(Timestamp t);

// `t` as wall-clock time in `zone`, formatted by date::format (strftime conversions; %Z gives the
// zone's abbreviation, %z its offset), e.g. format_local(t, "Asia/Shanghai", "%Y-%m-%d %H:%M").
std::string format_local(Timestamp t, const std::string& zone, const char* strftime_format);

// The calendar date `t` falls on in `zone` (an incident at 23:30 UTC is on the next day in
// Shanghai): what daily counts and day-of-week charts bucket by.
struct LocalDate {
    int year;
    int month;  // 1..12
    int day;    // 1..31
    friend bool operator==(const LocalDate&, const LocalDate&) = default;
};
LocalDate local_date(Timestamp t, const std::string& zone);

// Whether the system tzdata knows `zone` (never throws).
bool is_known_zone(const std::string& zone);

}  // namespace geo
