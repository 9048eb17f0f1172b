#include "geo/tracks/line_fixes.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace geo {
namespace {

// The list's times in order, lists of lists (a multi-line's parts) flattened; a null is a vertex
// without a time. False when something in it is neither text nor null nor a list.
bool flatten_times(const nlohmann::json& list, std::vector<FieldValue>& out) {
    for (const auto& item : list) {
        if (item.is_array()) {
            if (!flatten_times(item, out)) return false;
        } else if (item.is_string()) {
            out.emplace_back(item.get<std::string>());
        } else if (item.is_null()) {
            out.emplace_back(std::monostate{});
        } else {
            return false;
        }
    }
    return true;
}

std::vector<XY> vertices_of(const OGRGeometry& geometry) {
    std::vector<XY> out;
    const auto add = [&](const OGRLineString& line) {
        for (int i = 0; i < line.getNumPoints(); ++i) out.push_back({line.getX(i), line.getY(i)});
    };
    if (wkbFlatten(geometry.getGeometryType()) == wkbLineString) add(*geometry.toLineString());
    else
        for (const OGRLineString* part : *geometry.toMultiLineString()) add(*part);
    return out;
}

}  // namespace

std::vector<SourceFix> line_fixes(const SourceFeature& feature, const OGRGeometry& line,
                                  const SourceFix& base, const FixContext& context) {
    const std::string field = context.fields.vertex_times.empty() ? "coordTimes" : context.fields.vertex_times;
    const auto refused = [&](const std::string& reason) {
        SourceFix fix = base;
        fix.problem = SourceFix::Problem{field, reason};
        return std::vector<SourceFix>{fix};
    };
    const auto value = feature.fields.find(field);
    const std::string text = value == feature.fields.end() ? std::string() : to_text(value->second);
    if (text.empty()) return refused("is missing: a line needs a time per vertex");
    nlohmann::json times = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (times.is_object() && times.contains("times")) times = times["times"];
    std::vector<FieldValue> vertex_times;
    if (!times.is_array() || !flatten_times(times, vertex_times)) return refused("is not a list of times");
    const std::vector<XY> vertices = vertices_of(line);
    if (vertex_times.size() != vertices.size())
        return refused("has " + std::to_string(vertex_times.size()) + " times for " +
                       std::to_string(vertices.size()) + " vertices");

    std::vector<SourceFix> out;
    out.reserve(vertices.size());
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        SourceFix fix = base;
        fix.feature += " vertex " + std::to_string(i + 1);
        fix.time_field = field;
        std::string reason;
        if (!std::isfinite(vertices[i].x) || !std::isfinite(vertices[i].y))
            fix.problem = SourceFix::Problem{"", "has a coordinate that is not a finite number"};
        else if (!(fix.time = fix_time(vertex_times[i], context.zone, false, reason)))
            fix.problem = SourceFix::Problem{field, reason};
        else
            fix.at = vertices[i];
        out.push_back(std::move(fix));
    }
    return out;
}

}  // namespace geo
