// Candidate sites: which roads make a neighbourhood gate (crossing the boundary, a lane off
// the boundary street, within the tolerance) and which do not (along the boundary, touching
// it from outside); gates on junctions in the merged list; the gates of the sample district.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "geo/io/workspace_store.h"
#include "geo/network/road_graph.h"
#include "geo/placement/candidate_sites.h"
#include "tests/common/fixtures.h"

#include "tests/placement/hand_made.h"

namespace {

using test::date_of;
using test::incident;
using test::road;

// The neighbourhood every case uses, a 200 m square:
//
//   (0,200) +---------+ (200,200)
//           |   N01   |
//     (0,0) +---------+ (200,0)
geo::District square_with(std::vector<geo::Road> roads) {
    geo::District d;
    geo::Neighbourhood n;
    n.id = "N01";
    n.area = {geo::Polygon{{{0, 0}, {200, 0}, {200, 200}, {0, 200}, {0, 0}}, {}}};
    d.neighbourhoods = {n};
    d.roads = std::move(roads);
    return d;
}

std::vector<geo::CandidateSite> gates_of(const geo::District& d) {
    return geo::gate_sites(d, geo::build_road_graph(d.roads));
}

}  // namespace

TEST_CASE("A road crossing the boundary makes a gate at each crossing") {
    //        +---------+
    //   -----x---------x-----    y = 100, from x = -100 to 300
    //        +---------+
    const auto gates = gates_of(square_with({road("through", {{-100, 100}, {300, 100}})}));
    REQUIRE(gates.size() == 2);
    CHECK(gates[0].location.x == doctest::Approx(0).epsilon(1e-12));
    CHECK(gates[1].location.x == doctest::Approx(200).epsilon(1e-12));
    for (const auto& g : gates) {
        CHECK(g.location.y == doctest::Approx(100).epsilon(1e-12));
        CHECK(g.kind == geo::CandidateKind::gate);
        CHECK(g.label == "gate N01");
    }
}

TEST_CASE("A street along the boundary, or one touching it from outside, makes no gate") {
    //   (-100,50) '-.              N01 above
    //                '-.
    //   ================+=========+=====   south street, y = 0, x = -100 .. 300 (the boundary)
    //                .-' (0,0)
    //   (-100,-100)-'                      corner road: touches the corner (0,0), turns back
    const auto gates = gates_of(square_with({road("south street", {{-100, 0}, {100, 0}, {300, 0}}),
                                             road("corner", {{-100, -100}, {0, 0}, {-100, 50}})}));
    CHECK(gates.empty());
    // Digitised half a metre inside the boundary it crosses the west and east edges, but the
    // stretch between runs along the boundary: still no gate.
    CHECK(gates_of(square_with({road("south street", {{-100, 0.5}, {300, 0.5}})})).empty());
    // Wholly outside.
    CHECK(gates_of(square_with({road("far", {{-100, -50}, {300, -50}})})).empty());
}

TEST_CASE("A lane entering from the boundary street is a gate where it leaves the street") {
    //        +----|----+
    //        |    |    |      lane from (100, 0) to (100, 150)
    //   ----------+---------  south street on the boundary
    const auto d = square_with({road("south street", {{-100, 0}, {100, 0}, {300, 0}}),
                                road("lane", {{100, 0}, {100, 150}})});
    const auto gates = gates_of(d);
    REQUIRE(gates.size() == 1);
    CHECK(gates[0].location == geo::XY{100, 0});

    // The lane's mouth is a junction too: one candidate there, reported as the gate.
    const auto graph = geo::build_road_graph(d.roads);
    const auto junctions = geo::intersection_sites(graph);
    REQUIRE(junctions.size() == 1);
    const auto merged = geo::merge_sites({junctions, geo::gate_sites(d, graph)});
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].location == geo::XY{100, 0});
    CHECK(merged[0].kind == geo::CandidateKind::gate);
    CHECK(merged[0].label == "gate N01 at " + junctions[0].label);
}

TEST_CASE("A lane stopping short of the boundary meets it within the tolerance, not beyond") {
    // The street on the boundary as before; the lane stops 0.5 m (gate) or 5 m (none) short.
    const auto near = gates_of(square_with({road("south street", {{-100, 0}, {300, 0}}), road("lane", {{100, 0.5}, {100, 150}})}));
    REQUIRE(near.size() == 1);
    CHECK(near[0].location == geo::XY{100, 0.5});
    CHECK(gates_of(square_with({road("south street", {{-100, 0}, {300, 0}}), road("lane", {{100, 5}, {100, 150}})})).empty());
}

TEST_CASE("Sample district: the lanes' mouths are the gates, and none lies on the district's edge") {
    // data/generator: streets run along every inner neighbourhood boundary, and each of the 36
    // neighbourhoods' main lanes leaves its boundary street at the middle of one side; the
    // bottom row's lanes start where the second row's do (one mouth, two gates), and 6
    // footpaths reach the street at the next mouth north: 36 + 6 gates at 30 places, every
    // one a junction. The streets' corners and their ends at the district's edge are none.
    const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    const auto graph = geo::build_road_graph(d.roads);
    const auto gates = geo::gate_sites(d, graph);
    CHECK(gates.size() == 42);
    std::set<std::string> hoods;
    for (const auto& g : gates) hoods.insert(g.label);
    CHECK(hoods.size() == d.neighbourhoods.size());

    geo::Envelope district;
    for (const auto& n : d.neighbourhoods) district.expand(geo::envelope_of(n.area));
    const auto junctions = geo::intersection_sites(graph);
    for (const auto& g : gates) {
        CHECK(g.location.x > district.min_x + 1);
        CHECK(g.location.x < district.max_x - 1);
        CHECK(g.location.y > district.min_y + 1);
        CHECK(g.location.y < district.max_y - 1);
        CHECK(std::any_of(junctions.begin(), junctions.end(), [&](const auto& j) { return j.location == g.location; }));
    }
    const auto merged = geo::merge_sites({junctions, gates});
    CHECK(merged.size() == junctions.size());
    CHECK(std::count_if(merged.begin(), merged.end(), [](const auto& s) { return s.kind == geo::CandidateKind::gate; }) == 30);
}
