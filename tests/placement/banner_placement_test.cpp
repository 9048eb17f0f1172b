// Banner placement on hand-made districts: candidates, hanging banners, spacing, half-life,
// and walking reach against straight-line reach across a river.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>

#include "geo/network/road_graph.h"
#include "geo/placement/banner_placement.h"
#include "geo/placement/candidate_sites.h"
#include "geo/placement/incident_weights.h"
#include "geo/placement/network_reach.h"
#include "geo/placement/radius_reach.h"

#include "tests/placement/hand_made.h"

namespace {

using test::date_of;
using test::incident;
using test::road;

using namespace std::chrono;

// Two crossroads 2 km apart, three cases at the west one and two at the east one:
//
//        |                 |
//   -----W-----       -----E-----      W = (0, 0), E = (2000, 0)
//        | ooo             | oo        cases within 50 m of each
geo::District two_crossroads() {
    geo::District d;
    d.metadata.crs = "EPSG:4549";
    d.roads = test::two_crossroads_roads();
    d.incidents = {incident("W1", 20, 20, 10), incident("W2", -30, 10, 11), incident("W3", 10, -40, 12),
                   incident("E1", 2020, 10, 300), incident("E2", 1990, -20, 301)};
    return d;
}

geo::Poster banner_at(double x, double y, std::optional<geo::Timestamp> removed = std::nullopt) {
    geo::Poster p;
    p.id = "B1";
    p.kind = geo::PosterKind::banner;
    p.location = {x, y};
    p.installed = date_of(0);
    p.removed = removed;
    return p;
}

}  // namespace

TEST_CASE("Intersections are nodes where three or more roads meet at a shared vertex") {
    const auto graph = geo::build_road_graph(two_crossroads().roads);
    const auto sites = geo::intersection_sites(graph);
    REQUIRE(sites.size() == 2);
    CHECK(sites[0].location == geo::XY{0, 0});
    CHECK(sites[1].location == geo::XY{2000, 0});
}

TEST_CASE("Gates are where a road crosses a neighbourhood boundary") {
    // A square neighbourhood around W; the two roads cross its edges four times:
    //   +---|---+
    //   |   |   |
    //   ----W----   (the square is 200 m wide, roads run 1 km)
    //   |   |   |
    //   +---|---+
    geo::District d = two_crossroads();
    geo::Neighbourhood n;
    n.id = "N1";
    n.area = {geo::Polygon{{{-100, -100}, {100, -100}, {100, 100}, {-100, 100}, {-100, -100}}, {}}};
    d.neighbourhoods = {n};
    const auto gates = geo::gate_sites(d, geo::build_road_graph(d.roads));
    REQUIRE(gates.size() == 4);
    for (const auto& g : gates) CHECK(std::max(std::abs(g.location.x), std::abs(g.location.y)) == doctest::Approx(100));
}

TEST_CASE("The crossroads with more cases wins; every incident covered is listed") {
    const geo::District d = two_crossroads();
    geo::BannerOptions o;
    o.count = 1;
    o.radius_m = 100;
    const auto p = geo::place_banners(d, o);
    REQUIRE(p.suggested.size() == 1);
    CHECK(p.suggested[0].site.location == geo::XY{0, 0});
    CHECK(p.suggested[0].incidents == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(p.solution.covered_weight == 3);
    CHECK(p.solution.total_weight == 5);
    CHECK(p.solution.upper_bound >= 3);
}

TEST_CASE("A banner still hanging counts as placed: the next one goes elsewhere") {
    geo::District d = two_crossroads();
    d.posters = {banner_at(10, 10)};
    geo::BannerOptions o;
    o.count = 1;
    o.radius_m = 100;
    const auto p = geo::place_banners(d, o);
    REQUIRE(p.hanging.size() == 1);
    CHECK(p.hanging[0].incidents.size() == 3);
    REQUIRE(p.suggested.size() == 1);
    CHECK(p.suggested[0].site.location == geo::XY{2000, 0});
    CHECK(p.solution.covered_weight == 5);

    // Taken down before the latest case: it no longer counts.
    d.posters = {banner_at(10, 10, date_of(100))};
    const auto gone = geo::place_banners(d, o);
    CHECK(gone.hanging.empty());
    CHECK(gone.suggested[0].site.location == geo::XY{0, 0});
}

TEST_CASE("Minimum spacing holds between suggestions and from hanging banners") {
    geo::District d = two_crossroads();
    geo::BannerOptions o;
    o.count = 2;
    o.radius_m = 100;
    o.min_spacing_m = 2500;  // the crossroads are 2,000 m apart
    const auto p = geo::place_banners(d, o);
    REQUIRE(p.suggested.size() == 1);
    CHECK(p.suggested[0].site.location == geo::XY{0, 0});

    d.posters = {banner_at(-400, 0)};  // hanging 400 m from W, 2,400 m from E
    const auto q = geo::place_banners(d, o);
    CHECK(q.blocked == q.candidates);
    CHECK(q.suggested.empty());
}

TEST_CASE("Half-life: recent cases outweigh older ones") {
    const geo::District d = two_crossroads();  // W's cases in January, E's in late October
    geo::BannerOptions o;
    o.count = 1;
    o.radius_m = 100;
    o.weighting.half_life_days = 30;
    const auto p = geo::place_banners(d, o);
    REQUIRE(p.suggested.size() == 1);
    CHECK(p.suggested[0].site.location == geo::XY{2000, 0});

    // The weights themselves: age 0 weighs 1, one half-life 0.5, two 0.25.
    const geo::Incident a = incident("a", 0, 0, 60), b = incident("b", 0, 0, 30), c = incident("c", 0, 0, 0);
    const auto w = geo::weigh_incidents({&a, &b, &c}, {geo::IncidentWeighting::Base::none, "", 30}, date_of(60));
    CHECK(w.weights[0] == doctest::Approx(1.0));
    CHECK(w.weights[1] == doctest::Approx(0.5));
    CHECK(w.weights[2] == doctest::Approx(0.25));
}

TEST_CASE("Weight by loss or by a field of the user's") {
    geo::Incident a = incident("a", 0, 0, 0, 800), b = incident("b", 0, 0, 0, 200);
    a.extras["victims"] = std::int64_t{3};
    const auto loss = geo::weigh_incidents({&a, &b}, {geo::IncidentWeighting::Base::loss, "", 0}, date_of(0));
    CHECK(loss.weights == std::vector<double>{800, 200});
    const auto field = geo::weigh_incidents({&a, &b}, {geo::IncidentWeighting::Base::field, "victims", 0}, date_of(0));
    CHECK(field.weights == std::vector<double>{3, 0});
    CHECK(field.without_field_value == 1);
}

TEST_CASE("Walking reach: a point across the river is near in a straight line, far by road") {
    // South bank road A-B, north bank road C-D, one bridge at the east end:
    //
    //   C(0,100) ------------------- D(1000,100)
    //   ~~~~~~~~~~~~ river ~~~~~~~~~~~~~~ |  bridge
    //   A(0,0) --------------------- B(1000,0)
    //
    // The site stands at A; the case at C is 100 m away across the water, 2,100 m on foot.
    geo::District d;
    d.roads = {road("south", {{0, 0}, {1000, 0}}), road("bridge", {{1000, 0}, {1000, 100}}),
               road("north", {{1000, 100}, {0, 100}})};
    const auto graph = geo::build_road_graph(d.roads);
    CHECK(geo::walking_distance_m(graph, {0, 0}, {0, 100}) == doctest::Approx(2100));
    // A point 10 m off the road walks those 10 m too.
    CHECK(geo::walking_distance_m(graph, {0, 0}, {300, -10}) == doctest::Approx(310));

    const std::vector<geo::XY> cases = {{0, 100}, {200, 5}};
    const auto straight = geo::points_within(std::vector<geo::XY>{{0, 0}}, cases, 300);
    const auto walking = geo::points_within_walk(graph, {{0, 0}}, cases, 300);
    CHECK(straight[0] == std::vector<std::uint32_t>{0, 1});
    CHECK(walking[0] == std::vector<std::uint32_t>{1});
    // Beyond 2,100 m the far bank is reached too.
    CHECK(geo::points_within_walk(graph, {{0, 0}}, cases, 2200)[0] == std::vector<std::uint32_t>{0, 1});
}
