#include "geo/placement/radius_reach.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace geo {
namespace {

// A uniform grid of point indices with square cells of `cell_m` metres.
class PointGrid {
public:
    PointGrid(const std::vector<XY>& points, double cell_m) : points_(&points), cell_m_(cell_m) {
        for (std::uint32_t i = 0; i < points.size(); ++i)
            if (std::isfinite(points[i].x) && std::isfinite(points[i].y)) cells_[key(cell(points[i].x), cell(points[i].y))].push_back(i);
    }
    // Calls f(i, distance) for points within `radius_m` of p (distance <= radius_m).
    template <class F> void near(const XY& p, double radius_m, F&& f) const {
        const std::int64_t x0 = cell(p.x - radius_m), x1 = cell(p.x + radius_m);
        const std::int64_t y0 = cell(p.y - radius_m), y1 = cell(p.y + radius_m);
        for (std::int64_t gx = x0; gx <= x1; ++gx)
            for (std::int64_t gy = y0; gy <= y1; ++gy) {
                const auto it = cells_.find(key(gx, gy));
                if (it == cells_.end()) continue;
                for (const std::uint32_t i : it->second) {
                    const double d = std::hypot((*points_)[i].x - p.x, (*points_)[i].y - p.y);
                    if (d <= radius_m) f(i, d);
                }
            }
    }

private:
    std::int64_t cell(double v) const { return static_cast<std::int64_t>(std::floor(v / cell_m_)); }
    static std::uint64_t key(std::int64_t gx, std::int64_t gy) {
        return (static_cast<std::uint64_t>(gx) << 32) ^ (static_cast<std::uint64_t>(gy) & 0xffffffffULL);
    }
    const std::vector<XY>* points_;
    double cell_m_;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cells_;
};

}  // namespace

std::vector<std::vector<std::uint32_t>> points_within(const std::vector<XY>& sites, const std::vector<XY>& points,
                                                      double radius_m) {
    std::vector<std::vector<std::uint32_t>> out(sites.size());
    if (radius_m < 0) return out;
    const PointGrid grid(points, std::max(radius_m, 1.0));
    for (std::size_t s = 0; s < sites.size(); ++s) {
        grid.near(sites[s], radius_m, [&](std::uint32_t i, double) { out[s].push_back(i); });
        std::sort(out[s].begin(), out[s].end());
    }
    return out;
}

std::vector<std::vector<std::uint32_t>> sites_closer_than(const std::vector<XY>& sites, double spacing_m) {
    std::vector<std::vector<std::uint32_t>> out(sites.size());
    if (!(spacing_m > 0)) return out;
    const PointGrid grid(sites, spacing_m);
    for (std::uint32_t s = 0; s < sites.size(); ++s) {
        grid.near(sites[s], spacing_m, [&](std::uint32_t t, double d) {
            if (t != s && d < spacing_m) out[s].push_back(t);
        });
        std::sort(out[s].begin(), out[s].end());
    }
    return out;
}

}  // namespace geo
