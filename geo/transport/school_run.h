#pragma once
// School-run times (上学放学时段): when pupils are driven to school and home again. A moment is
// on the school run when it falls, in the workspace's local time, on a school day (Monday to
// Friday) inside the morning or the afternoon window. Windows are half-open, [start, end): with
// a 07:00-08:30 morning, 08:29:59 is on the run and 08:30:00 is not.
//
// School days are the weekdays: holidays and the Saturdays some years make school days (调休)
// are not known here; a van that stays home on a holiday is simply not seen.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "geo/model/time.h"

namespace geo {

struct ClockWindow {
    std::chrono::minutes start{}, end{};  // local time of day, start < end <= 24:00
    bool contains(std::chrono::seconds time_of_day) const { return time_of_day >= start && time_of_day < end; }
};

struct SchoolRunWindows {
    ClockWindow morning{std::chrono::hours(7), std::chrono::hours(8) + std::chrono::minutes(30)};
    ClockWindow afternoon{std::chrono::hours(15) + std::chrono::minutes(30), std::chrono::hours(17) + std::chrono::minutes(30)};
};

enum class SchoolRun { none, morning, afternoon };

// "07:00-08:30" (hours 0-24, minutes 00-59; 24:00 only as an end) -> the window. BadInput naming
// `flag` for anything else, or an end not after the start.
ClockWindow parse_clock_window(std::string_view text, const std::string& flag);
std::string format_clock_window(const ClockWindow& window);  // "07:00-08:30"

// A moment as the local calendar sees it.
struct LocalMoment {
    std::int64_t day = 0;        // days since 1970-01-01 on the local calendar
    int weekday = 0;             // 0 = Monday ... 6 = Sunday
    std::chrono::seconds time_of_day{};
};
// BadInput for a zone the system's tzdata does not know.
LocalMoment local_moment(Timestamp t, const std::string& zone);

// Which run `m` is on: none on a Saturday or a Sunday or outside both windows; the morning
// where the windows overlap.
SchoolRun school_run_of(const LocalMoment& m, const SchoolRunWindows& windows);

}  // namespace geo
