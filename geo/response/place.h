#pragma once
// Where a response question starts: a site or a case by id, a WGS84 lon/lat, or an address
// found by the search box's search (a building, a site or a neighbourhood). The answer names
// what was found, so a command can say "from 江南派出所 (S01)".
#include <string>

#include "geo/model/district.h"

namespace geo {

struct Place {
    XY location;        // workspace CRS, metres
    std::string label;  // "江南派出所 (S01)", "case I00012", "120.031, 28.902"
};

// BadInput naming the flag: an unknown site or case id; lon/lat that is not two numbers or that
// the workspace CRS cannot take; an address that matches nothing (it says so, and what was
// searched).
Place place_of_site(const District& district, const std::string& site_id);
Place place_of_id(const District& district, const std::string& id, const char* flag);  // a site or a case
Place place_of_lonlat(const District& district, const std::string& lon_lat, const char* flag);
Place place_of_address(const District& district, const std::string& address);
// "police_station" (the first police station), a site id, or LON,LAT.
Place place_of_origin(const District& district, const std::string& text, const char* flag);

}  // namespace geo
