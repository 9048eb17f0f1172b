#pragma once
// Tiny literal road networks for the network tests, in the spirit of OSRM's makeGraph:
// each road is (class, one-way, speed, vertices).
#include <initializer_list>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace test {

inline geo::Road road(std::string id, geo::RoadClass road_class, bool oneway, double speed_kmh,
                      std::initializer_list<geo::XY> vertices) {
    geo::Road r;
    r.id = std::move(id);
    r.road_class = road_class;
    r.oneway = oneway;
    r.speed_kmh = speed_kmh;
    r.line = {geo::LineString(vertices)};
    return r;
}

// The network most tests use (metres):
//
//      a ----- m ----- b ----- c        a (0,0), m (50,0) a bend only, b (100,0), c (200,0)
//                      |                a-b-c: one local road, 36 km/h, both ways
//                      v                b -> d: one-way arterial, 72 km/h
//                      d                d (100,100)
//
//      e ======= f                      e (500,500), f (600,500): a footpath, apart from the rest
inline std::vector<geo::Road> small_network() {
    using geo::RoadClass;
    return {road("abc", RoadClass::local, false, 36, {{0, 0}, {50, 0}, {100, 0}, {200, 0}}),
            road("bd", RoadClass::arterial, true, 72, {{100, 0}, {100, 100}}),
            road("ef", RoadClass::path, false, 0, {{500, 500}, {600, 500}})};
}

}  // namespace test
