#pragma once
// A replayed patrol track on the map (issue 13), bottom to top: the raw fixes (small, faint),
// the streets matched to them (wide, under the route), the day's issued route, the dwells (a
// ring sized by minutes), the planned stops (numbered, green when this track visited them,
// vermilion when not) and the officer at the moment shown. What lies ahead of that moment is
// dimmed. Hovering a dwell or a stop tells its times and building. Positions come from
// geo::review_track and geo::replay_position.
#include <imgui.h>

#include "app/gui/app_state.h"

namespace gui {

// Colours, shared with the legend. Okabe & Ito's colour-blind-safe hues (as the lecture overlay).
namespace track_colours {
inline constexpr ImU32 fix = IM_COL32(60, 60, 60, 120);
// The streets walked, wide and light under the issued route's dark line: where the two part,
// the officer went another way. (Not orange: the roads layer draws the main roads orange.)
// Opaque, drawn segment by segment with round joints: a thick ImGui polyline spikes where a
// path turns back (its miter joins), and a translucent one darkens where segments overlap.
inline constexpr ImU32 matched = IM_COL32(86, 180, 233, 255);        // sky blue
inline constexpr ImU32 matched_ahead = IM_COL32(203, 228, 241, 255); // the same, faded toward the map
inline constexpr ImU32 route = IM_COL32(0, 114, 178, 255);     // blue
inline constexpr ImU32 dwell = IM_COL32(204, 121, 167, 255);   // reddish purple
inline constexpr ImU32 dwell_nowhere = IM_COL32(130, 130, 130, 255);  // a dwell near no building
inline constexpr ImU32 visited = IM_COL32(0, 158, 115, 255);   // bluish green
inline constexpr ImU32 not_visited = IM_COL32(213, 94, 0, 255);  // vermilion
inline constexpr ImU32 officer = IM_COL32(25, 25, 25, 255);
}  // namespace track_colours

// The alpha of what lies ahead of the moment shown, as a share of its own.
inline constexpr float kAheadAlpha = 0.3f;

// A dwell's ring radius in pixels: grows with the square root of its minutes (area ∝ time).
float dwell_ring_px(double seconds);

// `origin`: the map panel's top-left corner on screen. Called inside the map's window (its
// hover decides the tooltips).
void draw_track_overlay(ImDrawList* draw, const AppState& state, ImVec2 origin);

}  // namespace gui
