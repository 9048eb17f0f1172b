#pragma once
// Where a banner may go: road intersections, neighbourhood gates (where a road crosses a
// neighbourhood's boundary) and the user's own points.
#include <string>
#include <string_view>
#include <vector>

#include "geo/model/district.h"
#include "geo/placement/walking_graph.h"

namespace geo {

enum class CandidateKind { intersection, gate, user };
std::string_view name_of(CandidateKind kind);

struct CandidateSite {
    XY location;
    CandidateKind kind = CandidateKind::user;
    std::string label;  // "N123" for a graph node, "gate 7", or the user feature's label
};

// Intersections (graph nodes of degree >= 3) in node order.
std::vector<CandidateSite> intersection_sites(const WalkingGraph& graph);

// Gates: every crossing of a road segment with a neighbourhood ring (outer or hole), ordered
// by neighbourhood, ring, ring segment, then road segment.
std::vector<CandidateSite> gate_sites(const District& district, const WalkingGraph& graph);

// Concatenates the lists, dropping a site within `merge_m` metres of one kept before it
// (a gate on an intersection is one place to stand).
std::vector<CandidateSite> merge_sites(const std::vector<std::vector<CandidateSite>>& lists, double merge_m = 1.0);

}  // namespace geo
