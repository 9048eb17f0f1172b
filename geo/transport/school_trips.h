#pragma once
// The morning school runs on the road graph (issue 17): from every home to every school along
// the fastest driving route, each weighted by the pupils who make it. What a checkpoint on the
// school run can intercept (checkpoint_placement.h).
//
// Who goes where is not known, so the pupils are spread as a private school draws them, from
// the whole district in proportion to its households:
//   pupils on the trip from building b to school s = pupils(s) * households(b) / sum of households
// A school's pupils are its site's audience (the people a talk there reaches: its pupils); a
// school without one is left out. Trips shorter than `min_trip_m` along the road are walked, not
// driven, so no checkpoint sees them; trips no driving route makes (one-way streets, another
// piece of the network) are counted apart.
#include <cstdint>
#include <vector>

#include "geo/model/district.h"
#include "geo/network/road_graph.h"

namespace geo {

struct SchoolTripOptions {
    double min_trip_m = 1000;
};

struct SchoolTrip {
    std::uint32_t building = 0;  // index into district.buildings
    std::uint32_t school = 0;    // index into district.sites
    double pupils = 0;
    double length_m = 0, time_s = 0;
    std::vector<int> nodes;      // graph nodes passed, in order (empty when home and school share a street)
};

struct SchoolTrips {
    std::vector<SchoolTrip> trips;       // driven: school by school (site order), then building order
    std::vector<std::uint32_t> schools;  // sites of kind school with pupils, in site order
    double pupils = 0;                   // theirs, every trip
    double walked_pupils = 0;            // on trips shorter than min_trip_m
    double unreachable_pupils = 0;       // on trips no driving route makes
    double driven_pupils() const { return pupils - walked_pupils - unreachable_pupils; }
};

// BadInput when no school has pupils, no building has households, the graph has no road a car
// may use, or min_trip_m is negative.
SchoolTrips school_trips(const District& district, const RoadGraph& graph, const SchoolTripOptions& options = {});

}  // namespace geo
