#include "geo/outreach/lectures_held.h"

#include "geo/util/time_parse.h"

namespace geo {

LecturesHeld lectures_held_in(const District& district, const TimeWindow& window) {
    LecturesHeld held;
    for (const auto& l : district.lectures)
        if (const auto day = parse_iso8601(l.date, district.metadata.timezone); day && window.contains(*day)) {
            ++held.lectures;
            held.attendance += l.attendance;
            held.leaflets += l.leaflets;
        }
    return held;
}

}  // namespace geo
