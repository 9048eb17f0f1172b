#pragma once
// Plain geometry held by the model, in the workspace's projected CRS (metres).
// Kept free of GDAL and Boost so that every part of PatrolMap can include it cheaply.
#include <limits>
#include <vector>

namespace geo {

struct XY {
    double x = 0;  // easting, metres
    double y = 0;  // northing, metres
    friend bool operator==(const XY&, const XY&) = default;
};

using Ring = std::vector<XY>;  // closed: first == last
struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
    friend bool operator==(const Polygon&, const Polygon&) = default;
};
using MultiPolygon = std::vector<Polygon>;
using LineString = std::vector<XY>;
using MultiLineString = std::vector<LineString>;

struct Envelope {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x; }
    void expand(const XY& p) {
        if (p.x < min_x) min_x = p.x;
        if (p.y < min_y) min_y = p.y;
        if (p.x > max_x) max_x = p.x;
        if (p.y > max_y) max_y = p.y;
    }
    void expand(const Envelope& e) {
        if (e.empty()) return;
        expand(XY{e.min_x, e.min_y});
        expand(XY{e.max_x, e.max_y});
    }
    bool contains(const XY& p) const {
        return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
    }
    Envelope grown(double margin_m) const {
        return {min_x - margin_m, min_y - margin_m, max_x + margin_m, max_y + margin_m};
    }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
};

Envelope envelope_of(const MultiPolygon& mp);
Envelope envelope_of(const MultiLineString& ml);

// Distance from p to the segment a-b (to a itself when a == b).
double distance_to_segment_m(const XY& p, const XY& a, const XY& b);

// Area in square metres (holes subtracted), by the shoelace formula.
double area_m2(const MultiPolygon& mp);
// Area-weighted centroid of the outer rings less holes.
XY centroid(const MultiPolygon& mp);

}  // namespace geo
