#pragma once
// The weekly progress board: per officer, the visits of the issued plan done that week (a
// visit recorded on any day of the ISO week counts, not only on the planned day: an officer
// who catches up on Thursday has done the visit), and the visits done off the plan in the
// officer's own neighbourhoods (a tick for a building nobody planned still counts as work).
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/time_window.h"

namespace geo {

struct OfficerCompletion {
    std::string officer_id;
    std::string officer_name;
    std::size_t planned = 0;         // stops of the issued plan (distinct buildings)
    std::size_t done = 0;            // of those, visited within the week
    std::size_t off_plan = 0;        // other buildings of the officer's neighbourhoods visited
    double priority_planned = 0;
    double priority_done = 0;
    std::size_t households_done = 0; // in the buildings visited (planned or not)
    bool issued = false;             // a plan was issued for the week

    double share() const { return planned ? static_cast<double>(done) / static_cast<double>(planned) : 0.0; }
};

// One row per officer, in district order. `week` is the window of `week_label` in the
// workspace's zone (iso_week.h).
std::vector<OfficerCompletion> weekly_completion(const District& district, const std::string& week_label,
                                                 const TimeWindow& week);

// The local dates of a window's days, "YYYY-MM-DD", first to last.
std::vector<std::string> local_dates(const TimeWindow& window, const std::string& zone);

}  // namespace geo
