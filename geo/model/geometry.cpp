#include "geo/model/geometry.h"

#include <algorithm>
#include <cmath>

namespace geo {

Envelope envelope_of(const MultiPolygon& mp) {
    Envelope e;
    for (const auto& poly : mp)
        for (const auto& p : poly.outer) e.expand(p);
    return e;
}

Envelope envelope_of(const MultiLineString& ml) {
    Envelope e;
    for (const auto& line : ml)
        for (const auto& p : line) e.expand(p);
    return e;
}

namespace {
// Signed area (counter-clockwise positive) and first moments of a ring.
void ring_moments(const Ring& r, double& a2, double& cx6, double& cy6) {
    a2 = cx6 = cy6 = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        const double cross = r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
        a2 += cross;
        cx6 += (r[i].x + r[i + 1].x) * cross;
        cy6 += (r[i].y + r[i + 1].y) * cross;
    }
}
}  // namespace

double area_m2(const MultiPolygon& mp) {
    double total = 0;
    for (const auto& poly : mp) {
        double a2, cx, cy;
        ring_moments(poly.outer, a2, cx, cy);
        total += std::abs(a2) / 2;
        for (const auto& hole : poly.holes) {
            ring_moments(hole, a2, cx, cy);
            total -= std::abs(a2) / 2;
        }
    }
    return total;
}

XY centroid(const MultiPolygon& mp) {
    double a_sum = 0, x_sum = 0, y_sum = 0;
    auto add = [&](const Ring& r, double sign) {
        double a2, cx6, cy6;
        ring_moments(r, a2, cx6, cy6);
        // Orientation-free: weight each ring by |area| with the requested sign.
        const double s = (a2 >= 0 ? 1.0 : -1.0) * sign;
        a_sum += s * a2 / 2;
        x_sum += s * cx6 / 6;
        y_sum += s * cy6 / 6;
    };
    for (const auto& poly : mp) {
        add(poly.outer, 1);
        for (const auto& hole : poly.holes) add(hole, -1);
    }
    if (a_sum == 0) {
        const Envelope e = envelope_of(mp);
        return {(e.min_x + e.max_x) / 2, (e.min_y + e.max_y) / 2};
    }
    return {x_sum / a_sum, y_sum / a_sum};
}

double distance_to_segment_m(const XY& p, const XY& a, const XY& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

}  // namespace geo
