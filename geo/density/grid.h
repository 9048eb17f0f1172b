#pragma once
// The raster grid a density surface is evaluated on, in the workspace's projected CRS (metres).
//
//   origin + (0, height·cell)        row 0 (north) ...
//     +-----+-----+-----+
//     |     |     |     |    cell (col, row) has its centre at
//     +-----+-----+-----+      x = origin.x + (col + 0.5)·cell_m
//     |     |  •  |     |      y = origin.y + (height − row − 0.5)·cell_m
//     +-----+-----+-----+    rows are stored north first, as GeoTIFF and PNG store them,
//   origin                   so values[row·width + col] is the raster's pixel (col, row).
//   (lower-left corner)
#include <cstddef>
#include <optional>

#include "geo/model/geometry.h"

namespace geo {

struct Grid {
    XY origin;         // lower-left corner of the lower-left cell, metres
    double cell_m = 0; // side of a square cell, metres
    int width = 0;     // columns
    int height = 0;    // rows

    double centre_x(int col) const { return origin.x + (col + 0.5) * cell_m; }
    double centre_y(int row) const { return origin.y + (height - row - 0.5) * cell_m; }
    double max_x() const { return origin.x + width * cell_m; }
    double max_y() const { return origin.y + height * cell_m; }
    Envelope extent() const { return {origin.x, origin.y, max_x(), max_y()}; }
    std::size_t cell_count() const {
        return static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    }

    struct Cell {
        int col;
        int row;  // 0 = north
        friend bool operator==(const Cell&, const Cell&) = default;
    };
    // The cell holding `p`: cells are half-open, [west, east) × [south, north), so a point on
    // an edge between cells is in the one east or north of it. nullopt outside the grid (its
    // east and north edges included) or for non-finite input.
    std::optional<Cell> cell_of(XY p) const;

    friend bool operator==(const Grid&, const Grid&) = default;
};

// The grid of cell_m cells aligned on the CRS's own cell grid (corners at whole multiples of
// cell_m from the CRS origin) that covers `extent`: its edges are snapped outward, min down and
// max up, to the nearest multiples. Grids of the same cell size therefore line up cell for cell
// whatever their extents. An extent with no width or height still gets one cell.
Grid snapped_grid(const Envelope& extent, double cell_m);

// The grid whose lower-left corner is exactly extent's (min_x, min_y), with as many whole cells
// as it takes to cover the extent: the east and north edges grow up to one cell (for --extent).
Grid grid_from_corner(const Envelope& extent, double cell_m);

}  // namespace geo
