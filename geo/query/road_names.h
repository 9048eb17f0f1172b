#pragma once
// Where a point is, in the words a crew or an officer uses: the named roads meeting there
// ("金城路 × 溪坦街") or the nearest named road. Banner sites are graph nodes ("N111") to the
// solver; people find them by street names.
#include <string>

#include "geo/model/district.h"

namespace geo {

// Named roads passing within `junction_m` of `p`, nearest first, up to two distinct names
// joined by " × "; else the nearest named road within `near_m`; else "".
std::string place_name(const District& district, XY p, double junction_m = 2.0, double near_m = 300.0);

}  // namespace geo
