#include "geo/model/assign_station.h"

namespace geo {
namespace {

template <class Records> std::size_t claim(Records& records, const std::string& station_id) {
    std::size_t changed = 0;
    for (auto& r : records)
        if (r.station_id.empty()) r.station_id = station_id, ++changed;
    return changed;
}

}  // namespace

std::size_t assign_station(District& d, const std::string& station_id) {
    return claim(d.neighbourhoods, station_id) + claim(d.officers, station_id) + claim(d.incidents, station_id) +
           claim(d.posters, station_id) + claim(d.buildings, station_id) + claim(d.sites, station_id) +
           claim(d.roads, station_id) + claim(d.warnings, station_id) + claim(d.vehicles, station_id) +
           claim(d.sightings, station_id);
}

}  // namespace geo
