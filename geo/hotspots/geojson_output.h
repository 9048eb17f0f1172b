#pragma once
// Writes analysis polygons (hot-spot cells, neighbourhoods, cluster hulls) with their figures
// as a GeoJSON FeatureCollection in WGS84 lon/lat (RFC 7946), through GDAL.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "geo/model/district.h"

namespace geo {

using PropertyList = std::vector<std::pair<std::string, FieldValue>>;

struct OutputFeature {
    MultiPolygon shape;      // workspace CRS, metres
    PropertyList properties;  // the same names in the same order for every feature; monostate = null
};

// Reprojects from `workspace_crs` ("EPSG:4549") to WGS84. The file is written beside `output`
// and renamed over it only when complete. BadInput naming --out when `output` does not end in
// .geojson or .json or its folder does not exist; IoError when GDAL cannot write.
void write_geojson_wgs84(const std::filesystem::path& output, const std::string& workspace_crs,
                         const std::string& layer_name, const std::vector<OutputFeature>& features);

}  // namespace geo
