#pragma once
// GCJ-02 and BD-09: the obfuscated lon/lat of Chinese web maps, and their way back to WGS84.
//
// Points geocoded with Amap (高德), Tencent or Apple Maps in China are in GCJ-02 (国测局坐标,
// "Mars coordinates"); points from Baidu are in BD-09, a second offset on top of GCJ-02. Both are
// shifted from WGS84 by a few hundred metres, non-linearly, and PROJ/EPSG have no definition
// of them: convert to WGS84 here first, then project with PROJ like any other WGS84 point.
//
// All coordinates are in decimal degrees, longitude first.
#include <optional>
#include <string_view>

namespace geo {

struct LonLat {
    double lon;  // degrees east
    double lat;  // degrees north
};

// WGS84 -> GCJ-02, the published obfuscation formula (on the Krasovsky 1940 ellipsoid).
// Identity outside China's rough bounding box (the box eviltransform uses), as the web maps do.
LonLat wgs84_to_gcj02(LonLat wgs);

// GCJ-02 -> WGS84, the inverse of wgs84_to_gcj02 solved by fixed-point iteration to better than
// 1e-9 degrees (0.1 mm). The one-step inverse many libraries publish (wgs = 2 gcj - forward(gcj))
// is off by centimetres around Beijing and up to ~4 m in the north-east.
LonLat gcj02_to_wgs84(LonLat gcj);

// GCJ-02 <-> BD-09, Baidu's published pair. They are not exact inverses of each other: a round
// trip moves a point by up to ~2e-6 degrees (~0.2 m).
LonLat gcj02_to_bd09(LonLat gcj);
LonLat bd09_to_gcj02(LonLat bd);

// BD-09 -> GCJ-02 -> WGS84.
LonLat bd09_to_wgs84(LonLat bd);

// Which obfuscated datum a source's lon/lat are in; `none` means plain WGS84.
enum class ChineseDatum { none, gcj02, bd09 };

// "gcj02", "bd09", "wgs84" or "none" (ASCII case-insensitive; "gcj-02" and "bd-09" accepted too);
// nullopt for anything else.
std::optional<ChineseDatum> parse_chinese_datum(std::string_view name);

// Undoes `datum`'s offset; `none` returns the point unchanged.
LonLat to_wgs84(LonLat point, ChineseDatum datum);

}  // namespace geo
