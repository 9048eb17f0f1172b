#pragma once
// From one officer's source track (a GPX track, a CSV's rows of one track column value) to the
// workspace's tracks: one per local day, named so that importing the file again gives the same
// ids. A day with a single fix is no track (nothing to match or replay) and is dropped with a note.
#include <string>
#include <vector>

#include "geo/model/tracks.h"

namespace geo {

struct FixRun {
    std::string officer_id;          // empty when neither the file nor --officer said
    std::vector<TrackPoint> points;  // workspace CRS, times never going backwards
};

struct TrackNaming {
    std::string source;  // the file's name, kept in Track::source
    std::string stem;    // the file's name without its extension, the ids' last part
    std::string zone;    // where the day ends at midnight
    TrackMode mode = TrackMode::walking;
};

// Runs in file order; each split at local midnight into "<officer>-<YYYY-MM-DD>-<stem>" (no
// officer: "<YYYY-MM-DD>-<stem>"), a second track of the same officer and day from the file
// "...-2", then "-3", in file order. Notes say which days were dropped as single fixes.
std::vector<Track> tracks_by_day(const std::vector<FixRun>& runs, const TrackNaming& naming,
                                 std::vector<std::string>& notes);

}  // namespace geo
