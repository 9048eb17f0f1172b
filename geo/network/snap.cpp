#include "geo/network/snap.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

namespace geo {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BSegment = bg::model::segment<BPoint>;
struct SegmentRef {
    int edge;
    int segment;   // segment i joins line[i] and line[i + 1]
    double start_offset_m;
};
using Value = std::pair<BSegment, SegmentRef>;

// How many nearest segments (by the R-tree's distance) are checked exactly.
constexpr unsigned candidates_checked = 8;

// `p` projected orthogonally onto an indexed segment (its nearest point), with the offset along
// the segment's edge and the distance from `p`.
SnappedPoint project(const Value& value, const XY& p) {
    const auto& [segment, ref] = value;
    const XY a{bg::get<0, 0>(segment), bg::get<0, 1>(segment)};
    const XY b{bg::get<1, 0>(segment), bg::get<1, 1>(segment)};
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
    const XY on{a.x + t * dx, a.y + t * dy};
    return {ref.edge, ref.start_offset_m + t * std::sqrt(length2), std::hypot(p.x - on.x, p.y - on.y), on};
}

}  // namespace

struct Snapper::Index {
    bgi::rtree<Value, bgi::quadratic<16>> tree;
};

Snapper::Snapper(const RoadGraph& graph, Profile profile) : index_(std::make_unique<Index>()) {
    std::vector<Value> values;
    const auto& edges = graph.edges();
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const int edge = static_cast<int>(e);
        if (!std::isfinite(graph.edge_time_s(edge, profile, true)) && !std::isfinite(graph.edge_time_s(edge, profile, false)))
            continue;
        const LineString& line = edges[e].line;
        double offset = 0;
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            values.push_back({BSegment{BPoint{line[i].x, line[i].y}, BPoint{line[i + 1].x, line[i + 1].y}},
                              SegmentRef{edge, static_cast<int>(i), offset}});
            offset += std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y);
        }
    }
    index_->tree = bgi::rtree<Value, bgi::quadratic<16>>(values.begin(), values.end());  // packed build
}

Snapper::~Snapper() = default;
Snapper::Snapper(Snapper&&) noexcept = default;
Snapper& Snapper::operator=(Snapper&&) noexcept = default;

SnappedPoint Snapper::snap(const XY& p) const {
    SnappedPoint best;
    double best_distance = std::numeric_limits<double>::infinity();
    std::vector<Value> near;
    index_->tree.query(bgi::nearest(BPoint{p.x, p.y}, candidates_checked), std::back_inserter(near));
    for (const Value& v : near) {
        const SnappedPoint c = project(v, p);
        // Ties (a point at a junction) go to the lowest edge, so results do not depend on the tree.
        if (c.distance_m < best_distance || (c.distance_m == best_distance && c.edge < best.edge)) {
            best_distance = c.distance_m;
            best = c;
        }
    }
    return best;
}

std::vector<SnappedPoint> Snapper::candidates(const XY& p, double radius_m, std::size_t max_count) const {
    std::vector<SnappedPoint> all;  // every segment's projection within the radius
    const bg::model::box<BPoint> box{BPoint{p.x - radius_m, p.y - radius_m}, BPoint{p.x + radius_m, p.y + radius_m}};
    index_->tree.query(bgi::intersects(box), boost::make_function_output_iterator([&](const Value& v) {
        const SnappedPoint c = project(v, p);
        if (c.distance_m <= radius_m) all.push_back(c);
    }));
    std::sort(all.begin(), all.end(), [](const SnappedPoint& a, const SnappedPoint& b) {
        if (a.distance_m != b.distance_m) return a.distance_m < b.distance_m;
        return a.edge != b.edge ? a.edge < b.edge : a.offset_m < b.offset_m;
    });
    // One candidate per stretch of an edge: a winding road (a hairpin) passes the point twice,
    // and both passes are candidates; the neighbouring segments of one pass are not.
    std::vector<SnappedPoint> out;
    for (const SnappedPoint& c : all) {
        const bool near_one_kept = std::any_of(out.begin(), out.end(), [&](const SnappedPoint& k) {
            return k.edge == c.edge && std::abs(k.offset_m - c.offset_m) <= radius_m;
        });
        if (near_one_kept) continue;
        out.push_back(c);
        if (out.size() == max_count) break;
    }
    return out;
}

std::vector<SnappedPoint> Snapper::snap(const std::vector<XY>& points) const {
    std::vector<SnappedPoint> out;
    out.reserve(points.size());
    for (const XY& p : points) out.push_back(snap(p));
    return out;
}

}  // namespace geo
