#pragma once
// The map view's camera: which map point sits at the centre of the map panel and how many
// screen pixels a metre takes. Screen coordinates are pixels from the panel's top-left,
// y down; map coordinates are the workspace CRS's metres, y up. No GL here: testable.
#include "geo/model/geometry.h"

namespace map {

struct ScreenPoint {
    double x = 0;
    double y = 0;
};

class Camera {
public:
    void set_viewport(int width_px, int height_px);
    int width_px() const { return width_px_; }
    int height_px() const { return height_px_; }

    geo::XY centre() const { return centre_; }
    double pixels_per_metre() const { return pixels_per_metre_; }
    void set(geo::XY centre, double pixels_per_metre);

    geo::XY to_map(ScreenPoint p) const;
    ScreenPoint to_screen(geo::XY p) const;

    // Zooms by `factor` (>1 closer) keeping the map point under `anchor` where it is.
    void zoom_at(ScreenPoint anchor, double factor);
    void pan_by_pixels(double dx, double dy);  // drag: the map follows the cursor
    // Shows the whole envelope with `margin_px` around it.
    void fit(const geo::Envelope& extent, double margin_px = 20);
    geo::Envelope visible_extent() const;

    // Zoom limits: from a whole province (10 km per 100 px … ) down to 5 cm a pixel.
    static constexpr double kMinPixelsPerMetre = 1e-4;
    static constexpr double kMaxPixelsPerMetre = 20;

private:
    geo::XY centre_{0, 0};
    double pixels_per_metre_ = 0.1;
    int width_px_ = 1;
    int height_px_ = 1;
};

// A scale bar length that reads well (1, 2 or 5 × 10^n metres) and is at most `max_px` long.
struct ScaleBar {
    double metres = 0;
    double pixels = 0;
};
ScaleBar nice_scale_bar(double pixels_per_metre, double max_px);

}  // namespace map
