#pragma once
// A day's route for phones and GIS: GPX 1.1 (the route line and one waypoint per stop) and
// GeoJSON, both in WGS84 through GDAL's drivers, written atomically. Stops carry the address,
// households and the reasons for the visit; nothing about any case.
#include <filesystem>

#include "geo/planning/day_route.h"

namespace geo {

void write_route_gpx(const DayRoute& route, const std::string& workspace_crs, const std::filesystem::path& out);
void write_route_geojson(const DayRoute& route, const std::string& workspace_crs, const std::filesystem::path& out);

}  // namespace geo
