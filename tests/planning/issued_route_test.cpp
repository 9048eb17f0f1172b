// An issued day's plan drawn again as a route: its stops in stop order (another officer's and
// another day's left out, a building gone from the district too), the walk from the post through
// each door along the streets and back to the post.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/planning/issued_route.h"
#include "geo/util/error.h"
#include "tests/network/road_fixtures.h"

using namespace geo;

namespace {

Building building(std::string id, XY at) {
    Building b;
    b.id = std::move(id);
    b.address = b.id + " 号";
    b.location = at;
    return b;
}

bool passes(const LineString& path, XY p) {
    for (const XY& v : path)
        if (std::hypot(v.x - p.x, v.y - p.y) < 1e-9) return true;
    return false;
}

}  // namespace

TEST_CASE("issued route: the day's stops in order, from the post through each door along the street and back") {
    //   post (0,-20)     B1 (100,20)     B2 (300,20)
    //        |               |               |          doors 20 m off one street
    //   (0,0) ---------------------------------- (400,0)
    District d;
    d.roads = {test::road("main", RoadClass::local, false, 30, {{0, 0}, {400, 0}})};
    Officer o;
    o.id = "P01";
    o.post = XY{0, -20};
    d.officers = {o};
    d.buildings = {building("B1", {100, 20}), building("B2", {300, 20}), building("B3", {200, 20})};
    d.planned_visits = {{"P01", "2021-W24", "2021-06-15", 2, "B2", 3}, {"P01", "2021-W24", "2021-06-15", 1, "B1", 5},
                        {"P01", "2021-W24", "2021-06-16", 1, "B3", 4},   // another day
                        {"P02", "2021-W24", "2021-06-15", 1, "B3", 4},   // another officer
                        {"P01", "2021-W24", "2021-06-15", 3, "B9", 1}};  // no longer in the district
    const RoadGraph graph = build_road_graph(d.roads);
    const IssuedDayRoute r = issued_day_route(d, graph, "P01", "2021-06-15");
    REQUIRE(r.stops.size() == 2);
    CHECK(r.stops[0].visit.building_id == "B1");
    CHECK(r.stops[1].visit.building_id == "B2");
    CHECK(r.stops[1].address == "B2 号");
    CHECK(r.stops[1].location == XY{300, 20});
    REQUIRE(r.path.size() >= 4);
    CHECK(r.path.front() == XY{0, -20});
    CHECK(r.path.back() == XY{0, -20});
    CHECK(passes(r.path, {100, 20}));
    CHECK(passes(r.path, {300, 20}));
    CHECK_FALSE(passes(r.path, {200, 20}));
    // Out to B2 and back along the street, 20 m to and from each door: 2 * 300 + 6 * 20.
    double length = 0;
    for (std::size_t k = 1; k < r.path.size(); ++k) length += std::hypot(r.path[k].x - r.path[k - 1].x, r.path[k].y - r.path[k - 1].y);
    CHECK(length == doctest::Approx(720));

    CHECK(issued_day_route(d, graph, "P01", "2021-06-17").stops.empty());
    CHECK(issued_day_route(d, graph, "P01", "2021-06-17").path.empty());
    CHECK_THROWS_AS(issued_day_route(d, graph, "P07", "2021-06-15"), BadInput);
}
