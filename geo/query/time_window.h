#pragma once
// Time windows for every view's filter: ISO weeks and calendar months in the workspace's time
// zone, with previous/next stepping and labels. A window is half-open, [from, to), in UTC.
//
// Zones are IANA names ("Asia/Shanghai"); an unknown name throws geo::BadInput. Local midnights
// that do not exist (a DST change at 00:00) are resolved as geo/util/time_parse.h does
// (date::choose::earliest: the instant of the transition).
#include <optional>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct TimeWindow {
    Timestamp from;  // first instant inside
    Timestamp to;    // first instant after
    friend bool operator==(const TimeWindow&, const TimeWindow&) = default;

    bool contains(Timestamp t) const { return from <= t && t < to; }
};

enum class TimeStep {
    week,   // ISO 8601 week: Monday 00:00 local to the next Monday 00:00
    month,  // calendar month: the 1st 00:00 local to the next 1st 00:00
};

// The week or month, in `zone`, that `t` falls in.
TimeWindow window_containing(Timestamp t, TimeStep step, const std::string& zone);

// The window `steps` weeks or months after the one containing `w.from` (before, for negative
// `steps`): -1 is the previous window, +1 the next. A month window keeps calendar months, so
// the window before June 2021 is all of May (31 days), not the 30 days before June.
TimeWindow shifted(const TimeWindow& w, TimeStep step, int steps, const std::string& zone);

// Every window from the one containing `first` to the one containing `last`, in order;
// empty when last < first.
std::vector<TimeWindow> windows_covering(Timestamp first, Timestamp last, TimeStep step,
                                         const std::string& zone);

// "2021-W24" (ISO week-numbering year and week of w.from) or "2021-06" (local year and month).
std::string window_label(const TimeWindow& w, TimeStep step, const std::string& zone);

// The window the "previous" figures compare against:
// - whole calendar months in `zone` (from and to both a local 1st 00:00): as many months before;
// - else whole ISO weeks (both a local Monday 00:00): as many weeks before;
// - else the window of the same duration that ends at w.from.
// So June compares with May and a week with the week before, as the station's reports do.
TimeWindow previous_window(const TimeWindow& w, const std::string& zone);

}  // namespace geo
