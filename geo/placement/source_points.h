#pragma once
// Points from any GDAL vector source in the workspace CRS, for --candidates and --incidents:
// a point feature gives its point, a polygon or line its centroid (of its envelope for lines).
// Field values come as the source has them; times stay text or GDAL date-times.
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/placement/candidate_sites.h"

namespace geo {

struct SourcePoint {
    std::string label;  // the source's feature id
    XY location;        // workspace CRS, metres
    std::map<std::string, FieldValue> fields;
};

// BadInput naming `flag` when the source cannot be read, has no CRS, or a feature has no
// geometry or cannot be transformed.
std::vector<SourcePoint> read_source_points(const std::string& path, const std::string& workspace_crs,
                                            const std::string& zone, const std::string& flag);

// User candidate sites from those points, labelled by their feature ids.
std::vector<CandidateSite> user_sites(const std::vector<SourcePoint>& points);

// Incidents from those points: `time` (required: ISO 8601 text or a date-time), `loss_yuan`
// and `id` (optional; else the feature id); every other field kept as an extra for --weight.
std::vector<Incident> incidents_from(const std::vector<SourcePoint>& points, const std::string& zone,
                                     const std::string& flag);

}  // namespace geo
