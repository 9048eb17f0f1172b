#pragma once
// The district's skeleton: a 6 x 6 lattice of jittered vertices whose cells are the
// neighbourhoods. Neighbouring cells share their corner vertices exactly, so the polygons
// tile the district with neither gaps nor overlaps, and every interior lattice line is a road.
//
//   row 5  +----+----+----+----+----+----+   y max   (north up, cells numbered row-major
//          | 30 | 31 | 32 | 33 | 34 | 35 |            from the south-west corner)
//          +----+----+----+----+----+----+
//          :    :    :    :    :    :    :
//   row 0  +----+----+----+----+----+----+   y min
//          | 0  | 1  | 2  | 3  | 4  | 5  |
//          +----+----+----+----+----+----+
//        x min                          x max
#include <array>
#include <cstdint>
#include <vector>

#include "data/generator/names.h"
#include "geo/model/geometry.h"

namespace sample::detail {

inline constexpr int kColumns = 6;
inline constexpr int kRows = 6;
inline constexpr double kWidth_m = 6000;   // west-east extent of the district
inline constexpr double kHeight_m = 5000;  // south-north extent

// District centre 120.03°E 28.90°N in EPSG:4549 (CGCS2000 3-degree Gauss-Kruger, CM 120°E,
// false easting 500 000 m, no zone prefix), checked with
//   echo 120.03 28.90 | gdaltransform -s_srs EPSG:4490 -t_srs EPSG:4549
//   -> 502925.976385068 3198186.1999671
// and rounded to the metre so that every lattice vertex is a whole number of metres.
inline constexpr geo::XY kCentre{502926, 3198186};

struct Cell {
    int column = 0;
    int row = 0;
    std::array<geo::XY, 4> corners;  // south-west, south-east, north-east, north-west
    bool village = false;            // 村 (self-built houses, rentals) rather than 小区
    PlaceName name;

    // Bilinear map of the unit square onto the cell: (0,0) south-west, (1,1) north-east.
    // The cells are convex, so the image of [0,1]^2 stays inside the cell.
    geo::XY at(double u, double v) const;
};

struct Layout {
    std::vector<geo::XY> lattice;  // (kColumns + 1) * (kRows + 1) vertices, row-major from SW
    std::vector<Cell> cells;       // kColumns * kRows; index = neighbourhood index

    const geo::XY& vertex(int i, int j) const { return lattice[j * (kColumns + 1) + i]; }
    geo::Envelope envelope() const;
};

Layout make_layout(std::uint64_t seed);

// The midpoint of a lattice edge. Roads and alleys both call this with the same vertices,
// and IEEE addition is commutative, so they agree to the bit (whole metres give exact halves).
geo::XY midpoint(const geo::XY& a, const geo::XY& b);

// Rounds to the metre: the lattice and the alley vertices are whole metres.
geo::XY round_m(const geo::XY& p);

}  // namespace sample::detail
