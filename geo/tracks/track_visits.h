#pragma once
// Home visits confirmed from the tracks (issue 13): a dwell (dwells.h) within `building_m` of a
// building is a visit to it. Where several buildings are that near (a dense estate), the one the
// officer's plan for the week holds is taken, else the nearest; such a visit is marked
// ambiguous. The planned stops of the week that no track visited are listed: what the progress
// board and the weekly review count from the tracks.
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/time_window.h"
#include "geo/tracks/dwells.h"

namespace geo {

struct TrackVisitOptions {
    DwellOptions dwell;
    double building_m = 30;  // a dwell's centre at most this far from the building (0 inside it)
};

struct TrackVisit {
    std::string track_id;
    std::string officer_id;
    std::string building_id;
    std::string date;          // local day, "2021-06-15"
    Timestamp start{}, end{};  // the dwell
    double distance_m = 0;     // dwell centre to the building
    bool planned = false;      // the building is in the officer's plan for the week
    bool ambiguous = false;    // another building lies within building_m too
};

struct TrackVisitReport {
    std::vector<TrackVisit> visits;        // by track, then time
    std::vector<Dwell> elsewhere;          // dwells near no building (a meeting, a meal, traffic)
    std::vector<PlannedVisit> not_visited; // planned stops of the window no track visited that week
    std::size_t tracks = 0;                // tracks in the window
};

// Tracks with fixes inside `window` (normally an ISO week) and the plans of that week.
TrackVisitReport visits_from_tracks(const District& district, const std::string& week_label, const TimeWindow& window,
                                    const TrackVisitOptions& options = {});

// The visits as records for patrolmap_visits (source "track"), one per building and day.
std::vector<VisitRecord> visit_records(const TrackVisitReport& report, const std::string& recorded);

}  // namespace geo
