#include "geo/crs/chinese_datum.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <string>

namespace geo {
namespace {

// The GCJ-02 formula below is the one leaked and published as "ChinaMapShift" and carried, with
// the same constants, by googollee/eviltransform (c/transform.c, MIT licence) and
// wandergis/coordtransform (index.js). It is not a datum shift but an obfuscation: a polynomial
// plus sine terms in (lon - 105, lat - 35) that yields an offset in metres, turned into degrees on
// the Krasovsky 1940 ellipsoid.

constexpr double PI = std::numbers::pi;

// Krasovsky 1940 ellipsoid: semi-major axis in metres, first eccentricity squared.
constexpr double KRASOVSKY_A_M = 6378245.0;
constexpr double KRASOVSKY_EE = 0.00669342162296594323;

// Rough bounding box of China used by eviltransform's outOfChina(): outside it the web maps apply
// no offset, so neither do we. It includes some neighbours (Mongolia, parts of Korea, Vietnam).
constexpr double CHINA_MIN_LON_DEG = 72.004;
constexpr double CHINA_MAX_LON_DEG = 137.8347;
constexpr double CHINA_MIN_LAT_DEG = 0.8293;
constexpr double CHINA_MAX_LAT_DEG = 55.8271;

// BD-09: Baidu's second obfuscation on top of GCJ-02, with x_pi = pi * 3000 / 180 as published
// (wandergis/coordtransform, bd09togcj02 / gcj02tobd09).
constexpr double BD_X_PI = PI * 3000.0 / 180.0;
constexpr double BD_LON_SHIFT_DEG = 0.0065;
constexpr double BD_LAT_SHIFT_DEG = 0.006;

// Stop the GCJ-02 inverse iteration when a step moves the estimate by less than this (degrees);
// far below the promised 1e-9. Each step shrinks the error ~100-fold: 4 to 7 steps anywhere in
// the box.
constexpr double GCJ_INVERSE_STEP_DEG = 1e-13;
constexpr int GCJ_INVERSE_MAX_STEPS = 50;

bool out_of_china(LonLat p) {
    return p.lon < CHINA_MIN_LON_DEG || p.lon > CHINA_MAX_LON_DEG || p.lat < CHINA_MIN_LAT_DEG ||
           p.lat > CHINA_MAX_LAT_DEG;
}

// The obfuscation's north offset in metres, x = lon - 105, y = lat - 35 (degrees).
double offset_north_m(double x, double y) {
    double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    ret += (20.0 * std::sin(6.0 * x * PI) + 20.0 * std::sin(2.0 * x * PI)) * 2.0 / 3.0;
    ret += (20.0 * std::sin(y * PI) + 40.0 * std::sin(y / 3.0 * PI)) * 2.0 / 3.0;
    ret += (160.0 * std::sin(y / 12.0 * PI) + 320.0 * std::sin(y * PI / 30.0)) * 2.0 / 3.0;
    return ret;
}

// The obfuscation's east offset in metres, same arguments.
double offset_east_m(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    ret += (20.0 * std::sin(6.0 * x * PI) + 20.0 * std::sin(2.0 * x * PI)) * 2.0 / 3.0;
    ret += (20.0 * std::sin(x * PI) + 40.0 * std::sin(x / 3.0 * PI)) * 2.0 / 3.0;
    ret += (150.0 * std::sin(x / 12.0 * PI) + 300.0 * std::sin(x / 30.0 * PI)) * 2.0 / 3.0;
    return ret;
}

// GCJ-02 minus WGS84 at WGS84 point `p`, in degrees: the metric offsets divided by the radii of
// curvature of the Krasovsky ellipsoid (meridian M = a(1-e²)/W³, prime vertical N = a/W, with
// W = sqrt(1 - e² sin² lat)), then converted from radians.
LonLat gcj_offset_deg(LonLat p) {
    const double north_m = offset_north_m(p.lon - 105.0, p.lat - 35.0);
    const double east_m = offset_east_m(p.lon - 105.0, p.lat - 35.0);
    const double lat_rad = p.lat / 180.0 * PI;
    const double sin_lat = std::sin(lat_rad);
    const double w2 = 1.0 - KRASOVSKY_EE * sin_lat * sin_lat;
    const double w = std::sqrt(w2);
    const double meridian_radius_m = KRASOVSKY_A_M * (1.0 - KRASOVSKY_EE) / (w2 * w);
    const double parallel_radius_m = KRASOVSKY_A_M / w * std::cos(lat_rad);
    return LonLat{east_m * 180.0 / (parallel_radius_m * PI), north_m * 180.0 / (meridian_radius_m * PI)};
}

}  // namespace

LonLat wgs84_to_gcj02(LonLat wgs) {
    if (out_of_china(wgs)) return wgs;
    const LonLat d = gcj_offset_deg(wgs);
    return LonLat{wgs.lon + d.lon, wgs.lat + d.lat};
}

LonLat gcj02_to_wgs84(LonLat gcj) {
    if (out_of_china(gcj)) return gcj;
    // Solve wgs + offset(wgs) = gcj by fixed-point iteration wgs <- gcj - offset(wgs). The offset
    // changes by well under 1 % of a step between nearby points (its steepest term, the
    // sin(6 pi x) one, varies ~250 m per degree), so this contracts ~100-fold per step; the first
    // step is the crude one-step inverse (~1 m off), the next ones refine it to double precision.
    LonLat wgs = gcj;
    for (int step = 0; step < GCJ_INVERSE_MAX_STEPS; ++step) {
        const LonLat d = gcj_offset_deg(wgs);
        const LonLat next{gcj.lon - d.lon, gcj.lat - d.lat};
        const double moved_deg = std::max(std::abs(next.lon - wgs.lon), std::abs(next.lat - wgs.lat));
        wgs = next;
        if (moved_deg < GCJ_INVERSE_STEP_DEG) break;
    }
    return wgs;
}

LonLat gcj02_to_bd09(LonLat gcj) {
    const double x = gcj.lon;
    const double y = gcj.lat;
    const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * BD_X_PI);
    const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * BD_X_PI);
    return LonLat{z * std::cos(theta) + BD_LON_SHIFT_DEG, z * std::sin(theta) + BD_LAT_SHIFT_DEG};
}

LonLat bd09_to_gcj02(LonLat bd) {
    const double x = bd.lon - BD_LON_SHIFT_DEG;
    const double y = bd.lat - BD_LAT_SHIFT_DEG;
    const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * BD_X_PI);
    const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * BD_X_PI);
    return LonLat{z * std::cos(theta), z * std::sin(theta)};
}

LonLat bd09_to_wgs84(LonLat bd) {
    return gcj02_to_wgs84(bd09_to_gcj02(bd));
}

std::optional<ChineseDatum> parse_chinese_datum(std::string_view name) {
    std::string lower;
    lower.reserve(name.size());
    for (const char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower == "gcj02" || lower == "gcj-02") return ChineseDatum::gcj02;
    if (lower == "bd09" || lower == "bd-09") return ChineseDatum::bd09;
    if (lower == "wgs84" || lower == "none") return ChineseDatum::none;
    return std::nullopt;
}

LonLat to_wgs84(LonLat point, ChineseDatum datum) {
    switch (datum) {
        case ChineseDatum::none: return point;
        case ChineseDatum::gcj02: return gcj02_to_wgs84(point);
        case ChineseDatum::bd09: return bd09_to_wgs84(point);
    }
    return point;
}

}  // namespace geo
