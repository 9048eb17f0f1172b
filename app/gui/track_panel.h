#pragma once
// The track replay in the Routes tab (issue 13): pick one of the officer's patrol tracks (the
// tab's officer and shown day to start with), a time slider over the day from the first fix to
// the last with play, and the track's figures from geo::review_track: fixes, km along the
// streets, dwells with the building each visited, the day's planned stops visited or not. The
// map draws it under the day's issued route (track_overlay.h).
#include <string>

#include "app/gui/app_state.h"

namespace gui {

// Replays `track_id` from its first fix on ("" stops the replay), its review made at once; the
// Routes tab's officer and week follow it. BadInput for an id no track has.
void show_track(AppState& state, const std::string& track_id);
// Makes the review again when the data changed since it was made, and moves the moment on while
// the replay plays, whichever tab is open (every frame; cheap otherwise).
void update_track_replay(AppState& state);
// Moves the moment shown to a local time of the track's day, "HH:MM" or "HH:MM:SS". BadInput
// when it is not one or lies outside the track's first to last fix.
void set_track_time(AppState& state, const std::string& local_clock);

// The track replayed, or null.
const geo::Track* replayed_track(const AppState& state);
// `time_s` (geo::seconds_of scale) as local wall-clock time, "%H:%M:%S" or another strftime format.
std::string local_clock(const AppState& state, double time_s, const char* format = "%H:%M:%S");

// The section in the Routes tab.
void draw_track_replay(AppState& state);

}  // namespace gui
