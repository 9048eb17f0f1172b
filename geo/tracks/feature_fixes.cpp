#include "geo/tracks/feature_fixes.h"

#include <cmath>

#include "geo/tracks/line_fixes.h"

namespace geo {
namespace {

// The feature's value of `field` as text; "" when the layer has no such field or it is empty.
std::string text_of(const SourceFeature& feature, const std::string& field) {
    if (field.empty()) return {};
    const auto it = feature.fields.find(field);
    return it == feature.fields.end() ? std::string() : trimmed_text(it->second);
}

}  // namespace

std::vector<SourceFix> fixes_of(const SourceFeature& feature, const FixContext& context) {
    SourceFix fix;
    fix.feature = context.label_prefix + feature.label;
    fix.time_field = context.fields.time;
    fix.officer_id = text_of(feature, context.fields.officer);
    fix.officer_field = context.fields.officer;
    fix.track_key = context.label_prefix + text_of(feature, context.fields.track);
    const auto refused = [&](std::string field, std::string reason) {
        fix.problem = SourceFix::Problem{std::move(field), std::move(reason)};
        return std::vector<SourceFix>{fix};
    };

    if (!feature.geometry_problem.empty()) return refused("", feature.geometry_problem);
    if (!feature.geometry) return refused("", "has no geometry");
    if (feature.geometry->IsEmpty()) return refused("", "has an empty geometry");
    const OGRwkbGeometryType type = wkbFlatten(feature.geometry->getGeometryType());
    if (type == wkbLineString || type == wkbMultiLineString) {
        // Without a track column every line is a track of its own (its parts are segments).
        if (context.fields.track.empty()) fix.track_key += "line " + feature.label;
        return line_fixes(feature, *feature.geometry, fix, context);
    }
    if (type != wkbPoint)
        return refused("", std::string("is a ") + OGRGeometryTypeToName(type) +
                               ", not a point or a line with a time per vertex");
    const auto* point = feature.geometry->toPoint();
    if (!std::isfinite(point->getX()) || !std::isfinite(point->getY()))
        return refused("", "has a coordinate that is not a finite number");
    fix.at = XY{point->getX(), point->getY()};

    if (context.fields.time.empty()) return refused("time", "is missing (the file has no time field)");
    std::string reason;
    const auto value = feature.fields.find(context.fields.time);
    fix.time = fix_time(value == feature.fields.end() ? FieldValue{} : value->second, context.zone,
                        context.fields.typed_time, reason);
    if (!fix.time) return refused(context.fields.time, reason);
    return {fix};
}

}  // namespace geo
