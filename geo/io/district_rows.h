#pragma once
// Typed model records <-> generic rows, layer by layer. Rows carry stored names
// (enums as their lower-case names, flags as comma-separated text, booleans as 0/1).
#include <vector>

#include "geo/io/row.h"
#include "geo/model/layer_schema.h"

namespace geo {

std::vector<Row> to_rows(const District& district, LayerKind kind);

// Appends the rows' records to the district's layer. Rows must already be valid
// (validated on import or read from a workspace); a bad stored value throws BadInput
// naming `file`.
void append_rows(const std::vector<Row>& rows, LayerKind kind, District& district,
                 const std::string& file);

}  // namespace geo
