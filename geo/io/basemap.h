#pragma once
// An offline basemap: any raster GDAL opens (GeoTIFF, MBTiles, PNG with a world file …),
// warped into the workspace CRS over the requested extent, as RGBA pixels for the map.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/model/geometry.h"

namespace geo {

struct RasterImage {
    Envelope extent;  // workspace CRS, metres: the outer edges of the pixels
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // rows top (north) to bottom
};

// Warps `path` into `crs` over `extent`, at most `max_size_px` pixels on the longer side.
// BadInput when GDAL cannot open it as a raster, it has no georeferencing, or it does not
// overlap the extent.
RasterImage load_basemap(const std::filesystem::path& path, const std::string& crs, const Envelope& extent,
                         int max_size_px = 4096);

}  // namespace geo
