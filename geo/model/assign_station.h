#pragma once
// Gives a station the rows that name none: a station's own workspace (a GeoPackage) made ready
// to join a city workspace, where every row belongs to a station (station_access.h).
#include <string>

#include "geo/model/district.h"

namespace geo {

// Every record of every layer with an empty station_id gets `station_id`; others keep theirs.
// Returns how many changed.
std::size_t assign_station(District& district, const std::string& station_id);

}  // namespace geo
