// Street names for a point: the two roads meeting at a junction, else the nearest named road.
#include <doctest/doctest.h>

#include "geo/query/road_names.h"

namespace {

geo::Road named(const std::string& name, geo::LineString line) {
    geo::Road r;
    r.id = name;
    r.name = name;
    r.line = {std::move(line)};
    return r;
}

}  // namespace

TEST_CASE("place_name: junctions by their two streets, other points by the nearest street") {
    geo::District d;
    //            溪坦街 (x = 0)
    //               |
    //   金城路 -----+----- (y = 0)        and an unnamed lane along y = 50
    d.roads = {named("金城路", {{-500, 0}, {500, 0}}), named("溪坦街", {{0, -500}, {0, 500}}),
               named("", {{-500, 50}, {500, 50}}), named("金城路", {{500, 0}, {900, 0}})};
    CHECK(geo::place_name(d, {1.5, 0.5}) == "金城路 × 溪坦街");  // nearest first
    CHECK(geo::place_name(d, {0.5, 1.5}) == "溪坦街 × 金城路");
    CHECK(geo::place_name(d, {500, 0}) == "金城路");            // the same street twice is one name
    CHECK(geo::place_name(d, {200, 45}) == "金城路");           // the unnamed lane is nearer but nameless
    CHECK(geo::place_name(d, {-5, 200}) == "溪坦街");
    CHECK(geo::place_name(d, {3000, 3000}).empty());            // beyond 300 m
}
