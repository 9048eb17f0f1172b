#include "geo/density/grid.h"

#include <algorithm>
#include <cmath>

namespace geo {

std::optional<Grid::Cell> Grid::cell_of(XY p) const {
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || cell_m <= 0) return std::nullopt;
    const double col = std::floor((p.x - origin.x) / cell_m);
    const double row_from_south = std::floor((p.y - origin.y) / cell_m);
    if (col < 0 || col >= width || row_from_south < 0 || row_from_south >= height) return std::nullopt;
    return Cell{static_cast<int>(col), height - 1 - static_cast<int>(row_from_south)};
}

namespace {

// Cells to cover `length_m` with a tolerance for rounding in extent arithmetic (1e-9 of a cell).
int cells_covering(double length_m, double cell_m) {
    return std::max(1, static_cast<int>(std::ceil(length_m / cell_m - 1e-9)));
}

}  // namespace

Grid snapped_grid(const Envelope& extent, double cell_m) {
    const double x0 = std::floor(extent.min_x / cell_m) * cell_m;
    const double y0 = std::floor(extent.min_y / cell_m) * cell_m;
    const double x1 = std::ceil(extent.max_x / cell_m) * cell_m;
    const double y1 = std::ceil(extent.max_y / cell_m) * cell_m;
    return Grid{{x0, y0}, cell_m, cells_covering(x1 - x0, cell_m), cells_covering(y1 - y0, cell_m)};
}

Grid grid_from_corner(const Envelope& extent, double cell_m) {
    return Grid{{extent.min_x, extent.min_y}, cell_m, cells_covering(extent.width(), cell_m),
                cells_covering(extent.height(), cell_m)};
}

}  // namespace geo
