#pragma once
// What a GPS track cannot do: go back in time, or jump faster than anyone patrols (a fix from a
// phone that lost the satellites and guessed from a cell tower kilometres away).
#include <cstddef>
#include <vector>

#include "geo/model/geometry.h"
#include "geo/model/time.h"

namespace geo {

struct TimedFix {
    XY at;  // workspace CRS, metres
    Timestamp time;
};

struct MotionProblem {
    enum class Kind { backwards, too_fast };
    Kind kind = Kind::backwards;
    std::size_t index = 0;     // the fix refused
    std::size_t previous = 0;  // the fix it was compared with
    double distance_m = 0;
    double speed_kmh = 0;      // too_fast only
};

// Each fix of one track, in file order, against the last fix not refused before it (so one stray
// fix is one problem, not two: the fix after it is compared with the one before it). Times are
// whole seconds, so fixes in the same second may be up to a second apart: the speed is over at
// least one second.
std::vector<MotionProblem> check_motion(const std::vector<TimedFix>& fixes, double max_speed_kmh);

}  // namespace geo
