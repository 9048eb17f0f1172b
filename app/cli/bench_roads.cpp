#include "app/cli/bench_roads.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "geo/io/workspace_store.h"
#include "geo/util/error.h"

namespace cli {

ImportedRoads import_osm_roads(const std::string& extract, const std::string& name) {
    if (!std::filesystem::exists(extract)) throw geo::BadInput(extract + ": no such OSM extract");
    const auto dir = std::filesystem::temp_directory_path() / fmt::format("patrolmap-{}-{}", name, ::getpid());
    std::filesystem::create_directories(dir);
    struct Cleanup {
        std::filesystem::path dir;
        ~Cleanup() {
            std::error_code ec;
            std::filesystem::remove_all(dir, ec);
        }
    } cleanup{dir};
    const auto workspace = dir / "bench.gpkg";
    geo::Metadata metadata;
    metadata.name = name;
    geo::create_workspace(workspace, metadata);
    geo::ImportOptions import;
    import.kind = geo::LayerKind::roads;
    import.source = extract;
    import.skip_invalid = true;
    ImportedRoads out;
    const auto start = std::chrono::steady_clock::now();
    out.result = geo::import_layer(workspace, import);
    out.import_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.district = geo::read_district(workspace);
    return out;
}

}  // namespace cli
