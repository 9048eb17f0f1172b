#include "geo/hotspots/study_area.h"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"

namespace geo {
namespace {

// Large enough for a city at 10 m cells; small enough that per-cell vectors stay in memory.
constexpr double MAX_CELLS = 50e6;

}  // namespace

std::optional<std::size_t> cell_index(const Grid& grid, XY p) {
    const auto cell = grid.cell_of(p);
    if (!cell) return std::nullopt;
    return static_cast<std::size_t>(cell->row) * static_cast<std::size_t>(grid.width) +
           static_cast<std::size_t>(cell->col);
}

XY cell_centre(const Grid& grid, std::size_t index) {
    const auto width = static_cast<std::size_t>(grid.width);
    return {grid.centre_x(static_cast<int>(index % width)), grid.centre_y(static_cast<int>(index / width))};
}

MultiPolygon cell_square(const Grid& grid, std::size_t index) {
    const XY c = cell_centre(grid, index);
    const double h = grid.cell_m / 2;
    Polygon p;
    p.outer = {{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}, {c.x - h, c.y - h}};
    return {p};
}

Envelope analysis_extent(const District& district) {
    Envelope e;
    for (const auto& n : district.neighbourhoods) e.expand(envelope_of(n.area));
    if (!e.empty()) return e;
    for (const auto& i : district.incidents)
        if (std::isfinite(i.location.x) && std::isfinite(i.location.y)) e.expand(i.location);
    return e;
}

Grid analysis_grid(const District& district, double cell_m, const std::optional<Envelope>& extent,
                   const char* cell_flag) {
    if (!(cell_m > 0) || !std::isfinite(cell_m))
        throw BadInput(fmt::format("{} {} must be a positive number of metres", cell_flag, cell_m));
    if (extent && !(std::isfinite(extent->min_x) && std::isfinite(extent->min_y) && std::isfinite(extent->max_x) &&
                    std::isfinite(extent->max_y) && extent->min_x <= extent->max_x && extent->min_y <= extent->max_y))
        throw BadInput("--extent must be minx,miny,maxx,maxy in metres with minx <= maxx and miny <= maxy");
    const Envelope area = extent ? *extent : analysis_extent(district);
    if (area.empty()) throw BadInput("the workspace has no neighbourhoods and no incidents to lay a grid over");
    const double cells = std::ceil(area.width() / cell_m + 1) * std::ceil(area.height() / cell_m + 1);
    if (cells > MAX_CELLS)
        throw BadInput(fmt::format("{} {} m gives about {:.0f} million cells, more than {:.0f} million: "
                                   "use larger cells or a smaller --extent",
                                   cell_flag, cell_m, cells / 1e6, MAX_CELLS / 1e6));
    return extent ? grid_from_corner(*extent, cell_m) : snapped_grid(area, cell_m);
}

std::vector<bool> study_cells(const District& district, const Grid& grid) {
    if (district.neighbourhoods.empty()) return std::vector<bool>(grid.cell_count(), true);
    std::vector<XY> centres;
    centres.reserve(grid.cell_count());
    for (std::size_t c = 0; c < grid.cell_count(); ++c) centres.push_back(cell_centre(grid, c));
    const std::vector<std::int32_t> inside = neighbourhood_of_points(district, centres);
    std::vector<bool> out(grid.cell_count());
    for (std::size_t c = 0; c < grid.cell_count(); ++c) out[c] = inside[c] >= 0;
    return out;
}

StudyFeatures study_features(const District& district, const Grid& grid) {
    const std::vector<bool> study = study_cells(district, grid);
    StudyFeatures out;
    out.feature_of.assign(grid.cell_count(), -1);
    for (std::size_t c = 0; c < grid.cell_count(); ++c) {
        if (!study[c]) continue;
        out.feature_of[c] = static_cast<std::int64_t>(out.cells.size());
        out.cells.push_back(c);
        out.centres.push_back(cell_centre(grid, c));
    }
    if (out.cells.empty()) throw BadInput("no grid cell has its centre inside a neighbourhood: use a smaller --cell");
    return out;
}

}  // namespace geo
