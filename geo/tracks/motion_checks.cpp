#include "geo/tracks/motion_checks.h"

#include <algorithm>
#include <cmath>

namespace geo {

std::vector<MotionProblem> check_motion(const std::vector<TimedFix>& fixes, double max_speed_kmh) {
    std::vector<MotionProblem> out;
    std::size_t kept = 0;  // the last fix not refused
    for (std::size_t i = 1; i < fixes.size(); ++i) {
        const TimedFix& from = fixes[kept];
        const TimedFix& to = fixes[i];
        const double distance_m = std::hypot(to.at.x - from.at.x, to.at.y - from.at.y);
        const auto seconds = (to.time - from.time).count();
        if (seconds < 0) {
            out.push_back({MotionProblem::Kind::backwards, i, kept, distance_m, 0});
            continue;
        }
        const double speed_kmh = distance_m / static_cast<double>(std::max<decltype(seconds)>(seconds, 1)) * 3.6;
        if (speed_kmh > max_speed_kmh) {
            out.push_back({MotionProblem::Kind::too_fast, i, kept, distance_m, speed_kmh});
            continue;
        }
        kept = i;
    }
    return out;
}

}  // namespace geo
