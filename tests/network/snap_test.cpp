// Snapping points onto the nearest edge: projection, offsets along the edge, snap distances,
// and the profile's own edges only.
#include "geo/network/snap.h"

#include <doctest/doctest.h>

#include "tests/network/road_fixtures.h"

using geo::Profile;

TEST_CASE("A point snaps by perpendicular projection onto the nearest edge") {
    const auto g = geo::build_road_graph(test::small_network());
    const geo::Snapper snapper(g, Profile::walking);
    // (70, 30) is 30 m above a-b, 70 m from a along it (past the bend at 50).
    const auto s = snapper.snap({70, 30});
    REQUIRE(s.valid());
    CHECK(s.edge == 0);
    CHECK(s.offset_m == doctest::Approx(70.0).epsilon(1e-12));
    CHECK(s.distance_m == doctest::Approx(30.0).epsilon(1e-12));
    CHECK(s.point == geo::XY{70, 0});
}

TEST_CASE("A point beyond a line's end snaps to the end") {
    const auto g = geo::build_road_graph(test::small_network());
    const geo::Snapper snapper(g, Profile::walking);
    const auto s = snapper.snap({-30, -40});  // 50 m from a (0, 0)
    CHECK(s.edge == 0);
    CHECK(s.offset_m == 0.0);
    CHECK(s.distance_m == doctest::Approx(50.0).epsilon(1e-12));
}

TEST_CASE("Driving points are not snapped onto footpaths") {
    const auto g = geo::build_road_graph(test::small_network());
    const auto walking = geo::Snapper(g, Profile::walking).snap({550, 490});
    CHECK(walking.edge == 3);
    CHECK(walking.distance_m == doctest::Approx(10.0).epsilon(1e-12));
    const auto driving = geo::Snapper(g, Profile::driving).snap({550, 490});
    CHECK(driving.edge != 3);
    CHECK(driving.distance_m > 400);
}

TEST_CASE("Snapping onto a graph with no usable edge says so") {
    const auto g = geo::build_road_graph({test::road("p", geo::RoadClass::path, false, 0, {{0, 0}, {10, 0}})});
    CHECK_FALSE(geo::Snapper(g, Profile::driving).snap({5, 5}).valid());
}
