#pragma once
// Polygon triangulation for GPU fills: polygons with holes in, indexed triangles out.
//
// The method is Mapbox's earcut (https://github.com/mapbox/earcut, ISC licence; written again
// here, not copied): holes are bridged into the outer ring (David Eberly's construction), ears
// are clipped from the resulting single ring, found through a z-order-curve hash when the ring
// is large; duplicate and collinear points are dropped; and when no ear is left, the clipper
// cures small local self-intersections and finally splits the ring along a valid diagonal, so
// that messy real rings (self-touching, duplicate vertices, slivers) still give triangles.
//
// On a valid polygon the triangles cover it exactly: their areas sum to area_m2 up to rounding.
// On an invalid one (a bow-tie, a hole outside its shell) earcut's answer is a best effort
// and the areas need not agree.
#include <cstdint>
#include <vector>

#include "geo/model/geometry.h"

namespace geo {

struct Triangulation {
    // In input coordinates (the workspace CRS, metres): each polygon's outer ring, then its holes,
    // each ring without its closing point, in the order and orientation given. So for one polygon,
    // vertex k of the outer ring is vertices[k]. Vertices that no triangle uses (duplicates,
    // collinear points) stay in the list.
    std::vector<XY> vertices;
    // 3 per triangle, into `vertices`; every triangle counter-clockwise (x east, y north),
    // so that face culling, if a renderer turns it on, keeps them all.
    std::vector<std::uint32_t> indices;

    std::size_t triangle_count() const { return indices.size() / 3; }
};

// Rings may be in either orientation and must be closed (first == last; an open ring is
// accepted too). A polygon whose outer ring has fewer than 3 distinct points gives no triangles.
Triangulation triangulate(const Polygon& polygon);
// Each part triangulated in turn and appended, indices offset to the shared vertex list.
Triangulation triangulate(const MultiPolygon& polygons);

// Sum of the triangles' areas, square metres.
double triangulated_area_m2(const Triangulation& t);

}  // namespace geo
