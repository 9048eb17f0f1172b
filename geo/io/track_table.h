#pragma once
// The `tracks` layer of a workspace GeoPackage: one LineStringM per track, M = the fix's time in
// seconds since 1970 UTC (exact in a double), so QGIS and ogr2ogr read the tracks as they are.
// Workspaces made before it have none; it is created on the first write.
#include <string>
#include <string_view>
#include <vector>

#include <gdal_priv.h>

#include "geo/model/tracks.h"

namespace geo {

inline constexpr std::string_view kTracksTable = "tracks";

std::vector<Track> read_tracks(GDALDataset& ds);

// Replaces the layer's rows (creating it in `crs` when missing), inside the caller's transaction.
// A station's user in a city workspace replaces only their station's rows (row-level security
// deletes no others; table_stations.h picks the rows to write back).
void write_tracks(GDALDataset& ds, const std::string& crs, const std::vector<Track>& tracks);

// `theirs` with `added` applied: the tracks from a source (file) `added` comes from, and those
// with its ids, are replaced (the same file imported again; one that now gives fewer tracks
// leaves none behind); every other one stays. Sorted by id.
std::vector<Track> merge_tracks(std::vector<Track> theirs, const std::vector<Track>& added);

}  // namespace geo
