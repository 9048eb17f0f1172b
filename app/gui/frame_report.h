#pragma once
// With --screenshot, --report FILE.json says what the frame drew and where, so that tests
// can check real pixels against it: the map's rectangle, the legend's classes and colours,
// each neighbourhood's fill and an interior point on screen, the incidents drawn.
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/map_view.h"

namespace gui {

void write_frame_report(const std::string& path, const AppState& state, const MapView& view);

}  // namespace gui
