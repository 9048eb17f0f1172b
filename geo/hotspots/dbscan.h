#pragma once
// DBSCAN: density-based clusters of incidents. Ester, M., Kriegel, H.-P., Sander, J. & Xu, X.
// (1996) "A density-based algorithm for discovering clusters in large spatial databases with
// noise", KDD-96.
//
// A point is a core point when at least min_points points (itself included) lie within eps_m of
// it (distance <= eps_m). Clusters are the core points connected through chains of core points
// within eps_m of each other, plus the border points: non-core points within eps_m of a core
// point. Everything else is noise.
//
// Deterministic: clusters are grown one at a time from the unvisited point with the lowest
// index, breadth first, neighbours in ascending index order; cluster ids count from 0 in that
// order. A border point within reach of two clusters belongs to the one grown first (core
// points never depend on the order).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct DbscanOptions {
    double eps_m = 100;
    std::size_t min_points = 5;
};

enum class DbscanRole : std::uint8_t { noise, core, border };

struct DbscanLabels {
    std::vector<std::int32_t> cluster;  // per point: cluster id, or -1 for noise
    std::vector<DbscanRole> role;       // per point
    std::size_t clusters = 0;
};

// Neighbour queries go through an R-tree (point_index.h). BadInput naming --eps or
// --min-points for a non-positive eps or min_points = 0.
DbscanLabels dbscan(const std::vector<XY>& points, const DbscanOptions& options);

}  // namespace geo
