#pragma once
// One GPS fix as a track file gives it, before the import checks it (track_import.h): where, when
// and whose, in the file's own CRS, or why the file gives no usable fix there.
#include <optional>
#include <string>
#include <vector>

#include <ogr_spatialref.h>

#include "geo/model/geometry.h"
#include "geo/model/time.h"

namespace geo {

struct SourceFix {
    std::string feature;          // how messages name it: "12", or "3 vertex 5" for a line's vertex
    std::optional<XY> at;         // in the layer's CRS
    std::optional<Timestamp> time;
    std::string time_field;       // the field the time came from, as the file names it
    std::string officer_id;       // from the file; empty when it does not say
    std::string officer_field;    // the field it came from, as the file names it
    std::string track_key;        // the source's track: a GPX track, a track column's value, a line
    // Set when the file gives no usable fix here; `field` is empty for a geometry problem.
    struct Problem {
        std::string field;
        std::string reason;
    };
    std::optional<Problem> problem;
};

// The fixes of one layer of the file, which has its own CRS (or none: WGS84 is assumed).
struct FixLayer {
    std::optional<OGRSpatialReference> srs;
    std::vector<SourceFix> fixes;  // in file order
};

struct FixFile {
    std::string label;                // file name, for messages
    std::vector<FixLayer> layers;
    std::vector<std::string> notes;   // what was left out (GPX waypoints and routes, ...)
};

}  // namespace geo
