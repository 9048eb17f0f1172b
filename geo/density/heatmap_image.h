#pragma once
// A density surface as a picture: cells coloured on a continuous ColorBrewer YlOrRd ramp from
// 0 to the surface's maximum (cells at 0 transparent), with a legend panel to the right: the
// units, a colour bar and five value labels (0, ¼, ½, ¾ and all of the maximum). Text is
// drawn by pango in the reports' CJK font (report/pdf_text.h), so the units may be Chinese.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/classify/colours.h"
#include "geo/density/grid.h"

namespace geo {

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<Rgba8> pixels;  // rows top first
    Rgba8& at(int x, int y) { return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; }
    const Rgba8& at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; }
};

// The ramp colour for t in [0, 1] (clamped): YlOrRd's 9 classes, interpolated linearly.
Rgba8 heat_colour(double t);

// Label text for value labels on a scale whose top is `max_value`: enough decimals to tell the
// quarter steps apart ("0", "753", "1,505" ... or "0.0031"), exponent form below 1e-4.
std::string legend_label(double value, double max_value);

// The picture: the grid's cells 1:1 in the top-left corner (pixel (col, row) = cell), the
// legend panel to their right; the image is as tall as the taller of the two.
RgbaImage heatmap_image(const Grid& grid, const std::vector<double>& values, double max_value,
                        const std::string& units);

}  // namespace geo
