#pragma once
// What `patrolmap gui` was asked for.
#include <string>

namespace gui {

struct GuiOptions {
    std::string workspace;   // may be empty
    std::string screenshot;  // write a PNG after `frames` frames and exit
    int frames = 3;
    int width = 1600;
    int height = 1000;
    std::string language;    // "zh", "en" or "" (from the locale)
    std::string layer_state; // see layer_state.h
    std::string report;      // with --screenshot: a JSON file saying what was drawn where
    std::string basemap;     // an offline raster (GeoTIFF, MBTiles …) under the layers
    std::string heatmap_dump;  // with --screenshot: the heatmap's densities, raw float32 rows top first
};

// Opens the window; returns the process exit code. Throws geo::BadInput for a bad workspace.
int run_gui(const GuiOptions& options);

}  // namespace gui
