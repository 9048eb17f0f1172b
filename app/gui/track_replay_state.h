#pragma once
// The track replay's view state (the Routes tab, issue 13): which patrol track is replayed, the
// moment shown and whether it plays. Everything drawn or counted comes from geo::review_track,
// kept here for the track and the data it was made from (a day's track takes milliseconds:
// it is made again when either changes, on this thread).
#include <optional>
#include <string>

#include "geo/tracks/track_review.h"

namespace gui {

struct TrackReplay {
    std::string track_id;                    // the track replayed; empty: none
    std::optional<geo::TrackReview> review;  // of track_id, made at review_data_version
    int review_data_version = -1;
    std::string error;                       // why there is no review (the officer has no post ...)
    double time_s = 0;                       // the moment shown, geo::seconds_of scale (UTC)
    bool playing = false;
    int minutes_per_second = 5;              // how fast it plays
    bool open_section = false;               // the Routes tab's section opens on the next frame
    bool chosen = false;                     // a track (or none) was picked: no default any more
};

}  // namespace gui
