#pragma once
// Reads a track file's fixes through GDAL (geo/io/source_reader.h does the reading): a GPX's
// track points (its waypoints and routes left out with a note: they are not where anyone went
// when), every layer of anything else (a KML's folders), a CSV's lon/lat columns (or
// longitude/latitude, lng/lat, x/y). Nothing is checked beyond what makes a fix; the import
// checks the rest (track_import.h).
#include <string>

#include "geo/tracks/source_fix.h"

namespace geo {

// BadInput when GDAL cannot open the file, a CSV has no lon/lat columns, or a layer has
// neither a time field nor a time per vertex. `zone` is the workspace's, for times without one.
FixFile read_fixes(const std::string& path, const std::string& zone);

}  // namespace geo
