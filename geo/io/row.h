#pragma once
// A feature on its way into or out of a workspace: geometry plus named values. Import
// validates source features into rows; the GeoPackage store writes and reads rows; the
// model converts rows to typed records (district_rows.h).
#include <map>
#include <string>
#include <variant>

#include "geo/model/district.h"

namespace geo {

using Geometry = std::variant<std::monostate, XY, MultiPolygon, MultiLineString>;

struct Row {
    Geometry geometry;
    std::map<std::string, FieldValue> values;  // our fields by schema name, and extras

    const FieldValue* get(const std::string& name) const {
        auto it = values.find(name);
        return it == values.end() ? nullptr : &it->second;
    }
};

// Text of a value for messages and text fields ("" for NULL).
std::string to_text(const FieldValue& value);

}  // namespace geo
