#pragma once
// Where a banner may go: road intersections, neighbourhood gates (where a road enters a
// neighbourhood) and the user's own points.
#include <string>
#include <string_view>
#include <vector>

#include "geo/model/district.h"
#include "geo/network/road_graph.h"

namespace geo {

enum class CandidateKind { intersection, gate, user };
std::string_view name_of(CandidateKind kind);

struct CandidateSite {
    XY location;
    CandidateKind kind = CandidateKind::user;
    std::string label;  // "N123" for a graph node, "gate N07" (+ " at N123" on a junction), or the user's
};

// Intersections (junction_nodes of geo/network/junctions.h) in node order.
std::vector<CandidateSite> intersection_sites(const RoadGraph& graph);

// How near (metres) a road must come to the boundary to meet it, and how far from it a stretch
// must lie to count as inside: one metre, merge_sites' "one place to stand". It absorbs a lane
// digitised a little short of the boundary street and coordinates rounded on import. It is
// not a survey figure: pass more for boundaries drawn roughly by hand.
inline constexpr double gate_tolerance_m = 1.0;

// Gates: where a road enters a neighbourhood. A road line is cut where it meets the boundary
// (any ring, outer or hole); a piece is inside when its midpoint is inside the neighbourhood
// and more than tolerance_m from the boundary. A gate is a point within tolerance_m of the
// boundary where the road passes from a piece inside to one that is not, or where an inside
// piece begins or ends (a lane leaving the boundary street, a road stopping at the boundary).
// So a road crossing the boundary makes a gate, and so does a lane entering from a street
// that runs along the boundary; a street running along the boundary, or meeting it from
// outside and turning away, makes none. Ordered by neighbourhood, edge, then along the edge;
// one gate per place and neighbourhood.
std::vector<CandidateSite> gate_sites(const District& district, const RoadGraph& graph,
                                      double tolerance_m = gate_tolerance_m);

// Concatenates the lists, dropping a site within `merge_m` metres of one kept before it
// (a gate on an intersection is one place to stand). A gate dropped onto a kept intersection
// makes that site a gate, at the intersection's place in the list and location, labelled
// "gate N07 at N123": most entrances are junctions (a lane off the boundary street), and the
// entrance is what tells the officer why to stand there.
std::vector<CandidateSite> merge_sites(const std::vector<std::vector<CandidateSite>>& lists, double merge_m = 1.0);

}  // namespace geo
