#include "geo/network/edge_geometry.h"

#include <algorithm>
#include <cmath>

namespace geo {

XY point_at_offset(const LineString& line, double offset_m) {
    if (line.empty()) return {};
    double walked = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const XY& a = line[i - 1];
        const XY& b = line[i];
        const double step = std::hypot(b.x - a.x, b.y - a.y);
        if (walked + step >= offset_m && step > 0) {
            const double t = std::clamp((offset_m - walked) / step, 0.0, 1.0);
            return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        }
        walked += step;
    }
    return offset_m <= 0 ? line.front() : line.back();
}

LineString sub_line(const LineString& line, double from_m, double to_m) {
    const bool reversed = to_m < from_m;
    const double lo = std::min(from_m, to_m), hi = std::max(from_m, to_m);
    LineString out{point_at_offset(line, lo)};
    double walked = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        walked += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
        if (walked > lo && walked < hi) out.push_back(line[i]);
    }
    out.push_back(point_at_offset(line, hi));
    if (reversed) std::reverse(out.begin(), out.end());
    return out;
}

void append_path(LineString& path, const LineString& points) {
    for (const XY& p : points)
        if (path.empty() || !(path.back() == p)) path.push_back(p);
}

}  // namespace geo
