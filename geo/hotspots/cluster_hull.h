#pragma once
// The outline drawn for a cluster of incidents. Boost.Geometry stays inside cluster_hull.cpp.
#include <vector>

#include "geo/model/geometry.h"

namespace geo {

// Points whose buffered shapes are drawn as polygons with this many vertices.
inline constexpr int HULL_CIRCLE_VERTICES = 32;

// The convex hull of `points` (counter-clockwise, closed). When the hull has no area (one or
// two distinct points, or all on a line) the hull of circles of radius buffer_m around each
// point instead: a disc for one point, a capsule for two or a line. Empty for no points.
MultiPolygon cluster_hull(const std::vector<XY>& points, double buffer_m);

// The outline a cluster gets in files that leave the app: the convex hull of the corners of the
// `cell_m` grid cells (aligned on multiples of cell_m) that hold the points. It encloses every
// case, and its vertices lie on the grid, never on a case, so the file does not give any
// victim's exact location (cluster_hull's vertices are cases). Empty for no points.
MultiPolygon generalised_hull(const std::vector<XY>& points, double cell_m);

}  // namespace geo
