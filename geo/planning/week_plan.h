#pragma once
// One officer's visits for one ISO week: which buildings of the officer's neighbourhoods are
// visited, on which working day and in what order, each day a walk from the post and back
// within the day's hours, maximising the visit priority collected (prize_vrp.h).
//
// Candidates: buildings of the neighbourhoods whose officer_id is the officer, with priority
// > 0, capped at the `max_candidates` highest priorities (ties: district order) so that the
// matrix and the local search stay within a second or two for a neighbourhood of thousands of
// buildings. Pinned buildings (locked to a day by the dispatcher) are candidates whatever their
// priority, beyond the cap, and are always visited on their day.
// Visit windows: with `window_field` set, a candidate whose field holds "HH:MM-HH:MM" is visited
// only within it (the officer waits when early); arrivals and the day's hours include the wait. Times: the walking profile between the stops snapped onto the roads, plus the
// walk from each building to its road (the snap distance at walking speed) at either end of a
// leg. A building the post cannot reach or come back from is reported, not planned.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/network/road_graph.h"
#include "geo/planning/day_route.h"
#include "geo/planning/left_out_reason.h"
#include "geo/planning/visit_priority.h"
#include "geo/query/time_window.h"

namespace geo {

// A building the plan must visit on one day (in any order within the day).
struct PinnedStop {
    std::string building_id;
    int day = 0;  // 0-based among the working days: 0 is Monday
};

struct WeekPlanOptions {
    std::optional<double> hours_per_day;  // default: the officer's weekly_hours / working_days
    int working_days = 5;                 // Monday onwards
    std::string start_time = "09:00";     // printed on the sheets; arrivals count from it
    std::size_t max_candidates = 150;
    std::uint64_t seed = 1;
    double time_budget_s = 2.0;           // the solver's ruin-and-recreate rounds; 0: no limit
    std::int64_t max_rounds = 2000;       // see PrizeVrpOptions
    std::vector<PinnedStop> pinned;       // buildings locked to a day
    // Name of a building extra field holding a visit window "HH:MM-HH:MM" in local time (e.g.
    // "14:00-17:30"), read against start_time. Empty: no windows; a building without the field
    // or with an empty value has none.
    std::string window_field;
    // Every-stop mode (issue 16): set, the plan visits exactly these buildings (ids, each of the
    // officer's neighbourhoods, whatever their priority, no cap) in the fewest days, then the
    // least walking (every_stop.h), instead of choosing by priority. No pins with it.
    std::optional<std::vector<std::string>> every_stop;
};

struct UnreachableStop {
    std::string building_id;
    LeftOutReason why;  // english(why): "not reachable on foot from the post ..."; the app words it in its language
};

struct WeekPlan {
    std::vector<DayRoute> days;         // one per working day, in order; a day may have no stop
    std::vector<double> day_priority;   // priority visited on each day
    double priority_visited = 0;
    double priority_candidates = 0;     // of every candidate considered (after the cap)
    std::size_t candidates = 0;         // considered, after the cap
    std::size_t left_out_by_cap = 0;    // buildings with priority > 0 beyond max_candidates
    double hours_per_day = 0;
    std::vector<UnreachableStop> unreachable;
    // Every-stop mode: the listed buildings the week cannot hold (reason: a window or the day's
    // hours rule out even a visit alone, or the days are too few), beside `unreachable`.
    std::vector<UnreachableStop> unserved;
};

// Days with at least one stop.
std::size_t days_used(const WeekPlan& plan);

// The officer's post: its point, else the site named by post_site_id. BadInput when neither.
XY officer_post(const District& district, const Officer& officer);

// `priorities`: visit_priorities(district, week.from), one per building. BadInput for an
// unknown officer, an officer without a post, or hours per day <= 0; for a pin naming an unknown
// building, one outside the officer's neighbourhoods, one the post cannot reach, or a day outside
// the working days; for a candidate's window field that is not "HH:MM-HH:MM" or ends before it
// begins (naming the building, the field and the value); and when a day's pinned stops cannot
// fit its hours or their windows (naming the day). In every-stop mode, BadInput for a listed
// building not in the workspace or outside the officer's neighbourhoods, and for pins. An
// officer without neighbourhoods gets days without stops.
WeekPlan plan_week(const District& district, const RoadGraph& graph, const std::vector<BuildingPriority>& priorities,
                   const std::string& officer_id, const TimeWindow& week, const WeekPlanOptions& options = {});

}  // namespace geo
