#pragma once
// Conversion between GDAL's OGRGeometry and the model's plain geometry.
#include <memory>

#include <ogr_geometry.h>

#include "geo/io/row.h"

namespace geo {

struct OgrGeometryDeleter {
    void operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }
};
using OgrGeometryPtr = std::unique_ptr<OGRGeometry, OgrGeometryDeleter>;

// Point → XY, (Multi)Polygon → MultiPolygon, (Multi)LineString → MultiLineString;
// anything else (collections, curves GDAL cannot linearise) → monostate.
Geometry from_ogr(const OGRGeometry& geometry);

// Empty for monostate. Polygons are written as MultiPolygon, lines as MultiLineString.
OgrGeometryPtr to_ogr(const Geometry& geometry);

}  // namespace geo
