#include "geo/tracks/motion_checks.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace geo {

namespace {

// Why `to` cannot follow `from`, if it cannot.
std::optional<MotionProblem> misfit(const std::vector<TimedFix>& fixes, std::size_t from_i, std::size_t to_i, double max_speed_kmh) {
    const TimedFix& from = fixes[from_i];
    const TimedFix& to = fixes[to_i];
    const double distance_m = std::hypot(to.at.x - from.at.x, to.at.y - from.at.y);
    const auto seconds = (to.time - from.time).count();
    if (seconds < 0) return MotionProblem{MotionProblem::Kind::backwards, to_i, from_i, distance_m, 0};
    const double speed_kmh = distance_m / static_cast<double>(std::max<decltype(seconds)>(seconds, 1)) * 3.6;
    if (speed_kmh > max_speed_kmh) return MotionProblem{MotionProblem::Kind::too_fast, to_i, from_i, distance_m, speed_kmh};
    return std::nullopt;
}

}  // namespace

std::vector<MotionProblem> check_motion(const std::vector<TimedFix>& fixes, double max_speed_kmh) {
    std::vector<MotionProblem> out;
    std::size_t kept = 0;  // the last fix not refused
    std::size_t next = 1;
    // The first fix is checked against nothing before it, so a stray first fix would make every
    // later one look wrong. When the second and third agree with each other and neither with the
    // first, the first is the stray.
    if (fixes.size() >= 3) {
        const auto first_second = misfit(fixes, 0, 1, max_speed_kmh);
        if (first_second && !misfit(fixes, 1, 2, max_speed_kmh) && misfit(fixes, 0, 2, max_speed_kmh)) {
            MotionProblem p = *first_second;
            p.index = 0;
            p.previous = 1;
            out.push_back(p);
            kept = 1;
            next = 2;
        }
    }
    for (std::size_t i = next; i < fixes.size(); ++i) {
        if (const auto problem = misfit(fixes, kept, i, max_speed_kmh)) {
            out.push_back(*problem);
            continue;
        }
        kept = i;
    }
    return out;
}

}  // namespace geo
