#pragma once
// The hand-made street of the weekly-planning tests, where the best plan can be worked out by hand.
//
// One street along y = 0, in three roads meeting at the post and at B. Walking at 5 km/h,
// 1,000 m take 12 min; every building stands on the street (no off-road access) and has no
// household, so a visit takes the base 5 min. No posters anywhere: every building scores
// no poster 1 + no card 1 = 2, plus its flags.
//
//     A ------------ P ------------ B ------------ C
//   (-1000,0)      (0,0)        (1000,0)      (2000,0)
//   elderly +      post          nothing      elderly
//   past victim: 8               flagged: 2   alone: 5
//
// Tours from P: A alone 12+5+12 = 29 min; B alone 29; B and C 12+5+12+5+24 = 58; A and B
// 24+5+24+5 = 58; A and C 12+5+36+5+24 = 82; all three 82+5 = 87 (B lies on the way from A to C).
#include "geo/model/district.h"

namespace test {

inline geo::District street_district() {
    using namespace geo;
    District d;
    d.metadata.crs = "EPSG:4549";
    Officer o;
    o.id = "O1";
    o.name = "王警官";
    o.weekly_hours = 5;
    o.post = XY{0, 0};
    d.officers = {o};
    Neighbourhood n;
    n.id = "N1";
    n.name = "金城小区";
    n.officer_id = "O1";
    n.residents = 300;
    n.transients = 100;
    d.neighbourhoods = {n};
    const auto building = [](const char* id, double x, bool elderly, bool victim) {
        Building b;
        b.id = id;
        b.neighbourhood_id = "N1";
        b.address = std::string("街道 ") + id;
        b.location = {x, 0};
        b.flags.elderly_alone = elderly;
        b.flags.past_victim = victim;
        return b;
    };
    d.buildings = {building("A", -1000, true, true), building("B", 1000, false, false), building("C", 2000, true, false)};
    const auto road = [](const char* id, double x0, double x1) {
        Road r;
        r.id = id;
        r.line = {{{x0, 0}, {x1, 0}}};
        return r;
    };
    d.roads = {road("R1", -1000, 0), road("R2", 0, 1000), road("R3", 1000, 2000)};
    return d;
}

}  // namespace test
