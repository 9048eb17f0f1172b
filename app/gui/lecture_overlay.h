#pragma once
// The lecture plan on the map (the Lectures tab's): each planned venue a dot in its week's
// colour, the team's number in it when one week is shown, a green ring once the lecture is held,
// the row clicked in the table ringed in the selection's blue. Earlier weeks are drawn over later
// ones (a venue planned twice shows its nearer week).
#include <cstddef>

#include <imgui.h>

#include "app/gui/app_state.h"
#include "geo/classify/colours.h"

namespace gui {

// Week k of the plan (from 0). The Okabe-Ito colour-blind-safe palette (Okabe & Ito 2008,
// "Color Universal Design"), its yellow last (faint on the light map), then round again.
geo::Rgba8 lecture_week_colour(std::size_t week);

// `origin`: the map panel's top-left corner on screen.
void draw_lecture_overlay(ImDrawList* draw, const AppState& state, ImVec2 origin);

// The radius of the dots drawn now (pixels, halo included); 0 without a plan.
float lecture_dot_radius(const AppState& state);
// Whether a dot drawn now overlaps the screen rectangle [min, max]: a neighbourhood's label
// steps below its square (the square's venue is the neighbourhood's centroid, where the label
// goes).
bool lecture_dot_within(const AppState& state, ImVec2 origin, ImVec2 min, ImVec2 max);

}  // namespace gui
