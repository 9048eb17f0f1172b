// The raster grid: snapping to the CRS's cell grid, corners given exactly, cell centres and the
// cell holding a point (rows north first).
#include "geo/density/grid.h"

#include <doctest/doctest.h>

#include <limits>

//   y
//   6800 +----+- ... -+----+   snapped grid: corners on multiples of 100 m
//        |    :       :    |
//   6789 |  +-----------+  |   the extent (1234, 5678) .. (2345, 6789)
//        |  |           |  |
//   5678 |  +-----------+  |
//   5600 +----+- ... -+----+
//       1200 1234     2345 2400   x
TEST_CASE("The default grid snaps the extent outward to multiples of the cell size") {
    const geo::Grid g = geo::snapped_grid({1234, 5678, 2345, 6789}, 100);
    CHECK(g.origin == geo::XY{1200, 5600});
    CHECK(g.cell_m == 100);
    CHECK(g.width == 12);   // 1200 .. 2400
    CHECK(g.height == 12);  // 5600 .. 6800
    CHECK(g.max_x() == 2400);
    CHECK(g.max_y() == 6800);
}

TEST_CASE("An extent already on the cell grid keeps its edges") {
    const geo::Grid g = geo::snapped_grid({-300, 200, 500, 900}, 100);
    CHECK(g.origin == geo::XY{-300, 200});
    CHECK(g.width == 8);
    CHECK(g.height == 7);
}

TEST_CASE("A zero-size extent still gets one cell") {
    const geo::Grid g = geo::snapped_grid({150, 250, 150, 250}, 100);
    CHECK(g.width == 1);
    CHECK(g.height == 1);
    CHECK(g.origin == geo::XY{100, 200});
}

TEST_CASE("--extent keeps its lower-left corner and grows to whole cells") {
    const geo::Grid g = geo::grid_from_corner({1234, 5678, 2345, 6789}, 100);
    CHECK(g.origin == geo::XY{1234, 5678});
    CHECK(g.width == 12);   // 1111 m -> 12 cells
    CHECK(g.height == 12);
    const geo::Grid exact = geo::grid_from_corner({0, 0, 1000, 500}, 100);
    CHECK(exact.width == 10);
    CHECK(exact.height == 5);
}

TEST_CASE("Cell centres run east by column and south by row") {
    const geo::Grid g{{1000, 2000}, 10, 4, 3};  // 40 x 30 m
    CHECK(g.centre_x(0) == 1005);
    CHECK(g.centre_x(3) == 1035);
    CHECK(g.centre_y(0) == 2025);  // the northern row
    CHECK(g.centre_y(2) == 2005);
    CHECK(g.cell_count() == 12);
}

TEST_CASE("The cell holding a point; edges go east and north; outside is none") {
    const geo::Grid g{{1000, 2000}, 10, 4, 3};
    CHECK(g.cell_of({1005, 2005}) == geo::Grid::Cell{0, 2});
    CHECK(g.cell_of({1039.9, 2029.9}) == geo::Grid::Cell{3, 0});
    CHECK(g.cell_of({1010, 2010}) == geo::Grid::Cell{1, 1});
    CHECK(g.cell_of({1000, 2000}) == geo::Grid::Cell{0, 2});
    CHECK_FALSE(g.cell_of({1040, 2005}).has_value());
    CHECK_FALSE(g.cell_of({1005, 2030}).has_value());
    CHECK_FALSE(g.cell_of({999.99, 2005}).has_value());
    CHECK_FALSE(g.cell_of({std::numeric_limits<double>::quiet_NaN(), 2005}).has_value());
}
