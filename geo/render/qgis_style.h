#pragma once
// The map's look as QGIS styles (QML, the XML QGIS reads and writes for a layer's symbology), so
// that a workspace or an output opened in QGIS looks as it does in PatrolMap: the same colours
// (classify/colours.h), the same choropleth classes (class_breaks) and categories.
//   - workspace_styles: one style per layer, for the GeoPackage's `layer_styles` table (the
//     convention QGIS uses to find a layer's default style inside a GeoPackage);
//   - gi_bins_qml: hot-spot GeoJSON (its `bin` field, -3..3);
//   - heat_ramp_qml: the heatmap GeoTIFF's band, on the YlOrRd ramp from 0 to its maximum.
// QGIS reads a `.qml` beside a file of the same name when it opens the file.
#include <string>
#include <vector>

#include "geo/io/workspace_store.h"
#include "geo/model/district.h"

namespace geo {

using QgisStyle = StoredStyle;  // workspace_store.h: what the layer_styles table holds

// The styles for every layer of `district` as the app draws them by default: neighbourhoods by
// incidents per 1,000 people (quantiles, 5 classes, YlOrRd; the count is a QGIS expression over
// the incidents layer, the breaks ours) and a second, non-default style by residents (Blues);
// incidents by fraud type; posters by kind; sites by kind; roads by class; buildings and
// officers' areas plain.
std::vector<QgisStyle> workspace_styles(const District& district);

// workspace_styles of the workspace as it is, written into its layer_styles table: after an
// import or the sample, so that the styles' classes follow the data.
void refresh_layer_styles(const std::filesystem::path& workspace);

std::string gi_bins_qml();
std::string heat_ramp_qml(double max_value);

// Writes `qml` as "<data_file without extension>.qml" (PendingFile: whole or not at all), where
// QGIS looks for a file's style when it opens it. Returns that path.
std::filesystem::path write_qml_beside(const std::filesystem::path& data_file, const std::string& qml);

}  // namespace geo
