#pragma once
// Isochrones (service areas) on the road graph: where one can be within so many minutes of an
// origin along the roads. The reached network is every edge driven or walked within the time,
// partly reached edges cut where the time runs out (at the edge's speed); the area is those
// lines buffered by a tolerance (the distance from the road at which a place still counts as
// reached: a door, a bank's counter) and merged, so blocks that no road reaches in time stay
// holes. Polygons by GEOS (through GDAL), valid, in the graph's CRS.
#include <vector>

#include "geo/model/geometry.h"
#include "geo/network/road_graph.h"
#include "geo/network/snap.h"
#include "geo/network/travel_times.h"

namespace geo {

// The roads reached within limit_s, given a search already run from `origin` to at least that
// limit: whole edges and the reached ends of the others, as lines.
MultiLineString reached_roads(const RoadGraph& graph, Profile profile, const TravelTimes& times, const SnappedPoint& origin,
                              double limit_s);

struct Isochrone {
    double minutes = 0;
    MultiPolygon area;           // empty when nothing is reached
    double road_m = 0;           // length of road reached
    std::size_t nodes = 0;       // graph nodes reached
};

struct IsochroneOptions {
    Profile profile = Profile::driving;
    std::vector<double> minutes = {3, 5, 10};  // positive, increasing
    double tolerance_m = 25;
};

// One search to the largest threshold, one polygon per threshold. BadInput naming --minutes for
// thresholds that are not positive and increasing.
std::vector<Isochrone> isochrones(const RoadGraph& graph, const SnappedPoint& origin, const IsochroneOptions& options);

// Lines buffered by tolerance_m and merged (GEOS), as valid polygons.
MultiPolygon buffered_area(const MultiLineString& lines, double tolerance_m);

}  // namespace geo
