// Who can get here, what lies within a radius, and where a question starts: on a literal
// district whose times are worked out by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/network/road_graph.h"
#include "geo/response/place.h"
#include "geo/response/reach_table.h"
#include "geo/response/respond.h"
#include "geo/response/within.h"
#include "geo/util/error.h"
#include "tests/network/road_fixtures.h"

using namespace geo;

namespace {

// The block of tests/network/travel_times_test.cpp, with officers at a and at c:
//
//   d (0,1000) ------ e (1000,1000)        a-b 36 km/h, b->c one-way at 36 km/h
//   |                 |                    a-d 18 km/h, d-e, e-b 36 km/h
//   a (0,0) --------- b (1000,0) ---> c (2000,0)
//
// The bank S1 stands 10 m off e-b, 500 m up it; the camera S3 on e-b 560 m up; the school S2 on
// a street of its own far away, joined to nothing.
District block_district() {
    District d;
    d.metadata.crs = "EPSG:4549";
    d.roads = {test::road("ab", RoadClass::local, false, 36, {{0, 0}, {1000, 0}}),
               test::road("bc", RoadClass::local, true, 36, {{1000, 0}, {2000, 0}}),
               test::road("ad", RoadClass::local, false, 18, {{0, 0}, {0, 1000}}),
               test::road("de", RoadClass::local, false, 36, {{0, 1000}, {1000, 1000}}),
               test::road("eb", RoadClass::local, false, 36, {{1000, 1000}, {1000, 0}}),
               test::road("island", RoadClass::local, false, 36, {{5000, 5000}, {5100, 5000}})};
    Site station;
    station.id = "S0";
    station.kind = SiteKind::police_station;
    station.name = "派出所";
    station.location = {0, 0};
    Site bank;
    bank.id = "S1";
    bank.kind = SiteKind::bank;
    bank.name = "银行";
    bank.location = {1010, 500};
    Site school;
    school.id = "S2";
    school.kind = SiteKind::school;
    school.location = {5050, 5000};
    Site camera;
    camera.id = "S3";
    camera.kind = SiteKind::camera;
    camera.location = {1000, 560};
    d.sites = {station, bank, school, camera};
    Officer at_a;
    at_a.id = "P1";
    at_a.name = "甲";
    at_a.post_site_id = "S0";
    Officer at_c;
    at_c.id = "P2";
    at_c.name = "乙";
    at_c.post = XY{2000, 0};
    Officer nowhere;
    nowhere.id = "P3";  // no post at all: left out
    d.officers = {at_c, at_a, nowhere};
    Incident i;
    i.id = "I1";
    i.location = {1005, 450};
    d.incidents = {i};
    return d;
}

}  // namespace

TEST_CASE("Officers are ranked by driving time to the bank; the one behind a one-way street cannot come") {
    const District d = block_district();
    const RoadGraph g = build_road_graph(d.roads);
    const auto ranked = rank_responders(d, g, Profile::driving, d.sites[1].location);
    REQUIRE(ranked.size() == 2);
    CHECK(ranked[0].officer_id == "P1");
    CHECK(ranked[0].reachable);
    // a-b 100 s, then 500 m up b-e at 10 m/s: 50 s; plus 10 m on foot from the road at 5 km/h.
    CHECK(ranked[0].road_m == doctest::Approx(1500));
    CHECK(ranked[0].off_road_m == doctest::Approx(10));
    CHECK(ranked[0].time_s == doctest::Approx(150 + 10 / (5 / 3.6)));
    CHECK(ranked[0].start_label == "派出所");
    CHECK(ranked[0].route.front() == XY{0, 0});
    CHECK(ranked[0].route.back() == XY{1000, 500});
    CHECK(ranked[1].officer_id == "P2");
    CHECK_FALSE(ranked[1].reachable);  // c is a dead end: b -> c is one-way
    // Walking, the one-way street does not matter: c-b 1000 m, b up 500 m, at 5 km/h, as far
    // as from a.
    const auto walking = rank_responders(d, g, Profile::walking, d.sites[1].location);
    for (const auto& r : walking) {
        CHECK(r.reachable);
        CHECK(r.road_m == doctest::Approx(1500));
        CHECK(r.time_s == doctest::Approx(1510 / (5 / 3.6)));
    }
    CHECK_THROWS_AS(rank_responders(District{}, build_road_graph({}), Profile::driving, {0, 0}), BadInput);
}

TEST_CASE("Within a radius: straight, or along the streets where the long way round counts") {
    const District d = block_district();
    WithinOptions o;
    o.radius_m = 120;
    o.layers = {LayerKind::sites, LayerKind::incidents};
    const auto straight = within(d, {1010, 500}, o);  // at the bank
    REQUIRE(straight.size() == 3);
    CHECK(straight[0].id == "S1");
    CHECK(straight[0].distance_m == doctest::Approx(0));
    CHECK(straight[1].id == "I1");  // (1005, 450): 50.2 m
    CHECK(straight[1].distance_m == doctest::Approx(std::hypot(5, 50)));
    CHECK(straight[2].id == "S3");  // (1000, 560): 60.8 m
    // Along the streets from (1010, 500): 10 m to the road, 50 m down it, 5 m to the case: 65 m;
    // to the camera on the road 60 m up: 70 m.
    const RoadGraph g = build_road_graph(d.roads);
    o.network = &g;
    const auto along = within(d, {1010, 500}, o);
    REQUIRE(along.size() == 3);
    CHECK(along[1].id == "I1");
    CHECK(along[1].distance_m == doctest::Approx(65));
    CHECK(along[2].id == "S3");
    CHECK(along[2].distance_m == doctest::Approx(70));
    // From inside the block at (900, 500), 100 m from e-b: straight, all three within 120 m
    // (110, 116.3, 116.6 m); along the streets only the bank (100 m to the road, 10 m off it).
    o.radius_m = 120;
    o.network = nullptr;
    CHECK(within(d, {900, 500}, o).size() == 3);
    o.network = &g;
    const auto inside = within(d, {900, 500}, o);
    REQUIRE(inside.size() == 1);
    CHECK(inside[0].id == "S1");
    CHECK(inside[0].distance_m == doctest::Approx(110));
    o.radius_m = -1;
    CHECK_THROWS_AS(within(d, {0, 0}, o), BadInput);
    o.radius_m = 100;
    o.layers = {LayerKind::roads};
    CHECK_THROWS_AS(within(d, {0, 0}, o), BadInput);
}

TEST_CASE("The reach table times every site; one on a street joined to nothing is out of reach") {
    const District d = block_district();
    const RoadGraph g = build_road_graph(d.roads);
    const ReachTable t = reach_table(d, g, Profile::driving, d.sites[0].location, {2, 3});
    REQUIRE(t.sites.size() == 4);
    CHECK(d.sites[t.sites[0].site].id == "S0");
    CHECK(t.sites[0].time_s == doctest::Approx(0));
    CHECK(d.sites[t.sites[1].site].id == "S3");  // on the road: a-b 100 s, 560 m up at 10 m/s
    CHECK(t.sites[1].time_s == doctest::Approx(156));
    CHECK(d.sites[t.sites[2].site].id == "S1");
    CHECK(t.sites[2].time_s == doctest::Approx(150 + 10 / (5 / 3.6)));
    CHECK(std::isinf(t.sites.back().time_s));  // the school on its own street: no road leads there
    CHECK(d.sites[t.sites.back().site].id == "S2");
}

TEST_CASE("Places: sites and cases by id, lon/lat in the workspace CRS, addresses by search, clear errors") {
    const District d = block_district();
    CHECK(place_of_site(d, "S1").label == "银行 (S1)");
    CHECK(place_of_id(d, "I1", "--of").label == "case I1");
    CHECK(place_of_origin(d, "police_station", "--from").location == XY{0, 0});
    CHECK_THROWS_WITH_AS(place_of_site(d, "S9"), doctest::Contains("--site 'S9': no such site"), BadInput);
    CHECK_THROWS_WITH_AS(place_of_address(d, "无此地址"), doctest::Contains("matches no building address"), BadInput);
    CHECK(place_of_address(d, "银行").label == "银行 (S1)");
    const Place p = place_of_lonlat(d, "120.0, 28.9", "--at");
    CHECK(p.location.x == doctest::Approx(500000).epsilon(1e-6));  // the central meridian of EPSG:4549: false easting
    CHECK_THROWS_WITH_AS(place_of_lonlat(d, "28.9", "--at"), doctest::Contains("is not LON,LAT"), BadInput);
    CHECK_THROWS_WITH_AS(place_of_lonlat(d, "200,28", "--at"), doctest::Contains("longitude -180..180"), BadInput);
}
