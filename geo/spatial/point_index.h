#pragma once
// Points on a uniform grid of square cells, for "which points are near here": the one index
// behind banner reach (placement), visit priorities (planning) and poster coverage. A point
// whose coordinates are not finite, or so large that its cell number would not fit an integer,
// is not indexed and never found; a query about such a place finds nothing. (Casting such a
// coordinate to an integer, as each had done on its own, is undefined behaviour.)
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "geo/model/geometry.h"

namespace geo {

class PointIndex {
public:
    // `cell_m` > 0; a cell about the size of the usual query radius is fastest.
    PointIndex(std::vector<XY> points, double cell_m);

    const XY& point(std::uint32_t i) const { return points_[i]; }
    std::size_t size() const { return points_.size(); }

    // f(i) for every indexed point in a cell the box overlaps: candidates, which the caller
    // measures as it needs (a building's outline, say).
    template <class F> void in_box(const Envelope& box, F&& f) const {
        if (box.empty()) return;
        const auto x0 = box_cell(box.min_x), x1 = box_cell(box.max_x), y0 = box_cell(box.min_y), y1 = box_cell(box.max_y);
        if (!x0 || !x1 || !y0 || !y1) return;
        // A box of more cells than the index holds: walk the cells held instead.
        const double span = (static_cast<double>(*x1 - *x0) + 1) * (static_cast<double>(*y1 - *y0) + 1);
        if (span > static_cast<double>(cells_.size())) {
            for (const auto& [k, members] : cells_) {
                const std::int64_t gx = static_cast<std::int32_t>(k >> 32), gy = static_cast<std::int32_t>(k & 0xffffffffULL);
                if (gx >= *x0 && gx <= *x1 && gy >= *y0 && gy <= *y1)
                    for (const std::uint32_t i : members) f(i);
            }
            return;
        }
        for (std::int64_t gx = *x0; gx <= *x1; ++gx)
            for (std::int64_t gy = *y0; gy <= *y1; ++gy)
                if (const auto it = cells_.find(key(gx, gy)); it != cells_.end())
                    for (const std::uint32_t i : it->second) f(i);
    }

    // f(i, distance) for every point within radius_m of p (distance <= radius_m).
    template <class F> void within(const XY& p, double radius_m, F&& f) const {
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !(radius_m >= 0)) return;
        Envelope box;
        box.expand(p);
        in_box(box.grown(radius_m), [&](std::uint32_t i) {
            const double d = std::hypot(points_[i].x - p.x, points_[i].y - p.y);
            if (d <= radius_m) f(i, d);
        });
    }

private:
    // Cell numbers are kept within ±2^30 so that two of them make one 64-bit key.
    std::optional<std::int64_t> cell(double v) const {
        const double c = std::floor(v / cell_m_);
        if (!(std::fabs(c) < 1073741824.0)) return std::nullopt;  // also false for NaN
        return static_cast<std::int64_t>(c);
    }
    // A box's edge may lie beyond every cell (a huge radius): clamped to the cells there can be.
    std::optional<std::int64_t> box_cell(double v) const {
        const double c = std::floor(v / cell_m_);
        if (std::isnan(c)) return std::nullopt;
        return static_cast<std::int64_t>(std::clamp(c, -1073741824.0, 1073741823.0));
    }
    static std::uint64_t key(std::int64_t gx, std::int64_t gy) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(gx)) << 32) | static_cast<std::uint32_t>(gy);
    }

    std::vector<XY> points_;
    double cell_m_;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cells_;
};

}  // namespace geo
