// CRS helpers: the known-point transform, the metric CRS chosen for a place, areas of use.
#include <cmath>

#include <doctest/doctest.h>

#include "geo/crs/crs.h"
#include "geo/util/error.h"

using namespace geo;

namespace {

// Meridian arc length from the equator to latitude phi on an ellipsoid (a, 1/f), by
// Simpson's rule on M(phi) = ∫ a(1-e²)/(1-e² sin²φ)^(3/2) dφ: an answer that owes nothing
// to PROJ. On the central meridian a Gauss-Krüger/Transverse Mercator northing (scale 1,
// no false northing) equals this arc length.
double meridian_arc_m(double a, double inverse_flattening, double phi_deg) {
    const double f = 1 / inverse_flattening;
    const double e2 = f * (2 - f);
    const double phi = phi_deg * M_PI / 180;
    const int n = 20000;
    auto g = [&](double p) { return a * (1 - e2) / std::pow(1 - e2 * std::sin(p) * std::sin(p), 1.5); };
    double sum = g(0) + g(phi);
    for (int i = 1; i < n; ++i) sum += g(phi * i / n) * (i % 2 ? 4 : 2);
    return sum * phi / n / 3;
}

}  // namespace

TEST_CASE("a known point on the central meridian of EPSG:4549 lands within 1 cm") {
    // CGCS2000 ellipsoid: a = 6378137 m, 1/f = 298.257222101 (GB/T 18522 / EPSG:1024).
    const Transform t(make_srs("EPSG:4490"), make_srs("EPSG:4549"));
    const auto p = t.apply(XY{120.0, 28.9});
    REQUIRE(p);
    CHECK(std::abs(p->x - 500000.0) < 0.01);
    CHECK(std::abs(p->y - meridian_arc_m(6378137.0, 298.257222101, 28.9)) < 0.01);
    // And back.
    const Transform back(make_srs("EPSG:4549"), make_srs("EPSG:4490"));
    const auto q = back.apply(*p);
    REQUIRE(q);
    CHECK(std::abs(q->x - 120.0) < 1e-9);
    CHECK(std::abs(q->y - 28.9) < 1e-9);
}

TEST_CASE("UTM: the equator on a zone's central meridian is (500000, 0)") {
    const Transform t(wgs84(), make_srs("EPSG:32610"));  // zone 10N, central meridian 123°W
    const auto p = t.apply(XY{-123.0, 0.0});
    REQUIRE(p);
    CHECK(std::abs(p->x - 500000.0) < 0.01);
    CHECK(std::abs(p->y) < 0.01);
}

TEST_CASE("lon/lat input is read in lon, lat order (traditional GIS order)") {
    const Transform t(make_srs("EPSG:4326"), make_srs("EPSG:4549"));
    const auto p = t.apply(XY{120.03, 28.90});  // Yongkang
    REQUIRE(p);
    // Swapped axes would put the point thousands of kilometres away.
    CHECK(std::abs(p->x - 502926) < 1);
    CHECK(std::abs(p->y - 3198186) < 1);
}

TEST_CASE("the metric CRS for a place: 3-degree Gauss-Krueger in China, UTM elsewhere") {
    CHECK(metric_crs_for(120.03, 28.90) == "EPSG:4549");  // Yongkang, CM 120°E
    CHECK(metric_crs_for(121.47, 31.23) == "EPSG:4549");  // Shanghai rounds to CM 120°E
    CHECK(metric_crs_for(116.40, 39.90) == "EPSG:4548");  // Beijing, CM 117°E
    CHECK(metric_crs_for(87.6, 43.8) == "EPSG:4538");     // Ürümqi, CM 87°E
    CHECK(metric_crs_for(-122.68, 45.52) == "EPSG:32610");  // Portland
    CHECK(metric_crs_for(7.42, 43.74) == "EPSG:32632");   // Monaco
    CHECK(metric_crs_for(151.2, -33.9) == "EPSG:32756");  // Sydney
}

TEST_CASE("areas of use and metric checks") {
    const auto area = area_of_use(make_srs("EPSG:2913"));  // Oregon North, feet
    REQUIRE(area);
    CHECK(area->contains(-122.68, 45.52));
    CHECK_FALSE(area->contains(120.0, 28.9));
    CHECK(is_metric_projected(make_srs("EPSG:4549")));
    CHECK_FALSE(is_metric_projected(make_srs("EPSG:2913")));  // feet
    CHECK_FALSE(is_metric_projected(make_srs("EPSG:4326")));
    CHECK(srs_to_text(make_srs("EPSG:4549")) == "EPSG:4549");
    CHECK_THROWS_AS(make_srs("EPSG:0"), BadInput);
}
