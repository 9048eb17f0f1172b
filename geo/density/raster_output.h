#pragma once
// Writing a density surface: a georeferenced float32 GeoTIFF for GIS work, or a coloured PNG
// with a legend for people. Both go through GDAL, to a temporary file beside the target that
// replaces it only once complete, so a failed write never leaves half a file under the name.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "geo/density/grid.h"

namespace geo {

enum class RasterFormat { geotiff, png };

// From the file name: .tif or .tiff → GeoTIFF, .png → PNG (any letter case). BadInput naming
// --out otherwise.
RasterFormat raster_format_for(const std::filesystem::path& path);

struct RasterLabels {
    std::string crs;    // the workspace's ("EPSG:4549" or WKT)
    std::string units;  // band description and unit type, e.g. "incidents per km²"
    std::vector<std::pair<std::string, std::string>> metadata;  // dataset tags (kernel, radius_m ...)
};

// One float32 band, DEFLATE-compressed, geotransform (origin.x, cell, 0, max_y, 0, −cell), the
// CRS, no nodata value (every cell holds a density, 0 included). BadInput for a CRS GDAL does not
// know, IoError when the file cannot be written.
void write_geotiff(const std::filesystem::path& path, const Grid& grid, const std::vector<double>& values,
                   const RasterLabels& labels);

// An RGBA PNG of heatmap_image() (heatmap_image.h). IoError when the file cannot be written.
void write_heatmap_png(const std::filesystem::path& path, const Grid& grid, const std::vector<double>& values,
                       double max_value, const std::string& units);

}  // namespace geo
