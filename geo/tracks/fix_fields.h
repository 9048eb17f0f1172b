#pragma once
// Which fields of a track file's layer hold what a fix needs, and reading a time from one.
// Names are matched case-insensitively, the first of each list that the layer has:
//   time          time, timestamp, datetime, when  (GPX and CSV: time; KML's TimeStamp: timestamp)
//   vertex times  coordTimes (togeojson's list per line vertex), coordinateProperties (its newer
//                 form, {"times": [...]})
//   officer       officer_id, officer
//   track         track_id, track; GPX's track points: track_fid
//   coordinates   for a layer without geometry (CSV): lon,lat, longitude,latitude, lng,lat or x,y
#include <optional>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct FixFieldNames {
    std::string time, vertex_times, officer, track;  // as the file spells them; empty: absent
    std::string x_column, y_column;                   // the first coordinate pair it has
    // The time field is GDAL's DateTime (GPX, KML): GDAL leaves a time it cannot read empty
    // (with a warning), so there an empty time may also be an unreadable one.
    bool typed_time = false;
};

FixFieldNames find_fix_fields(const std::vector<std::string>& field_names, bool gpx);

// A field's value as text without surrounding blanks ("" for none).
std::string trimmed_text(const FieldValue& value);

// A fix's time from a field value: a GDAL date-time (already UTC, local ones read in `zone` by
// the source reader), or ISO 8601 text (without a zone: local time in `zone`). Else nullopt and
// `reason` says why, to follow "field NAME" ("is empty", "'x' is not an ISO 8601 time").
std::optional<Timestamp> fix_time(const FieldValue& value, const std::string& zone, bool typed_time,
                                  std::string& reason);

}  // namespace geo
