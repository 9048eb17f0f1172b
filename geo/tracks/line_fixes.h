#pragma once
// A line's fixes: its vertices in order, the n-th with the n-th time of the vertex-time field
// (togeojson's coordTimes, a list, or a list of lists for a multi-line; or its newer
// coordinateProperties {"times": ...}). GDAL gives the field as JSON text (source reader run
// with OGR_GEOJSON_ARRAY_AS_STRING, see fix_reader.cpp).
#include <vector>

#include <ogr_geometry.h>

#include "geo/tracks/feature_fixes.h"

namespace geo {

// `base` carries the feature's label, officer and track; the result has one fix per vertex
// ("<label> vertex <n>", n from 1), or one fix with the problem when the times do not fit.
std::vector<SourceFix> line_fixes(const SourceFeature& feature, const OGRGeometry& line,
                                  const SourceFix& base, const FixContext& context);

}  // namespace geo
