#include "geo/hotspots/cluster_hull.h"

// See point_in_area.cpp: Boost.Math, included by Boost.Geometry, includes a deprecated header.
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/convex_hull.hpp>
#include <boost/geometry/geometries/multi_point.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace geo {
namespace {

namespace bg = boost::geometry;
using BPoint = bg::model::d2::point_xy<double>;
using BMultiPoint = bg::model::multi_point<BPoint>;
// Counter-clockwise, closed: the orientation GeoJSON (RFC 7946) asks for exterior rings.
using BPolygon = bg::model::polygon<BPoint, false, true>;

BPolygon hull_of(const BMultiPoint& points) {
    BPolygon hull;
    bg::convex_hull(points, hull);
    return hull;
}

}  // namespace

MultiPolygon cluster_hull(const std::vector<XY>& points, double buffer_m) {
    if (points.empty()) return {};
    BMultiPoint input;
    for (const XY& p : points) input.emplace_back(p.x, p.y);
    BPolygon hull = hull_of(input);
    // Relative to the points' spread (squared diagonal of their envelope), below this the hull
    // is a line or a point up to rounding.
    Envelope spread;
    for (const XY& p : points) spread.expand(p);
    const double diagonal_sq = spread.width() * spread.width() + spread.height() * spread.height();
    if (!(std::fabs(bg::area(hull)) > 1e-9 * std::max(diagonal_sq, 1.0))) {
        BMultiPoint discs;
        for (const XY& p : points)
            for (int k = 0; k < HULL_CIRCLE_VERTICES; ++k) {
                const double a = 2 * std::numbers::pi * k / HULL_CIRCLE_VERTICES;
                discs.emplace_back(p.x + buffer_m * std::cos(a), p.y + buffer_m * std::sin(a));
            }
        hull = hull_of(discs);
    }
    Polygon out;
    for (const BPoint& p : hull.outer()) out.outer.push_back({p.x(), p.y()});
    return {out};
}

MultiPolygon generalised_hull(const std::vector<XY>& points, double cell_m) {
    if (points.empty()) return {};
    BMultiPoint corners;
    for (const XY& p : points) {
        const double x0 = std::floor(p.x / cell_m) * cell_m, y0 = std::floor(p.y / cell_m) * cell_m;
        for (const double dx : {0.0, cell_m})
            for (const double dy : {0.0, cell_m}) corners.emplace_back(x0 + dx, y0 + dy);
    }
    const BPolygon hull = hull_of(corners);
    Polygon out;
    for (const BPoint& p : hull.outer()) out.outer.push_back({p.x(), p.y()});
    return {out};
}

}  // namespace geo
