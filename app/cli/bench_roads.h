#pragma once
// The road benchmarks' network: an OSM extract imported into a throw-away workspace (removed
// again at once), as `patrolmap import --layer roads` would, and read back.
#include <string>

#include "geo/io/importer.h"
#include "geo/model/district.h"

namespace cli {

struct ImportedRoads {
    geo::District district;
    geo::ImportResult result;  // roads imported, the workspace CRS chosen
    double import_s = 0;       // the import alone
};

// BadInput when `extract` does not exist; `name` labels the workspace and its folder.
ImportedRoads import_osm_roads(const std::string& extract, const std::string& name);

}  // namespace cli
