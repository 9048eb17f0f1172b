#include "geo/tracks/fix_fields.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "geo/io/row.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// The layer's spelling of the first of `wanted` it has.
std::string first_of(const std::vector<std::string>& names, std::initializer_list<const char*> wanted) {
    for (const char* w : wanted)
        for (const auto& name : names)
            if (lower(name) == lower(w)) return name;
    return {};
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string trimmed_text(const FieldValue& value) { return trimmed(to_text(value)); }

FixFieldNames find_fix_fields(const std::vector<std::string>& names, bool gpx) {
    FixFieldNames out;
    out.time = first_of(names, {"time", "timestamp", "datetime", "when"});
    out.vertex_times = first_of(names, {"coordTimes", "coordinateProperties"});
    out.officer = first_of(names, {"officer_id", "officer"});
    // A GPX track point's track is its track_fid: segments (track_seg_id) stay in one track.
    out.track = gpx ? first_of(names, {"track_fid"}) : first_of(names, {"track_id", "track"});
    static const std::pair<const char*, const char*> pairs[] = {
        {"lon", "lat"}, {"longitude", "latitude"}, {"lng", "lat"}, {"x", "y"}};
    for (const auto& [x, y] : pairs) {
        out.x_column = first_of(names, {x});
        out.y_column = first_of(names, {y});
        if (!out.x_column.empty() && !out.y_column.empty()) break;
        out.x_column.clear();
        out.y_column.clear();
    }
    return out;
}

std::optional<Timestamp> fix_time(const FieldValue& value, const std::string& zone, bool typed_time,
                                  std::string& reason) {
    if (const auto* t = std::get_if<Timestamp>(&value)) return *t;
    if (const auto* text = std::get_if<std::string>(&value)) {
        const std::string clean = trimmed(*text);
        if (clean.empty()) {
            reason = "is empty";
            return std::nullopt;
        }
        if (auto t = parse_iso8601(clean, zone)) return t;
        reason = "'" + *text + "' is not an ISO 8601 time";
        return std::nullopt;
    }
    if (std::holds_alternative<std::monostate>(value)) {
        reason = typed_time ? "is empty (or holds a time GDAL could not read)" : "is empty";
        return std::nullopt;
    }
    reason = "is a number, not an ISO 8601 time";
    return std::nullopt;
}

}  // namespace geo
