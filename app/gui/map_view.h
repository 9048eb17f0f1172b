#pragma once
// The map panel: shows the renderer's texture, pans, zooms, picks, and draws the overlays
// (labels, scale bar, north arrow, cursor coordinates, the selection).
#include <memory>
#include <optional>

#include "app/gui/app_state.h"
#include "app/gui/map_scene.h"
#include "app/map/map_renderer.h"
#include "geo/crs/crs.h"

namespace gui {

class MapView {
public:
    MapView();
    // Draws into the current ImGui window's remaining content region.
    void draw(AppState& state);
    // Fits the camera to the district (called when a workspace opens).
    void fit(AppState& state);
    const MapScene& scene() const { return scene_; }
    map::MapRenderer& renderer() { return *renderer_; }
    const map::MapRenderer& renderer() const { return *renderer_; }
    // Where the map panel sat on screen in the last frame (for tests and screenshots).
    struct Rect {
        float x = 0, y = 0, w = 0, h = 0;
    };
    Rect last_rect() const { return rect_; }

private:
    void handle_input(AppState& state, bool hovered);
    void handle_edit_tools(AppState& state, bool hovered, map::ScreenPoint mouse);
    void draw_overlays(const AppState& state);
    std::optional<Selection> pick(const AppState& state, map::ScreenPoint p) const;
    void draw_context_menu(AppState& state);
    std::string place_label(const AppState& state, geo::XY at, const std::optional<Selection>& picked);

    std::unique_ptr<map::MapRenderer> renderer_;
    MapScene scene_;
    std::unique_ptr<geo::Transform> to_lonlat_;
    std::string to_lonlat_crs_;
    Rect rect_;
    bool dragging_ = false;
    float drag_distance_ = 0;
    std::string moving_poster_;   // id of the poster dragged with the move tool
    geo::XY moving_to_{};
    // The right-click menu: where it was opened and what lay under the cursor there.
    geo::XY context_at_{};
    std::optional<Selection> context_pick_;
};

}  // namespace gui
