#include "app/cli/response_args.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "geo/crs/crs.h"
#include "geo/util/error.h"

namespace cli {

geo::Profile parse_profile(const std::string& text) {
    if (text == "walk" || text == "walking") return geo::Profile::walking;
    if (text == "drive" || text == "driving") return geo::Profile::driving;
    throw geo::BadInput("--profile '" + text + "' is not walk or drive");
}

const char* profile_name(geo::Profile profile) { return profile == geo::Profile::walking ? "walk" : "drive"; }

nlohmann::json lonlat_json(const std::string& workspace_crs, const std::vector<geo::XY>& points) {
    const geo::Transform to_lonlat(geo::make_srs(workspace_crs, "workspace CRS"), geo::wgs84());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : points)
        if (const auto q = to_lonlat.apply(p))
            out.push_back({std::round(q->x * 1e6) / 1e6, std::round(q->y * 1e6) / 1e6});
    return out;
}

std::vector<double> parse_minutes(const std::string& text) {
    std::vector<double> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        double v = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (ec != std::errc() || end != part.data() + part.size())
            throw geo::BadInput("--minutes '" + text + "' is not a list of minutes such as 3,5,10");
        out.push_back(v);
    }
    return out;
}

}  // namespace cli
