#pragma once
// The lecture team's talks held in a period (district.lectures, the patrolmap_lectures table):
// how many, to how many people, with how many leaflets. The weekly review counts its week with
// this, the app's Dashboard and Lectures tab theirs, so the three cannot disagree.
#include <cstdint>

#include "geo/model/district.h"
#include "geo/query/time_window.h"

namespace geo {

struct LecturesHeld {
    std::int64_t lectures = 0;
    std::int64_t attendance = 0;  // people
    std::int64_t leaflets = 0;
};

// The lectures whose day (local midnight in the workspace's time zone) lies in `window`; a record
// whose date does not parse counts nowhere.
LecturesHeld lectures_held_in(const District& district, const TimeWindow& window);

}  // namespace geo
