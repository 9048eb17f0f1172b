#include "geo/crs/chinese_datum.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

using geo::LonLat;

namespace {

// Published values are printed to ~15 significant digits and our formula is the same one: on
// g++ 12 / glibc they agree to the last bit. 1e-9 degrees (0.1 mm) leaves room for another libm's
// last-bit differences and is 1000 times stricter than the 1e-6 degrees eviltransform's own C#
// test allows (csharp/EvilTransformUnitTest.cs), so a dropped or altered term would show.
constexpr double PUBLISHED_TOLERANCE_DEG = 1e-9;
// wgs -> gcj -> wgs must come back within 1e-7 degrees (~1 cm).
constexpr double ROUND_TRIP_TOLERANCE_DEG = 1e-7;

// Great-circle distance on the mean Earth sphere (IUGG R1 = 6371008.8 m), haversine form.
double distance_m(LonLat a, LonLat b) {
    constexpr double EARTH_RADIUS_M = 6371008.8;
    constexpr double DEG = std::numbers::pi / 180.0;
    const double dlat = (b.lat - a.lat) * DEG;
    const double dlon = (b.lon - a.lon) * DEG;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * DEG) * std::cos(b.lat * DEG) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2.0 * EARTH_RADIUS_M * std::asin(std::sqrt(h));
}

void check_near(LonLat got, LonLat expected, double tolerance_deg) {
    CAPTURE(got.lon);
    CAPTURE(got.lat);
    CAPTURE(expected.lon);
    CAPTURE(expected.lat);
    CHECK(std::abs(got.lon - expected.lon) <= tolerance_deg);
    CHECK(std::abs(got.lat - expected.lat) <= tolerance_deg);
}

void check_identical(LonLat got, LonLat expected) {
    CHECK(got.lon == expected.lon);
    CHECK(got.lat == expected.lat);
}

struct KnownPair {
    const char* place;
    LonLat wgs;
    LonLat gcj;
};

// Test vectors of googollee/eviltransform, file go/transform_test.go (the same table is in
// c/test.c, javascript/test.js, php/tests/EvilTransformTest.php and
// csharp/EvilTransformUnitTest.cs). The source lists {wgsLat, wgsLng, gcjLat, gcjLng}; reordered
// here to lon, lat.
const KnownPair EVILTRANSFORM_PAIRS[] = {
    {"Shanghai", {121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},
    {"Shenzhen", {113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},
    {"Beijing", {116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},
};

// Example results of wandergis/coordtransform, file README.md ("//result" block of the NodeJs
// usage), all for the input point (116.404, 39.915) in Beijing.
constexpr LonLat WANDERGIS_INPUT{116.404, 39.915};
constexpr LonLat WANDERGIS_WGS84_TO_GCJ02{116.41024449916938, 39.91640428150164};
constexpr LonLat WANDERGIS_BD09_TO_GCJ02{116.39762729119315, 39.90865673957631};
constexpr LonLat WANDERGIS_GCJ02_TO_BD09{116.41036949371029, 39.92133699351021};
// Its gcj02towgs84 is the crude one-step inverse (wgs = 2 gcj - forward(gcj)).
constexpr LonLat WANDERGIS_GCJ02_TO_WGS84_ONE_STEP{116.39775550083061, 39.91359571849836};

}  // namespace

TEST_CASE("WGS84 to GCJ-02 matches eviltransform's published pairs") {
    for (const KnownPair& pair : EVILTRANSFORM_PAIRS) {
        CAPTURE(pair.place);
        check_near(geo::wgs84_to_gcj02(pair.wgs), pair.gcj, PUBLISHED_TOLERANCE_DEG);
    }
}

TEST_CASE("WGS84 to GCJ-02 matches coordtransform's published example") {
    check_near(geo::wgs84_to_gcj02(WANDERGIS_INPUT), WANDERGIS_WGS84_TO_GCJ02, PUBLISHED_TOLERANCE_DEG);
}

TEST_CASE("GCJ-02 to WGS84 recovers eviltransform's published WGS84 points") {
    // The published WGS84 points are given to 7 decimals, their GCJ-02 images to ~15 digits, so
    // the exact inverse must land on the 7-decimal input within the round-trip tolerance.
    for (const KnownPair& pair : EVILTRANSFORM_PAIRS) {
        CAPTURE(pair.place);
        check_near(geo::gcj02_to_wgs84(pair.gcj), pair.wgs, ROUND_TRIP_TOLERANCE_DEG);
    }
}

TEST_CASE("GCJ-02 to WGS84 is exact where the one-step inverse is not") {
    // coordtransform's one-step inverse of (116.404, 39.915), pushed forward again, misses the
    // GCJ-02 point it started from by ~6 cm (up to ~4 m in the north-east of the box); ours comes
    // back within 1e-9 degrees (0.1 mm).
    const LonLat exact = geo::gcj02_to_wgs84(WANDERGIS_INPUT);
    check_near(geo::wgs84_to_gcj02(exact), WANDERGIS_INPUT, 1e-9);

    const LonLat one_step_forward = geo::wgs84_to_gcj02(WANDERGIS_GCJ02_TO_WGS84_ONE_STEP);
    CHECK(distance_m(one_step_forward, WANDERGIS_INPUT) > 0.01);
    // ... but the two inverses agree to within a few metres, as eviltransform documents (< 5 m).
    CHECK(distance_m(exact, WANDERGIS_GCJ02_TO_WGS84_ONE_STEP) < 5.0);
}

TEST_CASE("GCJ-02 and BD-09 match coordtransform's published example") {
    check_near(geo::bd09_to_gcj02(WANDERGIS_INPUT), WANDERGIS_BD09_TO_GCJ02, PUBLISHED_TOLERANCE_DEG);
    check_near(geo::gcj02_to_bd09(WANDERGIS_INPUT), WANDERGIS_GCJ02_TO_BD09, PUBLISHED_TOLERANCE_DEG);
}

TEST_CASE("WGS84 to GCJ-02 to WGS84 round trip stays within 1 cm across China") {
    // A 0.5-degree grid over the mainland and Hainan: 2 600+ points.
    double worst_deg = 0.0;
    for (double lat = 18.0; lat <= 53.5; lat += 0.5) {
        for (double lon = 73.75; lon <= 135.0; lon += 0.5) {
            const LonLat wgs{lon, lat};
            const LonLat back = geo::gcj02_to_wgs84(geo::wgs84_to_gcj02(wgs));
            worst_deg = std::max({worst_deg, std::abs(back.lon - lon), std::abs(back.lat - lat)});
        }
    }
    CHECK(worst_deg <= ROUND_TRIP_TOLERANCE_DEG);
    // In fact the iteration converges to about machine precision.
    CHECK(worst_deg <= 1e-9);
}

TEST_CASE("BD-09 round trip through GCJ-02 stays within 0.2 m") {
    // Baidu's published pair is not an exact inverse; over China it is good to ~1.7e-6 degrees.
    for (const KnownPair& pair : EVILTRANSFORM_PAIRS) {
        CAPTURE(pair.place);
        check_near(geo::bd09_to_gcj02(geo::gcj02_to_bd09(pair.gcj)), pair.gcj, 2e-6);
    }
}

TEST_CASE("BD-09 to WGS84 goes through GCJ-02") {
    const LonLat wgs = geo::bd09_to_wgs84(WANDERGIS_INPUT);
    check_identical(wgs, geo::gcj02_to_wgs84(geo::bd09_to_gcj02(WANDERGIS_INPUT)));
    // Forward again from WGS84 lands on coordtransform's published GCJ-02 point.
    check_near(geo::wgs84_to_gcj02(wgs), WANDERGIS_BD09_TO_GCJ02, PUBLISHED_TOLERANCE_DEG);
    // And WGS84 -> GCJ-02 -> BD-09 comes back to the Baidu point within Baidu's own round-trip error.
    check_near(geo::gcj02_to_bd09(geo::wgs84_to_gcj02(wgs)), WANDERGIS_INPUT, 2e-6);
}

TEST_CASE("GCJ-02 is the identity outside China") {
    const LonLat outside[] = {
        {-0.1276, 51.5072},   // London
        {-74.0060, 40.7128},  // New York
        {139.6917, 35.6895},  // Tokyo: east of the box (137.8347 E)
        {151.2093, -33.8688}, // Sydney
        {100.5018, 0.5},      // south of the box (0.8293 N)
        {90.0, 56.0},         // north of the box (55.8271 N)
        {71.9, 39.0},         // west of the box (72.004 E)
    };
    for (const LonLat& p : outside) {
        CAPTURE(p.lon);
        CAPTURE(p.lat);
        check_identical(geo::wgs84_to_gcj02(p), p);
        check_identical(geo::gcj02_to_wgs84(p), p);
        check_identical(geo::to_wgs84(p, geo::ChineseDatum::gcj02), p);
    }
}

TEST_CASE("GCJ-02 offset near Yongkang is a few hundred metres") {
    // Yongkang, Zhejiang (120.03 E, 28.90 N): the offset is ~555 m, mostly east. (Across the box
    // it ranges from a few tens of metres in the far west to ~700 m.)
    const LonLat wgs{120.03, 28.90};
    const LonLat gcj = geo::wgs84_to_gcj02(wgs);
    const double offset_m = distance_m(wgs, gcj);
    CAPTURE(offset_m);
    CHECK(offset_m > 300.0);
    CHECK(offset_m < 700.0);
    CHECK(gcj.lon > wgs.lon);
    // Baidu adds a few hundred metres more (~1.1 km from WGS84 in all).
    const double bd_offset_m = distance_m(wgs, geo::gcj02_to_bd09(gcj));
    CAPTURE(bd_offset_m);
    CHECK(bd_offset_m > offset_m);
    CHECK(bd_offset_m < 2000.0);
    // And the inverse puts it back within 1 cm.
    CHECK(distance_m(geo::gcj02_to_wgs84(gcj), wgs) < 0.01);
}

TEST_CASE("Chinese datum names parse case-insensitively") {
    CHECK(geo::parse_chinese_datum("gcj02") == geo::ChineseDatum::gcj02);
    CHECK(geo::parse_chinese_datum("GCJ02") == geo::ChineseDatum::gcj02);
    CHECK(geo::parse_chinese_datum("GCJ-02") == geo::ChineseDatum::gcj02);
    CHECK(geo::parse_chinese_datum("bd09") == geo::ChineseDatum::bd09);
    CHECK(geo::parse_chinese_datum("BD-09") == geo::ChineseDatum::bd09);
    CHECK(geo::parse_chinese_datum("wgs84") == geo::ChineseDatum::none);
    CHECK(geo::parse_chinese_datum("WGS84") == geo::ChineseDatum::none);
    CHECK(geo::parse_chinese_datum("none") == geo::ChineseDatum::none);
    CHECK_FALSE(geo::parse_chinese_datum("").has_value());
    CHECK_FALSE(geo::parse_chinese_datum("gcj").has_value());
    CHECK_FALSE(geo::parse_chinese_datum("bd09 ").has_value());
    CHECK_FALSE(geo::parse_chinese_datum("EPSG:4326").has_value());
    CHECK_FALSE(geo::parse_chinese_datum("bd09ll").has_value());
}

TEST_CASE("to_wgs84 dispatches on the datum") {
    const LonLat p{120.03, 28.90};
    check_identical(geo::to_wgs84(p, geo::ChineseDatum::none), p);
    check_identical(geo::to_wgs84(p, geo::ChineseDatum::gcj02), geo::gcj02_to_wgs84(p));
    check_identical(geo::to_wgs84(p, geo::ChineseDatum::bd09), geo::bd09_to_wgs84(p));
}
