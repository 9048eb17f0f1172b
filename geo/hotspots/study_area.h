#pragma once
// The grid cells that incidents are counted on for Gi*, the emerging-hot-spot cube and
// `evaluate`: the density surface's grid (geo/density/grid.h, so a hot-spot cell is a heatmap
// pixel), and which of its cells make up the study area.
//
// Cells are numbered as the raster stores them: index = row·width + col, row 0 the northern
// row, col 0 the western column.
#include <cstddef>
#include <optional>
#include <cstdint>
#include <vector>

#include "geo/density/grid.h"
#include "geo/model/district.h"

namespace geo {

std::optional<std::size_t> cell_index(const Grid& grid, XY p);  // nullopt outside the grid
XY cell_centre(const Grid& grid, std::size_t index);
MultiPolygon cell_square(const Grid& grid, std::size_t index);  // closed, counter-clockwise

// The district's extent for grids: the neighbourhoods' envelope, or the incidents' when the
// workspace has no neighbourhoods; empty when it has neither.
Envelope analysis_extent(const District& district);

// The grid of an analysis: from `extent`'s lower-left corner when given (--extent), else the
// analysis extent snapped outward to multiples of cell_m (as the heatmap's default grid).
// BadInput naming `cell_flag` when cell_m is not a positive number or the grid would have more
// than 50 million cells, naming --extent when the extent is inverted or not finite.
Grid analysis_grid(const District& district, double cell_m, const std::optional<Envelope>& extent,
                   const char* cell_flag = "--cell");

// For each cell, whether its centre lies in the union of the neighbourhoods (a centre on a
// boundary is inside); every cell when the district has no neighbourhoods.
std::vector<bool> study_cells(const District& district, const Grid& grid);

// The study cells as analysis features: their grid indices (ascending), each grid cell's
// feature (-1 outside the study area) and the features' centres. BadInput when there are none.
struct StudyFeatures {
    std::vector<std::size_t> cells;
    std::vector<std::int64_t> feature_of;
    std::vector<XY> centres;
};
StudyFeatures study_features(const District& district, const Grid& grid);

}  // namespace geo
