#pragma once
// Builders for workspaces used by several suites.
#include <filesystem>
#include <string>

#include "geo/io/import_options.h"
#include "tests/common/fixtures.h"

namespace test {

// An empty workspace in EPSG:4549 (CGCS2000 GK CM 120E) with the two fixture neighbourhoods.
std::filesystem::path workspace_with_neighbourhoods(const ScratchDir& dir,
                                                    const std::string& name = "ws.gpkg");

// Writes text to a file (overwriting).
void write_text(const std::filesystem::path& path, const std::string& text);
std::string read_text(const std::filesystem::path& path);

// A GeoJSON FeatureCollection of points: each entry is {"properties json", lon, lat}.
struct PointFeature {
    std::string properties;  // JSON object body without braces, e.g. "\"id\": \"X\""
    double lon = 120.025;
    double lat = 28.895;
};
std::string point_collection(const std::vector<PointFeature>& features);

// Import options for incidents from a file.
geo::ImportOptions incidents_from(const std::filesystem::path& source);

}  // namespace test
