#pragma once
// A visit window as a building's field gives it: "HH:MM-HH:MM" in local time of day, e.g.
// "14:00-17:30" for a shop open in the afternoon. The planner turns it into minutes after the
// day's start time (prize_vrp.h's earliest_min / latest_min).
#include <optional>
#include <string>
#include <string_view>

namespace geo::planning {

struct ClockWindow {
    int begin_min = 0;  // minutes after midnight, local time
    int end_min = 0;    // may be before begin_min: the caller decides what that means
};

// "9:05" or "09:05", hours 0-23 or "24:00"; minutes after midnight, nullopt otherwise.
std::optional<int> parse_clock_min(std::string_view text);

// "HH:MM-HH:MM", spaces allowed around the text and the dash; nullopt otherwise. An end before
// the begin still parses (the caller reports it as such, not as a malformed value).
std::optional<ClockWindow> parse_clock_window(std::string_view text);

// "14:00-17:30".
std::string format_clock_window(const ClockWindow& window);

}  // namespace geo::planning
