#pragma once
// The price of lateness in the distance phase's priced rounds (vrptw_solver.h): travel units per
// unit of time warp, adapted as hybrid genetic search does (Vidal et al. 2013, section 4.5):
// after every 100 priced rounds it is raised by a fifth when fewer than half of them ended on
// time after the repair, lowered by 15% when more than 60% did. Too cheap, the recreate makes
// routes so late that no repair brings them back; too dear, it never leaves the feasible
// routes and the priced rounds are plain ones.
#include <algorithm>

namespace geo::planning::vrptw {

class WarpPenalty {
public:
    double value() const { return value_; }

    // One priced round ended on time (after the repair) or not.
    void record(bool on_time) {
        ++rounds_;
        on_time_ += on_time;
        if (rounds_ < window) return;
        if (on_time_ < 0.5 * window) value_ = std::min(value_ * 1.2, highest);
        else if (on_time_ > 0.6 * window) value_ = std::max(value_ * 0.85, lowest);
        rounds_ = on_time_ = 0;
    }

private:
    static constexpr int window = 100;
    static constexpr double lowest = 0.01, highest = 1e4;
    double value_ = 1;  // Solomon's travel and time are one unit: a late minute costs a minute of travel
    int rounds_ = 0, on_time_ = 0;
};

}  // namespace geo::planning::vrptw
