#pragma once
// Neighbour queries on a fixed set of points (metres): the R-tree behind DBSCAN and the spatial
// weights of Gi*. Boost.Geometry stays inside point_index.cpp: it is slow to compile.
#include <cstdint>
#include <memory>
#include <vector>

#include "geo/model/geometry.h"

namespace geo {

class PointIndex {
public:
    // Points that are not finite are left out of every answer.
    explicit PointIndex(const std::vector<XY>& points);
    ~PointIndex();
    PointIndex(PointIndex&&) noexcept;
    PointIndex& operator=(PointIndex&&) noexcept;

    // Indices of the points at Euclidean distance <= radius_m from `centre` (the point itself
    // included when it is one of them), ascending.
    std::vector<std::uint32_t> within(const XY& centre, double radius_m) const;

    // The k points nearest `centre`, nearest first; equal distances in ascending index order,
    // so the answer does not depend on the tree's layout. Fewer when there are fewer points.
    // `exclude` (an index) is skipped: a point is not its own neighbour.
    std::vector<std::uint32_t> nearest(const XY& centre, std::size_t k,
                                       std::int64_t exclude = -1) const;

    std::size_t size() const;

private:
    struct Tree;
    std::unique_ptr<Tree> tree_;
    std::vector<XY> points_;
};

}  // namespace geo
