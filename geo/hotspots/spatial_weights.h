#pragma once
// Who is whose neighbour, for Gi*: binary weights by distance band or k nearest, between the
// centres of the features analysed (grid cells, neighbourhood centroids), in metres.
// Both include the feature itself (w_ii = 1): that is what makes the statistic Gi* rather than
// Gi (Getis & Ord 1992; Ord & Getis 1995), and what ArcGIS's Hot Spot Analysis does.
#include <cstddef>
#include <cstdint>
#include <variant>
#include <vector>

#include "geo/model/geometry.h"

namespace geo {

struct DistanceBand {
    double band_m = 0;  // neighbours at centre distance <= band_m
};
struct KNearest {
    std::size_t k = 8;  // the k nearest others (ties at the k-th distance cut by feature index)
};
using WeightsSpec = std::variant<DistanceBand, KNearest>;

// Binary (not row-standardised), as ArcGIS's Gi* with a fixed distance band or k nearest.
// Compressed rows: feature i's neighbours are neighbour[offset[i] .. offset[i+1]), ascending,
// itself among them, each with weight 1 (kept explicit so the formula reads as in the paper).
struct SpatialWeights {
    std::vector<std::size_t> offset;  // size = features + 1
    std::vector<std::uint32_t> neighbour;
    std::vector<double> weight;

    std::size_t features() const { return offset.empty() ? 0 : offset.size() - 1; }
};

// BadInput (naming --band or --k) when the band is not positive or k is 0.
SpatialWeights make_weights(const std::vector<XY>& centres, const WeightsSpec& spec);

}  // namespace geo
