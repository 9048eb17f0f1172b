#include "geo/hotspots/point_index.h"

// Boost 1.74's Boost.Math, which Boost.Geometry includes, includes a header Boost itself has
// deprecated; without this every build prints a "#pragma message" note (see point_in_area.cpp).
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <boost/geometry/algorithms/comparable_distance.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace geo {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BPoint = bg::model::d2::point_xy<double>;
using BBox = bg::model::box<BPoint>;
using Entry = std::pair<BPoint, std::uint32_t>;

double squared(const XY& a, const XY& b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

}  // namespace

struct PointIndex::Tree {
    bgi::rtree<Entry, bgi::rstar<16>> rtree;
};

PointIndex::PointIndex(const std::vector<XY>& points) : tree_(std::make_unique<Tree>()), points_(points) {
    std::vector<Entry> entries;
    entries.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        if (std::isfinite(points[i].x) && std::isfinite(points[i].y))
            entries.emplace_back(BPoint{points[i].x, points[i].y}, static_cast<std::uint32_t>(i));
    // The range constructor bulk-loads (packs) the tree: faster to build and to query.
    tree_->rtree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());
}

PointIndex::~PointIndex() = default;
PointIndex::PointIndex(PointIndex&&) noexcept = default;
PointIndex& PointIndex::operator=(PointIndex&&) noexcept = default;

std::size_t PointIndex::size() const { return tree_->rtree.size(); }

std::vector<std::uint32_t> PointIndex::within(const XY& centre, double radius_m) const {
    std::vector<std::uint32_t> out;
    if (!(radius_m >= 0) || !std::isfinite(centre.x) || !std::isfinite(centre.y)) return out;
    // The box query finds candidates; the exact test on squared distances decides.
    const BBox box{BPoint{centre.x - radius_m, centre.y - radius_m}, BPoint{centre.x + radius_m, centre.y + radius_m}};
    const double r2 = radius_m * radius_m;
    std::vector<Entry> found;
    tree_->rtree.query(bgi::covered_by(box), std::back_inserter(found));
    for (const Entry& e : found)
        if (squared(points_[e.second], centre) <= r2) out.push_back(e.second);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::uint32_t> PointIndex::nearest(const XY& centre, std::size_t k, std::int64_t exclude) const {
    std::vector<std::uint32_t> out;
    if (k == 0 || !std::isfinite(centre.x) || !std::isfinite(centre.y)) return out;
    // The tree's k nearest may cut a tie arbitrarily. Take one more than needed to learn the
    // k-th distance, then every point within it, and cut by (distance, index).
    const std::size_t wanted = k + (exclude >= 0 ? 1 : 0);
    std::vector<Entry> first;
    tree_->rtree.query(bgi::nearest(BPoint{centre.x, centre.y}, static_cast<unsigned>(wanted)),
                       std::back_inserter(first));
    if (first.empty()) return out;
    double kth = 0;
    for (const Entry& e : first) kth = std::max(kth, std::sqrt(squared(points_[e.second], centre)));
    std::vector<std::uint32_t> candidates = within(centre, kth * (1 + 1e-12));
    std::vector<std::pair<double, std::uint32_t>> ranked;
    ranked.reserve(candidates.size());
    for (std::uint32_t i : candidates)
        if (static_cast<std::int64_t>(i) != exclude) ranked.emplace_back(squared(points_[i], centre), i);
    std::sort(ranked.begin(), ranked.end());
    for (std::size_t i = 0; i < ranked.size() && i < k; ++i) out.push_back(ranked[i].second);
    return out;
}

}  // namespace geo
