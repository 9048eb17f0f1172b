#pragma once
// Turning one source feature into a valid row of our schema: field mapping, value
// conversion with range and vocabulary checks, geometry type, CRS, validity and extent.
#include <optional>
#include <string>
#include <vector>

#include "geo/crs/crs.h"
#include "geo/io/import_options.h"
#include "geo/io/source_reader.h"

namespace geo {

// Where each of our fields comes from, and which source fields are kept as extras.
struct FieldPlan {
    struct Origin {
        std::string source_field;             // empty when from a constant or absent
        std::optional<std::string> constant;  // --set
    };
    std::map<std::string, Origin> ours;                      // our field -> origin
    std::vector<std::pair<std::string, std::string>> extras;  // source field -> stored name
};

// BadInput for unknown target fields, missing source fields and unmapped required fields.
FieldPlan plan_fields(const LayerSpec& spec, const SourceLayer& source,
                      const ImportOptions& options);

// Everything needed to put a geometry in the workspace CRS and check it.
struct GeometryContext {
    const LayerSpec* spec = nullptr;
    const Transform* to_workspace = nullptr;  // source -> workspace (no datum correction)
    const Transform* to_lonlat = nullptr;     // source -> WGS84 lon/lat
    const Transform* lonlat_to_workspace = nullptr;
    ChineseDatum datum = ChineseDatum::none;
    std::optional<LonLatBox> source_area;     // area of use of the source CRS
    std::string source_crs_name;
    std::optional<LonLatBox> workspace_area;  // area of use of the workspace CRS
    std::string workspace_crs_name;
    std::optional<Envelope> district;         // neighbourhoods' extent, grown
};

struct ValidatedFeature {
    std::optional<Row> row;
    std::optional<Rejection> rejection;
    std::string repaired;  // non-empty when a polygon was made valid
    std::string label;     // how messages name the feature: its id, else its source number
};

ValidatedFeature validate_feature(const SourceFeature& feature, const SourceLayer& source,
                                  const FieldPlan& plan, const GeometryContext& geometry,
                                  const ImportOptions& options, const std::string& zone);

// How far outside the neighbourhoods' extent a point may lie and still belong to the district.
inline constexpr double kDistrictMarginM = 2000;

}  // namespace geo
