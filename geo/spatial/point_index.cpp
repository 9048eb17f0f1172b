#include "geo/spatial/point_index.h"

#include "geo/util/error.h"

namespace geo {

PointIndex::PointIndex(std::vector<XY> points, double cell_m) : points_(std::move(points)), cell_m_(cell_m) {
    if (!(cell_m_ > 0) || !std::isfinite(cell_m_)) throw InternalError("PointIndex needs a cell size > 0");
    for (std::uint32_t i = 0; i < points_.size(); ++i) {
        const auto gx = cell(points_[i].x), gy = cell(points_[i].y);
        if (gx && gy) cells_[key(*gx, *gy)].push_back(i);
    }
}

}  // namespace geo
