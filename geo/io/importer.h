#pragma once
// Import: any GDAL vector source -> validated rows in the workspace CRS -> one atomic commit.
// All or nothing: the first bad feature aborts with BadInput and the workspace is untouched,
// unless skip_invalid, which imports the valid features and writes a report of the rest.
#include <filesystem>

#include "geo/io/import_options.h"

namespace geo {

ImportResult import_layer(const std::filesystem::path& workspace, const ImportOptions& options);

}  // namespace geo
