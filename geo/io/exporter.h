#pragma once
// Export a workspace layer to any GDAL vector format, chosen by the output's extension.
#include <filesystem>
#include <string>

#include "geo/model/geometry.h"
#include "geo/model/layer_schema.h"

namespace geo {

struct ExportOptions {
    LayerKind kind = LayerKind::incidents;
    std::filesystem::path output;
    // For the public: incidents lose every victim detail (age band, losses, outcome, extra
    // fields), keep only the date, and are moved to the centre of their 100 m grid cell.
    bool public_copy = false;
    std::string crs;  // output CRS; empty = WGS84 for GeoJSON/KML/GPX, the workspace's otherwise
};

struct ExportResult {
    std::size_t written = 0;
    std::string driver;
    std::string crs;
};

ExportResult export_layer(const std::filesystem::path& workspace, const ExportOptions& options);

// GDAL driver for an output path by its extension; BadInput for an unknown one.
std::string driver_for_output(const std::filesystem::path& output);

// The cell size (metres) incident locations are generalised to in public exports.
inline constexpr double kPublicGridM = 100;
// The centre of the kPublicGridM cell holding `p`: where a public output puts a case.
XY public_cell(XY p);

}  // namespace geo
