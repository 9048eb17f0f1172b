#pragma once
// Builders for workspaces used by several suites.
#include <filesystem>
#include <string>
#include <vector>

#include "geo/io/import_options.h"
#include "geo/model/district.h"
#include "tests/common/fixtures.h"

namespace test {

// An empty workspace in EPSG:4549 (CGCS2000 GK CM 120E) with the two fixture neighbourhoods.
std::filesystem::path workspace_with_neighbourhoods(const ScratchDir& dir,
                                                    const std::string& name = "ws.gpkg");

// The same at `ws`, a .gpkg path or a PG: connection (test::Store::fresh gives either).
void workspace_with_neighbourhoods_at(const std::string& ws);

// The bundled sample cut down to what the durability and concurrency tests write: its metadata,
// neighbourhoods (the district's extent, which imports check), officers and sites, the first
// `buildings` buildings with the posters on them, the first `incidents` incidents. Without the
// roads, tracks and other layers a whole read of the sample takes ~0.3 s, which a test that
// starts hundreds of programs, each reading the workspace, pays hundreds of times.
geo::District sample_excerpt(std::size_t buildings, std::size_t incidents);

// Writes text to a file (overwriting).
void write_text(const std::filesystem::path& path, const std::string& text);
std::string read_text(const std::filesystem::path& path);
// A text file's lines, without their line ends (none for a missing file).
std::vector<std::string> read_lines(const std::filesystem::path& path);

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
