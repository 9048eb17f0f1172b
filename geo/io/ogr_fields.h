#pragma once
// Field values <-> GDAL feature fields. Date-times are written in UTC (TZFlag 100).
#include <initializer_list>
#include <string>

#include <ogr_feature.h>

#include "geo/model/district.h"

namespace geo {

// The GDAL field type that stores a value of this kind.
OGRFieldType storage_type(const FieldValue& value);
void set_value(OGRFeature& feature, int index, const FieldValue& value);
// Dates and date-times without a zone are local time in `zone`, or UTC when `zone` is empty
// (the way a workspace stores them).
FieldValue get_value(OGRFeature& feature, int index, const std::string& zone = {});

// The index of the first of `names` the layer has as a field, case-insensitively, or -1
// (a CSV's column under any of the names it may go by).
int find_column(const OGRFeatureDefn& defn, std::initializer_list<const char*> names);

}  // namespace geo
