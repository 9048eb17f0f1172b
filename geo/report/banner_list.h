#pragma once
// The list the crew takes out to hang banners: one row per banner with a small map of the spot
// (streets, buildings, the reach circle), its neighbourhood, the nearest named road, lon/lat,
// how many recent cases it reaches, and a tick box. Also as GeoJSON (WGS84). Case counts
// only: nothing about any victim.
#include <filesystem>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct BannerListEntry {
    std::string id;          // poster id once accepted, or a number
    XY location;
    std::size_t cases = 0;   // recent cases within reach
};

void write_banner_list_pdf(const std::vector<BannerListEntry>& banners, const District& district, double reach_m,
                           const std::string& title, const std::filesystem::path& out);
void write_banner_list_geojson(const std::vector<BannerListEntry>& banners, const District& district,
                               const std::filesystem::path& out);

}  // namespace geo
