#pragma once
// Import: any GDAL vector source -> validated rows in the workspace CRS -> one atomic commit.
// All or nothing: the first bad feature aborts with BadInput and the workspace is untouched,
// unless skip_invalid, which imports the valid features and writes a report of the rest.
#include <filesystem>

#include "geo/io/import_options.h"
#include "geo/io/workspace_store.h"

namespace geo {

// What an import would write, checked and ready: the validated rows, the workspace metadata
// (with the CRS this import chooses, if it is the first), and the result so far.
struct PreparedImport {
    ImportResult result;  // imported = rows ready; rejected filled only with skip_invalid
    Metadata metadata;
    LayerChange change{LayerKind::incidents, {}, false};
};

// Reads the source and validates every feature against the workspace without writing
// anything: the same BadInput an import gives. What the fuzzer drives, and import_layer's
// first half.
PreparedImport prepare_import(const std::filesystem::path& workspace, const ImportOptions& options);
// The same against rows read before (read_layers with the neighbourhoods and the target layer):
// what the fuzzer calls many times over one read of the workspace.
PreparedImport prepare_import(WorkspaceRows workspace, const ImportOptions& options);

ImportResult import_layer(const std::filesystem::path& workspace, const ImportOptions& options);

// Writes rejected features beside the workspace, <stem>.rejected-<what>.csv (file, feature,
// field, reason), as `import --skip-invalid` and `tracks --import --skip-invalid` report them;
// for a database workspace in the current folder, <database name>.rejected-<what>.csv.
// Returns its path.
std::string write_rejection_report(const std::filesystem::path& workspace, const std::string& what,
                                   const std::vector<Rejection>& rejected);

}  // namespace geo
