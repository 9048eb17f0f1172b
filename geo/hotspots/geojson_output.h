#pragma once
// Writes analysis polygons (hot-spot cells, neighbourhoods, cluster hulls, isochrones), points
// (a radius query's hits) or lines (routes) with their figures
// as a GeoJSON FeatureCollection in WGS84 lon/lat (RFC 7946), through GDAL.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "geo/io/row.h"
#include "geo/model/district.h"

namespace geo {

using PropertyList = std::vector<std::pair<std::string, FieldValue>>;

struct OutputFeature {
    Geometry shape;           // workspace CRS, metres: polygons, points or lines, one kind per file
    PropertyList properties;  // the same names in the same order for every feature; monostate = null
};

// Reprojects from `workspace_crs` ("EPSG:4549") to WGS84. The file is written beside `output`
// and renamed over it only when complete. BadInput naming --out when `output` does not end in
// .geojson or .json or its folder does not exist; IoError when GDAL cannot write.
void write_geojson_wgs84(const std::filesystem::path& output, const std::string& workspace_crs,
                         const std::string& layer_name, const std::vector<OutputFeature>& features);

// The same features as GeoJSON in WGS84 (.geojson, .json) or as a GeoPackage in the workspace
// CRS (.gpkg); BadInput naming --out for any other name (`what` says what is being written).
void write_polygon_file(const std::filesystem::path& output, const std::string& workspace_crs, const std::string& layer_name,
                        const std::vector<OutputFeature>& features, const std::string& what);

}  // namespace geo
