#pragma once
// The early-warning response tools in the window (issue 11): "who can get here" for a place
// (right-click on the map or a site), its routes on the map and its ranking beside them; the
// isochrone origin; "within R m" of the selected case or site in the inspector. geo/response
// answers; this file asks, keeps the answer and draws it.
#include <optional>
#include <string>

#include <imgui.h>

#include "app/gui/app_state.h"

namespace gui {

// The district's road graph, built on first use and again when the data change.
const std::shared_ptr<const geo::RoadGraph>& ensure_road_graph(AppState& state);

// "Who can get here" for `place`: on a worker thread, or at once with `wait` (--layer-state).
void ask_who_can_get_here(AppState& state, geo::XY place, std::string label, geo::Profile profile, bool wait = false);
// Takes the worker's answer once it is ready (called every frame; cheap).
void poll_who_can_get_here(AppState& state);
void clear_who_can_get_here(AppState& state);

// Isochrones from `place` from now on (the layer is switched on).
void isochrones_from(AppState& state, geo::XY place, std::string label);

// Recomputes the hits of "within R m" when the selection, the radius or the mode changed.
void update_within(AppState& state);
// Where a selected case, poster or site stands; none for other kinds.
std::optional<geo::XY> selection_location(const AppState& state);

// The routes, the place, the within ring and hits, over the map (screen origin `o`).
void draw_response_overlays(ImDrawList* dl, const AppState& state, ImVec2 o);
// The ranking beside the routes, in a small window in the map corner (screen rectangle given)
// farthest from them.
void draw_respond_panel(AppState& state, ImVec2 map_min, ImVec2 map_max);
// The "within R m" controls and hits, in the inspector under a case, poster or site.
void draw_within_section(AppState& state);

// Route colours by rank (0 fastest), for the map and the panel's swatches.
ImU32 route_colour(std::size_t rank);

}  // namespace gui
