#pragma once
// A regular grid of square cells in the workspace CRS (metres), counted from its lower-left
// corner: what Gi* on cells, the emerging-hot-spot cube and `evaluate` count incidents on.
// Cell (col, row) covers [min_x + col·cell_m, min_x + (col+1)·cell_m) × [min_y + row·cell_m, …);
// its index is row·cols + col, so index order runs west to east, then south to north.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct CellGrid {
    double min_x = 0;   // lower-left corner, metres
    double min_y = 0;
    double cell_m = 0;  // side of a cell, metres
    int cols = 0;
    int rows = 0;

    std::size_t size() const { return static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows); }
    // The cell holding `p`, or nullopt outside the grid (or not finite).
    std::optional<std::size_t> cell_of(const XY& p) const;
    XY centre(std::size_t cell) const;
    MultiPolygon square(std::size_t cell) const;  // the cell as a closed counter-clockwise ring
};

// The grid whose cells are multiples of `cell_m` from the CRS origin and cover `extent` whole:
// min snapped down to a multiple of cell_m, and enough cells that a point on the extent's
// upper or right edge still falls in one. BadInput naming `flag` when cell_m is not positive
// or the grid would exceed 50 million cells.
CellGrid snapped_grid(const Envelope& extent, double cell_m, const char* flag = "--cell");

// The grid from `extent`'s lower-left corner exactly (an --extent given by the user): as many
// cells as cover the extent (at least one each way).
CellGrid grid_from_corner(const Envelope& extent, double cell_m, const char* flag = "--cell");

// The district's extent for grids: the neighbourhoods' envelope, or the incidents' when the
// workspace has no neighbourhoods. Empty when it has neither.
Envelope analysis_extent(const District& district);

// For each cell, whether its centre lies in the union of the neighbourhoods (on a boundary
// counts as inside); every cell when the district has no neighbourhoods.
std::vector<bool> study_cells(const District& district, const CellGrid& grid);

}  // namespace geo
