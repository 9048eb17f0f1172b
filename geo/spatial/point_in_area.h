#pragma once
// Which neighbourhood each point lies in. Every per-neighbourhood figure (inspector, choropleth,
// counts) starts from these assignments, computed once per workspace and reused for every
// filter. Boost.Geometry stays inside point_in_area.cpp: it is slow to compile.
#include <cstdint>
#include <vector>

#include "geo/model/district.h"

namespace geo {

// For each point, the index into district.neighbourhoods of the neighbourhood whose area covers
// it, or -1 when none does (outside every area, in a hole, or not finite). A point on a
// neighbourhood's boundary is inside it; on a boundary shared by two neighbourhoods it goes to
// the one with the lower index, so every point is counted at most once.
std::vector<std::int32_t> neighbourhood_of_points(const District& district,
                                                  const std::vector<XY>& points);

// neighbourhood_of_points for district.incidents' locations, in the same order.
std::vector<std::int32_t> neighbourhood_of_incidents(const District& district);

}  // namespace geo
