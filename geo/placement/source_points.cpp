#include "geo/placement/source_points.h"

#include <cmath>

#include "geo/crs/crs.h"
#include "geo/io/ogr_geometry.h"
#include "geo/io/source_reader.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {

std::vector<SourcePoint> read_source_points(const std::string& path, const std::string& workspace_crs,
                                            const std::string& zone, const std::string& flag) {
    SourceRequest request;
    request.path = path;
    request.zone = zone;
    const SourceLayer layer = read_source(request);
    if (!layer.srs) throw BadInput(flag + " " + layer.file_label + ": the source has no CRS");
    const Transform to_workspace(*layer.srs, make_srs(workspace_crs, "workspace CRS"));
    std::vector<SourcePoint> out;
    for (const SourceFeature& feature : layer.features) {
        const std::string where_ = flag + " " + layer.file_label + " feature " + feature.label;
        if (!feature.geometry) throw BadInput(where_ + ": has no geometry");
        XY p;
        const Geometry g = from_ogr(*feature.geometry);
        if (const auto* xy = std::get_if<XY>(&g)) {
            p = *xy;
        } else if (const auto* mp = std::get_if<MultiPolygon>(&g)) {
            p = centroid(*mp);
        } else if (const auto* ml = std::get_if<MultiLineString>(&g)) {
            const Envelope e = envelope_of(*ml);
            p = {(e.min_x + e.max_x) / 2, (e.min_y + e.max_y) / 2};
        } else {
            throw BadInput(where_ + ": geometry is not a point, line or polygon");
        }
        const auto projected = to_workspace.apply(p);
        if (!projected || !std::isfinite(projected->x) || !std::isfinite(projected->y))
            throw BadInput(where_ + ": cannot be transformed to the workspace CRS");
        out.push_back({feature.label, *projected, feature.fields});
    }
    return out;
}

std::vector<CandidateSite> user_sites(const std::vector<SourcePoint>& points) {
    std::vector<CandidateSite> out;
    for (const SourcePoint& p : points) out.push_back({p.location, CandidateKind::user, p.label});
    return out;
}

std::vector<Incident> incidents_from(const std::vector<SourcePoint>& points, const std::string& zone,
                                     const std::string& flag) {
    std::vector<Incident> out;
    for (const SourcePoint& p : points) {
        Incident incident;
        incident.id = p.label;
        incident.location = p.location;
        bool has_time = false;
        for (const auto& [name, value] : p.fields) {
            if (name == "time") {
                if (const auto* t = std::get_if<Timestamp>(&value)) {
                    incident.time = *t;
                    has_time = true;
                } else if (const auto* s = std::get_if<std::string>(&value)) {
                    if (const auto t2 = parse_iso8601(*s, zone)) {
                        incident.time = *t2;
                        has_time = true;
                    }
                }
            } else if (name == "loss_yuan") {
                if (const auto* d = std::get_if<double>(&value)) incident.loss_yuan = *d;
                else if (const auto* i = std::get_if<std::int64_t>(&value)) incident.loss_yuan = static_cast<double>(*i);
            } else if (name == "id") {
                if (const auto* s = std::get_if<std::string>(&value)) incident.id = *s;
            } else {
                incident.extras.emplace(name, value);
            }
        }
        if (!has_time)
            throw BadInput(flag + " feature " + p.label + ": field time is missing or not ISO 8601");
        out.push_back(std::move(incident));
    }
    return out;
}

}  // namespace geo
