#pragma once
// Positions along an edge's line, measured in metres from its first vertex.
#include "geo/model/geometry.h"

namespace geo {

XY point_at_offset(const LineString& line, double offset_m);
// The part of `line` between two offsets, in the order from_m -> to_m (reversed when
// to_m < from_m); at least the two end points.
LineString sub_line(const LineString& line, double from_m, double to_m);
// Appends `points` to `path`, leaving out a first point equal to path's last.
void append_path(LineString& path, const LineString& points);

}  // namespace geo
