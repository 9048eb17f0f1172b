#include "geo/response/place.h"

#include <charconv>
#include <cmath>

#include "geo/crs/crs.h"
#include "geo/query/search.h"
#include "geo/util/error.h"

namespace geo {
namespace {

std::string site_label(const Site& s) { return (s.name.empty() ? s.id : s.name + " (" + s.id + ")"); }

bool parse_number(std::string_view text, double& out) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

}  // namespace

Place place_of_site(const District& district, const std::string& site_id) {
    for (const auto& s : district.sites)
        if (s.id == site_id) return {s.location, site_label(s)};
    throw BadInput("--site '" + site_id + "': no such site in the workspace");
}

Place place_of_id(const District& district, const std::string& id, const char* flag) {
    for (const auto& s : district.sites)
        if (s.id == id) return {s.location, site_label(s)};
    for (const auto& i : district.incidents)
        if (i.id == id) return {i.location, "case " + i.id};
    throw BadInput(std::string(flag) + " '" + id + "': no site or case with that id");
}

Place place_of_lonlat(const District& district, const std::string& lon_lat, const char* flag) {
    const auto comma = lon_lat.find(',');
    double lon = 0, lat = 0;
    if (comma == std::string::npos || !parse_number(std::string_view(lon_lat).substr(0, comma), lon) ||
        !parse_number(std::string_view(lon_lat).substr(comma + 1), lat))
        throw BadInput(std::string(flag) + " '" + lon_lat + "' is not LON,LAT such as 120.031,28.902");
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
        throw BadInput(std::string(flag) + " '" + lon_lat + "': longitude -180..180, latitude -90..90 (LON,LAT order)");
    if (district.metadata.crs.empty()) throw BadInput(std::string(flag) + ": the workspace has no CRS yet");
    const Transform to_ws(wgs84(), make_srs(district.metadata.crs, "workspace CRS"));
    const auto p = to_ws.apply({lon, lat});
    if (!p) throw BadInput(std::string(flag) + " '" + lon_lat + "' is outside what " + district.metadata.crs + " can take");
    return {*p, lon_lat};
}

Place place_of_address(const District& district, const std::string& address) {
    for (const SearchHit& hit : search(district, address, 50))
        if (hit.layer != LayerKind::officers) return {hit.location, hit.label};
    throw BadInput("--address '" + address + "' matches no building address, site or neighbourhood name or id");
}

Place place_of_origin(const District& district, const std::string& text, const char* flag) {
    if (text == "police_station") {
        for (const auto& s : district.sites)
            if (s.kind == SiteKind::police_station) return {s.location, site_label(s)};
        throw BadInput(std::string(flag) + " police_station: the workspace has no site of kind police_station");
    }
    if (text.find(',') != std::string::npos) return place_of_lonlat(district, text, flag);
    return place_of_id(district, text, flag);
}

}  // namespace geo
