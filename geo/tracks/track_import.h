#pragma once
// Reading GPS tracks from files through GDAL (issue 13): GPX (its track_points layer), GeoJSON
// (points with a time, or lines with a per-vertex time list such as togeojson's coordTimes), CSV
// (lon,lat,time[,officer][,track]) and KML (placemarks with a TimeStamp), in any CRS GDAL knows
// (WGS84 when the file says none), into tracks in the workspace CRS.
//
// Points are grouped by the source's track (GPX track, a track/track_id column) and officer,
// ordered as the file gives them, and split at local midnight in the workspace zone: a track is
// one officer's day from one file, id "<officer>-<YYYY-MM-DD>-<file stem>" (a suffix -2, -3 when
// one file holds several tracks of one officer on one day), so importing the same file again
// replaces its tracks and another file adds.
//
// Checked, each problem naming the file, the feature and the field:
//   a point without a time or with an unreadable one (field time),
//   an empty, non-point or non-finite geometry,
//   a time earlier than the track's previous point (times going backwards),
//   a jump from the previous kept point faster than `max_speed_kmh` (200 km/h),
//   an officer id the workspace does not know.
// Without skip_invalid any problem is BadInput listing them (at most 20, then a count) and nothing
// is returned; with it the bad points are dropped and listed in `dropped`. A track left with fewer
// than two points is dropped with a note either way.
#include <functional>
#include <string>
#include <vector>

#include "geo/io/import_options.h"
#include "geo/model/district.h"

namespace geo {

struct TrackImportOptions {
    std::string path;              // any GDAL vector source
    std::string officer_id;        // --officer: for files that do not say whose track it is
    TrackMode mode = TrackMode::walking;  // --mode walking|driving
    std::string source_crs;        // --src-crs: overrides or supplies the file's CRS
    double max_speed_kmh = 200;    // a faster jump between fixes is an error
    bool skip_invalid = false;
    std::function<void(std::size_t, std::size_t)> progress;  // (points done, total)
};

struct TrackImport {
    std::vector<Track> tracks;         // in the workspace CRS, ids as above
    std::vector<Rejection> dropped;    // points dropped (only with skip_invalid)
    std::vector<std::string> notes;    // tracks dropped as too short, layers skipped, ...
    std::size_t points_read = 0;
};

// `district` gives the workspace CRS, time zone and officers. BadInput as described above.
TrackImport read_track_file(const TrackImportOptions& options, const District& district);

}  // namespace geo
