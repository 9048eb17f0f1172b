#pragma once
// What the response commands (respond, isochrones, within) share on the command line: the
// travel profile's name and the workspace CRS's points as WGS84 for JSON.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/model/district.h"
#include "geo/network/road_graph.h"

namespace cli {

// "walk" / "walking" or "drive" / "driving"; BadInput naming --profile otherwise.
geo::Profile parse_profile(const std::string& text);
const char* profile_name(geo::Profile profile);  // "walk" or "drive"

// [lon, lat] pairs of workspace-CRS points, 6 decimals (about 0.1 m).
nlohmann::json lonlat_json(const std::string& workspace_crs, const std::vector<geo::XY>& points);

// "3,5,10" -> {3, 5, 10}; BadInput naming --minutes otherwise.
std::vector<double> parse_minutes(const std::string& text);

}  // namespace cli
