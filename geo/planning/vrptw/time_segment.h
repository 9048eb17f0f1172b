#pragma once
// What a stretch of a route needs to be joined to another in O(1): the concatenation data of
// Kindervater & Savelsbergh (1997), in the time-warp form of Vidal et al. (2013, "A hybrid
// genetic algorithm with adaptive diversity management for a large class of vehicle routing
// problems with time-windows", Computers & Operations Research 40). A route is feasible when its
// whole segment (depot ... depot) has no time warp and its load is within the capacity, so every
// move is checked by joining a route's prefix, the moved part and a suffix.
#include <algorithm>

#include "geo/planning/vrptw/vrptw_problem.h"

namespace geo::planning::vrptw {

struct TimeSegment {
    double duration = 0;   // from the start of the first visit to the end of the last, waits included
    double time_warp = 0;  // how much too late the segment must be (0: feasible)
    double earliest = 0;   // earliest start of the first visit that gives the least duration
    double latest = 0;     // latest start of the first visit without (more) time warp
    double distance = 0;   // travel inside the segment
    double load = 0;
    int first = 0, last = 0;
};

inline TimeSegment node_segment(const VrptwProblem& p, int v) {
    const auto i = static_cast<std::size_t>(v);
    return {p.service[i], 0, p.ready[i], p.due[i], 0, p.demand[i], v, v};
}

// a then b, with the travel from a's last node to b's first.
inline TimeSegment join(const VrptwProblem& p, const TimeSegment& a, const TimeSegment& b) {
    const double leg = p.d(a.last, b.first);
    const double delta = a.duration - a.time_warp + leg;
    const double wait = std::max(b.earliest - delta - a.latest, 0.0);
    const double warp = std::max(a.earliest + delta - b.latest, 0.0);
    TimeSegment s;
    s.duration = a.duration + b.duration + leg + wait;
    s.time_warp = a.time_warp + b.time_warp + warp;
    s.earliest = std::max(b.earliest - delta, a.earliest) - wait;
    s.latest = std::min(b.latest - delta, a.latest) + warp;
    s.distance = a.distance + b.distance + leg;
    s.load = a.load + b.load;
    s.first = a.first;
    s.last = b.last;
    return s;
}

// Time warps below this are rounding, not lateness (the independent check allows 1e-6).
inline constexpr double time_warp_tolerance = 1e-9;

inline bool feasible(const VrptwProblem& p, const TimeSegment& route) {
    return route.time_warp <= time_warp_tolerance && route.load <= p.capacity + 1e-9;
}

}  // namespace geo::planning::vrptw
