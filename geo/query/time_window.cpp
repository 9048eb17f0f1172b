#include "geo/query/time_window.h"

#include <date/date.h>
#include <date/iso_week.h>
#include <date/tz.h>

#include <cstdio>
#include <stdexcept>

#include "geo/util/error.h"

namespace geo {
namespace {

const date::time_zone* find_zone(const std::string& zone) {
    try {
        return date::locate_zone(zone);
    } catch (const std::runtime_error&) {
        throw BadInput("unknown time zone '" + zone + "'");
    }
}

// The calendar day `t` falls on in `tz`.
date::local_days local_day(Timestamp t, const date::time_zone* tz) {
    return date::floor<date::days>(tz->to_local(t));
}

// The local day a week or month starts on, for the window holding local day `day`.
date::local_days window_start_day(date::local_days day, TimeStep step) {
    if (step == TimeStep::week) return day - (date::weekday{day} - date::Monday);
    const date::year_month_day ymd{day};
    return date::local_days{ymd.year() / ymd.month() / 1};
}

// The start day `steps` windows after the one starting on `start` (a window start day).
date::local_days step_start_day(date::local_days start, TimeStep step, int steps) {
    if (step == TimeStep::week) return start + date::weeks{steps};
    const date::year_month_day ymd{start};
    const date::year_month ym = (ymd.year() / ymd.month()) + date::months{steps};
    return date::local_days{ym / 1};
}

// Local midnight -> UTC; a midnight skipped by DST maps to the transition instant.
Timestamp midnight_utc(date::local_days day, const date::time_zone* tz) {
    return tz->to_sys(date::local_seconds{day}, date::choose::earliest);
}

TimeWindow window_starting(date::local_days start, TimeStep step, const date::time_zone* tz) {
    return {midnight_utc(start, tz), midnight_utc(step_start_day(start, step, 1), tz)};
}

// The local start day of the window holding `t`. In the rare zone whose clocks go back over
// midnight, `t` may lie in the repeated hour after the window's end: it then belongs to the
// next window, so that windows never overlap and every instant is in exactly one.
date::local_days containing_start_day(Timestamp t, TimeStep step, const date::time_zone* tz) {
    date::local_days start = window_start_day(local_day(t, tz), step);
    while (t >= window_starting(start, step, tz).to) start = step_start_day(start, step, 1);
    return start;
}

bool is_window_start(Timestamp t, TimeStep step, const date::time_zone* tz) {
    return window_starting(containing_start_day(t, step, tz), step, tz).from == t;
}

}  // namespace

TimeWindow window_containing(Timestamp t, TimeStep step, const std::string& zone) {
    const date::time_zone* tz = find_zone(zone);
    return window_starting(containing_start_day(t, step, tz), step, tz);
}

TimeWindow shifted(const TimeWindow& w, TimeStep step, int steps, const std::string& zone) {
    const date::time_zone* tz = find_zone(zone);
    const date::local_days start = containing_start_day(w.from, step, tz);
    return window_starting(step_start_day(start, step, steps), step, tz);
}

std::vector<TimeWindow> windows_covering(Timestamp first, Timestamp last, TimeStep step,
                                         const std::string& zone) {
    const date::time_zone* tz = find_zone(zone);
    std::vector<TimeWindow> out;
    if (last < first) return out;
    for (date::local_days start = containing_start_day(first, step, tz);;
         start = step_start_day(start, step, 1)) {
        const TimeWindow w = window_starting(start, step, tz);
        if (w.from > last) break;
        out.push_back(w);
    }
    return out;
}

std::string window_label(const TimeWindow& w, TimeStep step, const std::string& zone) {
    const date::time_zone* tz = find_zone(zone);
    const date::local_days start = containing_start_day(w.from, step, tz);
    char text[32];
    if (step == TimeStep::week) {
        // ISO week-numbering year: 2021-01-03 (a Sunday) is in 2020-W53.
        const iso_week::year_weeknum_weekday iso{start};
        std::snprintf(text, sizeof text, "%04d-W%02u", static_cast<int>(iso.year()),
                      static_cast<unsigned>(iso.weeknum()));
    } else {
        const date::year_month_day ymd{start};
        std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()));
    }
    return text;
}

TimeWindow previous_window(const TimeWindow& w, const std::string& zone) {
    const date::time_zone* tz = find_zone(zone);
    if (w.from < w.to) {
        for (TimeStep step : {TimeStep::month, TimeStep::week}) {
            if (!is_window_start(w.from, step, tz) || !is_window_start(w.to, step, tz)) continue;
            const date::local_days from_day = containing_start_day(w.from, step, tz);
            const date::local_days to_day = containing_start_day(w.to, step, tz);
            int steps = 0;
            if (step == TimeStep::week) {
                steps = static_cast<int>((to_day - from_day).count() / 7);
            } else {
                const date::year_month_day a{from_day}, b{to_day};
                steps = static_cast<int>(((b.year() / b.month()) - (a.year() / a.month())).count());
            }
            return {midnight_utc(step_start_day(from_day, step, -steps), tz), w.from};
        }
    }
    return {w.from - (w.to - w.from), w.from};
}

}  // namespace geo
