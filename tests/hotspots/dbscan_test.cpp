// DBSCAN on a constructed set: core, border and noise points, cluster ids in a fixed order, and
// what each cluster reports (hull, counts, losses, dominant type and age band).
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "geo/hotspots/cluster_hull.h"
#include "geo/hotspots/dbscan.h"
#include "geo/hotspots/incident_clusters.h"
#include "geo/util/error.h"

namespace {

//   y
//   5 |          d                                          (n at 50,50: noise)
//   0 | a    b    c       e          ...          f   g
//     +-------------------------------------------------- x
//       0    5    10      18                     100 104    h at (100, 4)
//
// eps = 10 m, min_points = 3 (the point itself counts):
//   a: a b c(10) d(7.1)      -> 4, core      e: c(8) e    -> 2, border of c's cluster
//   b: a b c d               -> 4, core      n: alone     -> noise
//   c: a(10) b c d(7.1) e(8) -> 5, core      f, g, h: each within 5.7 m of the others -> core
//   d: a b c                 -> 4, core
const std::vector<geo::XY> POINTS = {{0, 0}, {5, 0}, {10, 0}, {5, 5}, {18, 0}, {50, 50}, {100, 0}, {104, 0}, {100, 4}};

}  // namespace

TEST_CASE("DBSCAN finds core, border and noise points on a constructed set") {
    const geo::DbscanLabels r = geo::dbscan(POINTS, {10, 3});
    CHECK(r.clusters == 2);
    CHECK(r.cluster == std::vector<std::int32_t>{0, 0, 0, 0, 0, -1, 1, 1, 1});
    using R = geo::DbscanRole;
    CHECK(r.role == std::vector<R>{R::core, R::core, R::core, R::core, R::border, R::noise, R::core, R::core, R::core});
}

TEST_CASE("DBSCAN counts a point exactly eps away as a neighbour") {
    // Two points 10 m apart, min 2: one cluster at eps = 10, two noise points just below it.
    const geo::DbscanLabels at_eps = geo::dbscan({{0, 0}, {10, 0}}, {10, 2});
    CHECK(at_eps.cluster == std::vector<std::int32_t>{0, 0});
    const geo::DbscanLabels under = geo::dbscan({{0, 0}, {10, 0}}, {9.999, 2});
    CHECK(under.cluster == std::vector<std::int32_t>{-1, -1});
}

TEST_CASE("DBSCAN gives a border point between two clusters to the one grown first") {
    //   p0 p1 p2    p3         x         p4    p5 p6 p7
    //   0  1  2     5          10        15    18 19 20
    // eps = 5, min_points = 4: x sees only p3, p4 and itself (3), so it is a border point of
    // both clusters' reach; cluster 0 (grown from p0) takes it.
    const std::vector<geo::XY> pts = {{0, 0},  {1, 0},  {2, 0},  {5, 0}, {15, 0},
                                      {18, 0}, {19, 0}, {20, 0}, {10, 0}};
    const geo::DbscanLabels r = geo::dbscan(pts, {5, 4});
    CHECK(r.cluster == std::vector<std::int32_t>{0, 0, 0, 0, 1, 1, 1, 1, 0});
    CHECK(r.role[8] == geo::DbscanRole::border);
    CHECK(r.role[3] == geo::DbscanRole::core);
    CHECK(r.role[4] == geo::DbscanRole::core);
}

TEST_CASE("DBSCAN refuses a non-positive eps and min_points = 0") {
    CHECK_THROWS_AS(geo::dbscan(POINTS, {0, 3}), geo::BadInput);
    CHECK_THROWS_AS(geo::dbscan(POINTS, {10, 0}), geo::BadInput);
}

TEST_CASE("clusters report hull, counts, losses and the dominant fraud type and age band") {
    geo::District d;
    using T = geo::FraudType;
    using A = geo::AgeBand;
    const T types[] = {T::investment, T::investment, T::loan, T::loan, T::romance, T::other, T::loan, T::loan, T::other};
    const A bands[] = {A::age_60_plus, A::unknown, A::unknown, A::age_25_44, A::age_60_plus,
                       A::under_25,    A::unknown, A::unknown, A::unknown};
    for (std::size_t i = 0; i < POINTS.size(); ++i) {
        geo::Incident incident;
        incident.location = POINTS[i];
        incident.fraud_type = types[i];
        incident.victim_age_band = bands[i];
        incident.loss_yuan = 1000.0 * static_cast<double>(i + 1);
        incident.time = geo::Timestamp{std::chrono::seconds{1'600'000'000 + static_cast<long>(i) * 3600}};
        d.incidents.push_back(incident);
    }
    const std::vector<std::uint32_t> all = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    const geo::ClusterAnalysis r = geo::cluster_incidents(d, all, {10, 3});
    REQUIRE(r.clusters.size() == 2);
    CHECK(r.noise == 1);
    const geo::IncidentCluster& c0 = r.clusters[0];
    CHECK(c0.incidents == 5);
    CHECK(c0.core_points == 4);
    CHECK(c0.loss_yuan == doctest::Approx(1000 + 2000 + 3000 + 4000 + 5000));
    // investment and loan tie at 2: the vocabulary's first wins.
    CHECK(c0.dominant_fraud_type == T::investment);
    CHECK(c0.dominant_fraud_type_incidents == 2);
    CHECK(c0.dominant_age_band == A::age_60_plus);
    CHECK(c0.dominant_age_band_incidents == 2);
    CHECK(c0.first == d.incidents[0].time);
    CHECK(c0.last == d.incidents[4].time);
    // Hull: the triangle (0,0), (18,0), (5,5); b and c lie on its base. Area ½·18·5 = 45 m².
    CHECK(c0.area_m2 == doctest::Approx(45));
    const geo::IncidentCluster& c1 = r.clusters[1];
    CHECK(c1.incidents == 3);
    CHECK(c1.dominant_fraud_type == T::loan);
    // Every case's band unknown: the dominant band is unknown.
    CHECK(c1.dominant_age_band == A::unknown);
    CHECK(c1.dominant_age_band_incidents == 3);
    CHECK(c1.area_m2 == doctest::Approx(8));  // ½·4·4
}

TEST_CASE("hulls of one or two points, or of points on a line, are buffered") {
    // One point: a regular 32-gon of radius r, area ½·32·r²·sin(2π/32).
    const double r = 5;
    const double disc = 0.5 * geo::HULL_CIRCLE_VERTICES * r * r * std::sin(2 * std::numbers::pi / geo::HULL_CIRCLE_VERTICES);
    CHECK(geo::area_m2(geo::cluster_hull({{3, 4}}, r)) == doctest::Approx(disc).epsilon(1e-9));
    // Two points 20 m apart: the 32-gon plus a 20 m × (its width across, 2r) band between them.
    const double capsule = geo::area_m2(geo::cluster_hull({{0, 0}, {20, 0}}, r));
    CHECK(capsule == doctest::Approx(disc + 20 * 2 * r).epsilon(1e-9));
    // Three on a line: the same capsule.
    CHECK(geo::area_m2(geo::cluster_hull({{0, 0}, {10, 0}, {20, 0}}, r)) == doctest::Approx(capsule).epsilon(1e-9));
    CHECK(geo::cluster_hull({}, r).empty());
}

TEST_CASE("the generalised hull outlines the points' grid cells, its corners on the grid") {
    // Two cases in cells (0,0) and (2,1) of a 100 m grid: the hull of those two cells' corners.
    const geo::MultiPolygon h = geo::generalised_hull({{30, 40}, {250.5, 170}}, 100);
    REQUIRE(h.size() == 1);
    for (const geo::XY& v : h[0].outer) {
        CHECK(std::fmod(v.x, 100) == 0);
        CHECK(std::fmod(v.y, 100) == 0);
    }
    // The cells' union is 2 squares; the hull adds the triangles between them: 300·200 − 2·(200·100/2).
    CHECK(geo::area_m2(h) == doctest::Approx(300 * 200 - 200 * 100));
    // One case: its cell.
    CHECK(geo::area_m2(geo::generalised_hull({{-5, 7}}, 100)) == doctest::Approx(100 * 100));
    CHECK(geo::generalised_hull({}, 100).empty());
}
