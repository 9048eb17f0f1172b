#pragma once
// The panels around the map. Each reads the AppState and changes it only through its view
// state or, for data, through an explicit edit command.
#include "app/gui/app_state.h"
#include "app/gui/map_scene.h"

namespace gui {

void draw_layers_panel(AppState& state);
void draw_legend_panel(const AppState& state, const MapScene& scene);
void draw_time_panel(AppState& state, double frame_seconds);
void draw_filters_panel(AppState& state);
void draw_inspector_panel(AppState& state, const MapScene& scene);
void draw_banner_panel(AppState& state);
void draw_routes_panel(AppState& state);
// Plans `officer_id`'s `week` now, on this thread (--layer-state routes=P03@2021-W24).
void plan_routes_now(AppState& state, const std::string& officer_id, const std::string& week);
// Runs the banner suggestion with the review's settings (the panel's button; --layer-state banners=K).
void suggest_banners(AppState& state);
// Returns the map point to fly to when a hit is chosen.
std::optional<geo::XY> draw_search_panel(AppState& state);

}  // namespace gui
