#include "geo/placement/radius_reach.h"

#include <algorithm>
#include <cmath>

#include "geo/spatial/point_index.h"

namespace geo {
std::vector<std::vector<std::uint32_t>> points_within(const std::vector<XY>& sites, const std::vector<XY>& points,
                                                      double radius_m) {
    std::vector<std::vector<std::uint32_t>> out(sites.size());
    if (radius_m < 0) return out;
    const PointIndex grid(points, std::max(radius_m, 1.0));
    for (std::size_t s = 0; s < sites.size(); ++s) {
        grid.within(sites[s], radius_m, [&](std::uint32_t i, double) { out[s].push_back(i); });
        std::sort(out[s].begin(), out[s].end());
    }
    return out;
}

std::vector<std::vector<std::uint32_t>> sites_closer_than(const std::vector<XY>& sites, double spacing_m) {
    std::vector<std::vector<std::uint32_t>> out(sites.size());
    if (!(spacing_m > 0)) return out;
    const PointIndex grid(sites, spacing_m);
    for (std::uint32_t s = 0; s < sites.size(); ++s) {
        grid.within(sites[s], spacing_m, [&](std::uint32_t t, double d) {
            if (t != s && d < spacing_m) out[s].push_back(t);
        });
        std::sort(out[s].begin(), out[s].end());
    }
    return out;
}

}  // namespace geo
