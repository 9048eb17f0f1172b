#include "geo/transport/school_run.h"

#include <date/tz.h>
#include <fmt/format.h>

#include "geo/util/error.h"

namespace geo {
namespace {

// "HH:MM" with 0 <= HH <= 24, MM two digits below 60, 24:00 alone at 24; -1 when malformed.
int minutes_of(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return -1;
    for (std::size_t i : {0, 1, 3, 4})
        if (text[i] < '0' || text[i] > '9') return -1;
    const int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 24 || m > 59 || (h == 24 && m > 0)) return -1;
    return h * 60 + m;
}

}  // namespace

ClockWindow parse_clock_window(std::string_view text, const std::string& flag) {
    const auto dash = text.find('-');
    const int start = dash == std::string_view::npos ? -1 : minutes_of(text.substr(0, dash));
    const int end = dash == std::string_view::npos ? -1 : minutes_of(text.substr(dash + 1));
    if (start < 0 || end < 0 || start == 24 * 60)
        throw BadInput(flag + " '" + std::string(text) + "' is not a time window like 07:00-08:30");
    if (end <= start) throw BadInput(flag + " '" + std::string(text) + "' ends before it starts");
    return {std::chrono::minutes(start), std::chrono::minutes(end)};
}

std::string format_clock_window(const ClockWindow& w) {
    const auto s = w.start.count(), e = w.end.count();
    return fmt::format("{:02}:{:02}-{:02}:{:02}", s / 60, s % 60, e / 60, e % 60);
}

LocalMoment local_moment(Timestamp t, const std::string& zone) {
    const date::time_zone* tz = nullptr;
    try {
        tz = date::locate_zone(zone);
    } catch (const std::runtime_error&) {
        throw BadInput("unknown time zone '" + zone + "'");
    }
    const auto local = date::zoned_seconds{tz, t}.get_local_time();
    const auto day = date::floor<date::days>(local);
    LocalMoment m;
    m.day = day.time_since_epoch().count();
    // 1970-01-01 was a Thursday (3 with Monday 0); the modulo kept non-negative before 1970.
    m.weekday = static_cast<int>(((m.day + 3) % 7 + 7) % 7);
    m.time_of_day = std::chrono::duration_cast<std::chrono::seconds>(local - day);
    return m;
}

SchoolRun school_run_of(const LocalMoment& m, const SchoolRunWindows& w) {
    if (m.weekday >= 5) return SchoolRun::none;
    if (w.morning.contains(m.time_of_day)) return SchoolRun::morning;
    if (w.afternoon.contains(m.time_of_day)) return SchoolRun::afternoon;
    return SchoolRun::none;
}

}  // namespace geo
