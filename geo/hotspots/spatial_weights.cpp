#include "geo/hotspots/spatial_weights.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "geo/hotspots/point_index.h"
#include "geo/util/error.h"

namespace geo {

SpatialWeights make_weights(const std::vector<XY>& centres, const WeightsSpec& spec) {
    if (const auto* band = std::get_if<DistanceBand>(&spec); band && !(band->band_m > 0 && std::isfinite(band->band_m)))
        throw BadInput(fmt::format("--band {} must be a positive distance in metres", band->band_m));
    if (const auto* knn = std::get_if<KNearest>(&spec); knn && knn->k == 0)
        throw BadInput("--k must be at least 1");

    const PointIndex index(centres);
    SpatialWeights w;
    w.offset.reserve(centres.size() + 1);
    w.offset.push_back(0);
    for (std::size_t i = 0; i < centres.size(); ++i) {
        std::vector<std::uint32_t> row;
        if (const auto* band = std::get_if<DistanceBand>(&spec)) {
            row = index.within(centres[i], band->band_m);
        } else {
            row = index.nearest(centres[i], std::get<KNearest>(spec).k, static_cast<std::int64_t>(i));
            row.push_back(static_cast<std::uint32_t>(i));
            std::sort(row.begin(), row.end());
        }
        // A centre that is not finite has no neighbours in the index; it keeps itself.
        if (!std::binary_search(row.begin(), row.end(), static_cast<std::uint32_t>(i))) {
            row.push_back(static_cast<std::uint32_t>(i));
            std::sort(row.begin(), row.end());
        }
        w.neighbour.insert(w.neighbour.end(), row.begin(), row.end());
        w.weight.insert(w.weight.end(), row.size(), 1.0);
        w.offset.push_back(w.neighbour.size());
    }
    return w;
}

}  // namespace geo
