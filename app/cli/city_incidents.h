#pragma once
// bench-city's synthetic city: 20 police stations, each a 6 x 6 km district on a 5 x 4 grid
// (EPSG:4549, around Yongkang as the sample), and incidents over the year 2024 (Asia/Shanghai).
// Incident i belongs to station i mod 20, so a station's share is known without a pass over the
// others; everything about it is a pure function of (seed, i), so the loaders can stream batches
// and the bench can count what a query must return without reading a store.
//
// Realistic clustering: three in four of a station's incidents fall around one of its 8 hot
// spots (a Gaussian of 120-600 m, the spots weighted unevenly, as fraud gathers in certain
// estates and markets), the rest anywhere in the district; the hour of day follows a waking-day
// profile; loss is heavy-tailed.
#include <cstdint>
#include <string>

#include "geo/io/row.h"
#include "geo/model/district.h"

namespace cli {

inline constexpr int kCityStations = 20;
inline constexpr const char* kCityCrs = "EPSG:4549";
inline constexpr const char* kCityZone = "Asia/Shanghai";

struct CityIncident {
    geo::Incident incident;
    int station = 0;  // 0-based; its id is city_station_id(station)
};

std::string city_station_id(int station);                   // "S01" .. "S20"
geo::Envelope city_station_area(int station);               // the district's square, metres
CityIncident city_incident(std::uint64_t seed, std::uint64_t index);
// The row PatrolMap's writer stores: the incident's fields and station_id.
geo::Row city_incident_row(const CityIncident& c);

}  // namespace cli
