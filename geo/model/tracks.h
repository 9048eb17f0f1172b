#pragma once
// Patrol GPS tracks (issue 13): where an officer's phone or patrol car was, a time per fix.
// Kept in the workspace's `tracks` layer (one line per track, M = the fix's time), in the
// workspace CRS like every layer. The map matcher, the dwell finder and the replay read them.
#include <string>
#include <vector>

#include "geo/model/enums.h"
#include "geo/model/geometry.h"
#include "geo/model/time.h"

namespace geo {

struct TrackPoint {
    XY at;
    Timestamp time{};
    friend bool operator==(const TrackPoint&, const TrackPoint&) = default;
};

struct Track {
    std::string id;          // "P03-2021-06-15-phone": officer, local day, source file
    std::string officer_id;  // empty when the source did not say
    std::string source;      // the file it was imported from, or "sample"
    TrackMode mode = TrackMode::walking;  // the matcher follows walking or driving arcs
    std::vector<TrackPoint> points;  // in time order, never going backwards
    std::string station_id = {};     // the officer's station (city workspace only; empty in a GeoPackage)
    friend bool operator==(const Track&, const Track&) = default;
};

}  // namespace geo
