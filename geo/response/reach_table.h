#pragma once
// Who and what lies within each isochrone's time of an origin: the travel time to every bank,
// property office, school, police box and camera (sites that may call for an officer, or that
// an officer may need), and the share of each neighbourhood's households (and so residents)
// whose building is reached in time. Times include walking between a point and its road.
#include <vector>

#include "geo/model/district.h"
#include "geo/network/road_graph.h"
#include "geo/network/snap.h"

namespace geo {

struct SiteReach {
    std::size_t site = 0;  // index into district.sites
    double time_s = 0;     // +inf: not reachable
};

struct NeighbourhoodReach {
    std::size_t neighbourhood = 0;
    std::vector<double> share;  // per threshold: households reached / households (0..1)
};

struct ReachTable {
    std::vector<double> minutes;
    std::vector<SiteReach> sites;               // every site, fastest first
    std::vector<NeighbourhoodReach> neighbourhoods;
    std::vector<double> residents_reached;      // per threshold: Σ residents × share
    std::int64_t residents = 0;
};

ReachTable reach_table(const District& district, const RoadGraph& graph, Profile profile, XY origin,
                       const std::vector<double>& minutes);

}  // namespace geo
