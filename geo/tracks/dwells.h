#pragma once
// Where an officer stopped (issue 13): a dwell is a stretch of a track that stays near one
// place for at least a few minutes. GPS fixes of someone standing in a stairwell scatter 10-20 m
// and the signal drops indoors, so a dwell is not broken by a stray fix or a gap: it ends only
// when the officer has been away from its centre for `leave_s` seconds and `leave_fixes` fixes
// in a row (a phone logging once a minute when still gives one stray fix a minute long), and a
// gap in the fixes inside it counts as time there when the track comes back near the same place.
#include <cstddef>
#include <vector>

#include "geo/model/tracks.h"

namespace geo {

struct DwellOptions {
    double radius_m = 30;     // fixes within this of the dwell's centre are "there"
    double min_s = 120;       // a dwell lasts at least this
    double leave_s = 30;      // away from the centre this long and ...
    int leave_fixes = 2;      // ... this many fixes in a row: the officer has left
    double max_gap_s = 1800;  // a longer gap in the fixes ends a dwell even if it resumes there
};

struct Dwell {
    std::size_t first = 0, last = 0;  // fixes of the track, inclusive
    Timestamp start{}, end{};
    XY centre;                        // the median of the fixes there (robust to strays)
    double seconds() const { return static_cast<double>((end - start).count()); }
};

std::vector<Dwell> find_dwells(const Track& track, const DwellOptions& options = {});

}  // namespace geo
