#include "geo/hotspots/cell_grid.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"

namespace geo {
namespace {

// Large enough for a city at 10 m cells; small enough that per-cell vectors stay in memory.
constexpr double MAX_CELLS = 50e6;

void check_cell(double cell_m, const char* flag) {
    if (!(cell_m > 0) || !std::isfinite(cell_m))
        throw BadInput(fmt::format("{} {} must be a positive number of metres", flag, cell_m));
}

CellGrid make_grid(double min_x, double min_y, double cell_m, double cols, double rows, const char* flag) {
    if (cols * rows > MAX_CELLS)
        throw BadInput(fmt::format("{} {} m gives {:.0f} x {:.0f} cells, more than {:.0f} million: "
                                   "use larger cells or a smaller extent",
                                   flag, cell_m, cols, rows, MAX_CELLS / 1e6));
    return CellGrid{min_x, min_y, cell_m, static_cast<int>(cols), static_cast<int>(rows)};
}

}  // namespace

std::optional<std::size_t> CellGrid::cell_of(const XY& p) const {
    const double col = std::floor((p.x - min_x) / cell_m);
    const double row = std::floor((p.y - min_y) / cell_m);
    if (!(col >= 0 && col < cols && row >= 0 && row < rows)) return std::nullopt;  // also NaN
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(col);
}

XY CellGrid::centre(std::size_t cell) const {
    const auto col = static_cast<double>(cell % static_cast<std::size_t>(cols));
    const auto row = static_cast<double>(cell / static_cast<std::size_t>(cols));
    return {min_x + (col + 0.5) * cell_m, min_y + (row + 0.5) * cell_m};
}

MultiPolygon CellGrid::square(std::size_t cell) const {
    const XY c = centre(cell);
    const double h = cell_m / 2;
    Polygon p;
    p.outer = {{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}, {c.x - h, c.y - h}};
    return {p};
}

CellGrid snapped_grid(const Envelope& extent, double cell_m, const char* flag) {
    check_cell(cell_m, flag);
    if (extent.empty()) throw BadInput("the workspace has no neighbourhoods and no incidents to lay a grid over");
    const double first_col = std::floor(extent.min_x / cell_m);
    const double first_row = std::floor(extent.min_y / cell_m);
    const double cols = std::floor(extent.max_x / cell_m) - first_col + 1;
    const double rows = std::floor(extent.max_y / cell_m) - first_row + 1;
    return make_grid(first_col * cell_m, first_row * cell_m, cell_m, cols, rows, flag);
}

CellGrid grid_from_corner(const Envelope& extent, double cell_m, const char* flag) {
    check_cell(cell_m, flag);
    if (extent.empty() || !(extent.width() >= 0) || !(extent.height() >= 0))
        throw BadInput("--extent must be minx,miny,maxx,maxy with minx <= maxx and miny <= maxy");
    const double cols = std::max(1.0, std::ceil(extent.width() / cell_m));
    const double rows = std::max(1.0, std::ceil(extent.height() / cell_m));
    return make_grid(extent.min_x, extent.min_y, cell_m, cols, rows, flag);
}

Envelope analysis_extent(const District& district) {
    Envelope e;
    for (const auto& n : district.neighbourhoods) e.expand(envelope_of(n.area));
    if (!e.empty()) return e;
    for (const auto& i : district.incidents)
        if (std::isfinite(i.location.x) && std::isfinite(i.location.y)) e.expand(i.location);
    return e;
}

std::vector<bool> study_cells(const District& district, const CellGrid& grid) {
    if (district.neighbourhoods.empty()) return std::vector<bool>(grid.size(), true);
    std::vector<XY> centres;
    centres.reserve(grid.size());
    for (std::size_t c = 0; c < grid.size(); ++c) centres.push_back(grid.centre(c));
    const std::vector<std::int32_t> inside = neighbourhood_of_points(district, centres);
    std::vector<bool> out(grid.size());
    for (std::size_t c = 0; c < grid.size(); ++c) out[c] = inside[c] >= 0;
    return out;
}

}  // namespace geo
