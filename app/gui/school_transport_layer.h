#pragma once
// The school transport layer on the map (校车安全, issue 17): every camera that saw a vehicle of
// the register as a disc whose area grows with its sightings, the flagged vehicles' share of
// them as a red disc inside it (area in proportion), and the suggested checkpoints as purple
// frames around their junctions, numbered in a badge on the corner. Drawn over the map like the other overlays; the layer's opacity
// fades it. The figures are geo::profile_vehicles' and geo::place_checkpoints' with their
// defaults (the CLI's), so the map and `patrolmap vehicles` / `checkpoints` agree.
#include <cstddef>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/gui/app_state.h"
#include "geo/classify/colours.h"

namespace gui {

namespace school_transport_colours {
inline constexpr geo::Rgba8 sightings{96, 125, 139, 255};   // slate: sightings at a camera
inline constexpr geo::Rgba8 flagged{228, 26, 28, 255};      // Set1 red, as a case lost: flagged vehicles
inline constexpr geo::Rgba8 checkpoint{84, 39, 143, 255};   // Purples 9's darkest but one: no layer uses it
}  // namespace school_transport_colours

// Profiles the vehicles and places the checkpoints when the data or the count changed since.
// Needs the road graph (ensure_road_graph); problems become the view's errors.
void update_school_transport(AppState& state);

// The disc of a camera with `sightings` of the busiest camera's `most` (pixels, without rim).
float camera_disc_radius_px(std::size_t sightings, std::size_t most);

// `origin`: the map panel's top-left corner on screen.
void draw_school_transport_overlay(ImDrawList* draw, const AppState& state, ImVec2 origin);
// The layer's rows of the legend.
void draw_school_transport_legend(const AppState& state);
// The layers panel's block: the checkpoint count, the flagged vehicles and the interception.
void draw_school_transport_settings(AppState& state);

// What the layer drew where (the frame report): cameras and checkpoints with their screen
// positions (a checkpoint's frame runs `frame_half_px` from its centre), the flagged vehicles
// by id, the interception and its bound.
nlohmann::json school_transport_report(const AppState& state, float map_x, float map_y);

}  // namespace gui
