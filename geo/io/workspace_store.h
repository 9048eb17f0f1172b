#pragma once
// The workspace: one GeoPackage holding a district's layers and a metadata table.
// Every change is written to a temporary copy that replaces the file only once complete,
// so a failing import or a crash leaves the workspace exactly as it was.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/io/row.h"
#include "geo/model/district.h"
#include "geo/model/layer_schema.h"

namespace geo {

struct LayerChange {
    LayerKind kind;
    std::vector<Row> rows;   // validated rows, in the workspace CRS
    bool replace = false;    // delete the layer's features first
};

// Creates a new workspace; BadInput if the file exists. Layers are created now when the
// metadata names a CRS, else on the first import.
void create_workspace(const std::filesystem::path& path, const Metadata& metadata);

// BadInput when the file is missing or not a PatrolMap workspace.
Metadata read_metadata(const std::filesystem::path& path);
District read_district(const std::filesystem::path& path);
std::vector<Row> read_rows(const std::filesystem::path& path, LayerKind kind);
// Feature count per layer (0 for a layer not created yet).
std::size_t count_features(const std::filesystem::path& path, LayerKind kind);

// Applies the changes and the new metadata (its `updated` is set to now) all at once.
void commit_changes(const std::filesystem::path& path, Metadata metadata,
                    const std::vector<LayerChange>& changes);

// Replaces the visit tables (issued weekly plans and visits done, model/visits.h) and nothing
// else, the same way. With `expected_updated`, BadInput when the workspace's `updated` stamp
// differs (someone changed it since the caller read it). Returns the new metadata.
Metadata commit_visits(const std::filesystem::path& path, const std::vector<PlannedVisit>& planned,
                       const std::vector<VisitRecord>& visits,
                       const std::optional<std::string>& expected_updated = std::nullopt);

// Writes a whole district as a new workspace file, replacing `path` atomically.
// Metadata is written as given (the sample generator fixes its times).
void write_district(const std::filesystem::path& path, const District& district);

}  // namespace geo
