#pragma once
// Straight-line reach: which points lie within a radius of each site (distance <= radius,
// in metres, in the workspace CRS). Also gives the pairs of sites closer than a spacing.
#include <cstdint>
#include <vector>

#include "geo/model/geometry.h"

namespace geo {

// Per site: indices of `points` with distance <= radius_m, ascending.
std::vector<std::vector<std::uint32_t>> points_within(const std::vector<XY>& sites, const std::vector<XY>& points,
                                                      double radius_m);

// Per site: the other sites strictly closer than spacing_m, ascending (empty lists when
// spacing_m <= 0).
std::vector<std::vector<std::uint32_t>> sites_closer_than(const std::vector<XY>& sites, double spacing_m);

}  // namespace geo
