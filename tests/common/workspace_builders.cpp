#include "tests/common/workspace_builders.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"

namespace test {

std::filesystem::path workspace_with_neighbourhoods(const ScratchDir& dir, const std::string& name) {
    const auto path = dir / name;
    workspace_with_neighbourhoods_at(path.string());
    return path;
}

void workspace_with_neighbourhoods_at(const std::string& path) {
    geo::Metadata m;
    m.name = "test district";
    m.crs = "EPSG:4549";
    geo::create_workspace(path, m);
    geo::ImportOptions o;
    o.kind = geo::LayerKind::neighbourhoods;
    o.source = fixture("neighbourhoods.geojson").string();
    geo::import_layer(path, o);
}

geo::District sample_excerpt(std::size_t buildings, std::size_t incidents) {
    const geo::District sample = geo::read_district(source_dir() / "data" / "jiangnan.gpkg");
    geo::District d;
    d.metadata = sample.metadata;
    d.neighbourhoods = sample.neighbourhoods;
    d.officers = sample.officers;
    d.sites = sample.sites;
    d.buildings.assign(sample.buildings.begin(), sample.buildings.begin() + static_cast<std::ptrdiff_t>(std::min(buildings, sample.buildings.size())));
    std::set<std::string> kept;
    for (const auto& b : d.buildings) kept.insert(b.id);
    for (const auto& p : sample.posters)
        if (p.building_id.empty() || kept.count(p.building_id)) d.posters.push_back(p);
    d.incidents.assign(sample.incidents.begin(), sample.incidents.begin() + static_cast<std::ptrdiff_t>(std::min(incidents, sample.incidents.size())));
    return d;
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> read_lines(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

std::string point_collection(const std::vector<PointFeature>& features) {
    std::string out = "{\"type\": \"FeatureCollection\", \"features\": [\n";
    for (std::size_t i = 0; i < features.size(); ++i) {
        char coords[96];
        std::snprintf(coords, sizeof coords, "[%.9g, %.9g]", features[i].lon, features[i].lat);
        out += std::string(i ? ",\n" : "") + "{\"type\": \"Feature\", \"properties\": {" +
               features[i].properties + "}, \"geometry\": {\"type\": \"Point\", \"coordinates\": " +
               coords + "}}";
    }
    return out + "\n]}\n";
}

geo::ImportOptions incidents_from(const std::filesystem::path& source) {
    geo::ImportOptions o;
    o.kind = geo::LayerKind::incidents;
    o.source = source.string();
    return o;
}

}  // namespace test
