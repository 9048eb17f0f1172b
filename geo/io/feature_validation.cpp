#include "geo/io/feature_validation.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "geo/io/ogr_geometry.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

// A problem with one feature: thrown inside this file, turned into a Rejection.
struct Problem {
    std::string field;
    std::string reason;
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string quoted(const std::string& s) {
    return "'" + (s.size() > 60 ? s.substr(0, 57) + "..." : s) + "'";
}

std::string allowed_text(const FieldSpec& spec) {
    std::string out;
    for (std::size_t i = 0; i < spec.allowed.size(); ++i) {
        if (i) out += (i + 1 == spec.allowed.size()) ? " or " : ", ";
        out += spec.allowed[i];
    }
    return out;
}

std::string number_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

bool is_null(const FieldValue& v) {
    if (std::holds_alternative<std::monostate>(v)) return true;
    if (const auto* s = std::get_if<std::string>(&v)) return trim(*s).empty();
    return false;
}

std::string raw_text(const FieldValue& v) {
    if (const auto* t = std::get_if<Timestamp>(&v)) return format_iso8601_utc(*t);
    return to_text(v);
}

double to_number(const FieldSpec& spec, const FieldValue& v) {
    double d = 0;
    if (const auto* i = std::get_if<std::int64_t>(&v)) d = static_cast<double>(*i);
    else if (const auto* r = std::get_if<double>(&v)) d = *r;
    else {
        const std::string text = trim(raw_text(v));
        char* end = nullptr;
        d = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0')
            throw Problem{std::string(spec.name), quoted(text) + " is not a number"};
    }
    if (!std::isfinite(d))
        throw Problem{std::string(spec.name), quoted(raw_text(v)) + " is not a finite number"};
    if (d < spec.min || d > spec.max)
        throw Problem{std::string(spec.name), number_text(d) + " is outside " +
                                                  number_text(spec.min) + ".." + number_text(spec.max)};
    return d;
}

std::string normalise_word(const std::string& s) {
    std::string out = lower(trim(s));
    for (char& c : out)
        if (c == ' ' || c == '-') c = '_';
    return out;
}

std::string mapped_value(const std::string& field, const std::string& text,
                         const ImportOptions& options) {
    auto it = options.value_map.find(field);
    if (it == options.value_map.end()) return text;
    const auto& table = it->second;
    if (auto exact = table.find(text); exact != table.end()) return exact->second;
    for (const auto& [from, to] : table)
        if (from != "*" && lower(trim(from)) == lower(trim(text))) return to;
    if (auto any = table.find("*"); any != table.end()) return any->second;
    return text;
}

FieldValue convert(const FieldSpec& spec, const FieldValue& raw, const ImportOptions& options,
                   const std::string& zone) {
    const std::string name(spec.name);
    switch (spec.kind) {
        case FieldKind::text: return trim(raw_text(raw));
        case FieldKind::integer: {
            const double d = to_number(spec, raw);
            if (d != std::floor(d))
                throw Problem{name, number_text(d) + " is not a whole number"};
            return static_cast<std::int64_t>(d);
        }
        case FieldKind::real: return to_number(spec, raw);
        case FieldKind::datetime: {
            if (const auto* t = std::get_if<Timestamp>(&raw)) return *t;
            const std::string text = trim(raw_text(raw));
            std::optional<Timestamp> t = options.time_format.empty()
                                             ? parse_iso8601(text, zone)
                                             : parse_with_format(text, options.time_format, zone);
            if (!t)
                throw Problem{name, quoted(text) + (options.time_format.empty()
                                                        ? " is not ISO 8601 (or give --time-format)"
                                                        : " does not match --time-format '" +
                                                              options.time_format + "'")};
            return *t;
        }
        case FieldKind::boolean: {
            const std::string t = normalise_word(raw_text(raw));
            if (t == "1" || t == "true" || t == "yes" || t == "y" || t == "t") return std::int64_t{1};
            if (t == "0" || t == "false" || t == "no" || t == "n" || t == "f") return std::int64_t{0};
            throw Problem{name, quoted(raw_text(raw)) + " is not yes/no, true/false or 1/0"};
        }
        case FieldKind::enumeration: {
            const std::string original = trim(raw_text(raw));
            const std::string value = normalise_word(mapped_value(name, original, options));
            for (const auto& allowed : spec.allowed)
                if (allowed == value) return std::string(allowed);
            throw Problem{name, quoted(original) + " is not one of " + allowed_text(spec) +
                                    " (translate values with --map-values " + name + ":FROM=TO)"};
        }
        case FieldKind::flags: {
            std::string text = mapped_value(name, trim(raw_text(raw)), options);
            std::replace_if(text.begin(), text.end(), [](char c) { return c == ';' || c == '|' || c == ' '; }, ',');
            std::vector<std::string> kept;
            std::size_t start = 0;
            while (start <= text.size()) {
                const auto end = std::min(text.find(',', start), text.size());
                const std::string word = normalise_word(text.substr(start, end - start));
                start = end + 1;
                if (word.empty()) continue;
                if (std::find(spec.allowed.begin(), spec.allowed.end(), word) == spec.allowed.end())
                    throw Problem{name, "flag " + quoted(word) + " is not one of " + allowed_text(spec)};
                if (std::find(kept.begin(), kept.end(), word) == kept.end()) kept.push_back(word);
            }
            std::string out;
            for (const auto& allowed : spec.allowed)
                if (std::find(kept.begin(), kept.end(), std::string(allowed)) != kept.end())
                    out += (out.empty() ? "" : ",") + std::string(allowed);
            return out;
        }
    }
    return raw;
}

FieldValue default_value(const FieldSpec& spec) {
    if (spec.default_value.empty()) {
        if (spec.kind == FieldKind::text || spec.kind == FieldKind::flags) return std::string();
        return std::monostate{};
    }
    const std::string d(spec.default_value);
    switch (spec.kind) {
        case FieldKind::integer:
        case FieldKind::boolean: return static_cast<std::int64_t>(std::atoll(d.c_str()));
        case FieldKind::real: return std::atof(d.c_str());
        default: return d;
    }
}

// ---- geometry ---------------------------------------------------------------------------

bool all_finite(const Geometry& g) {
    // |coordinate| > 1e12 is no place on Earth in any CRS: a "no point" placeholder such as
    // the Shapefile's -1.8e308.
    auto ok = [](const XY& p) {
        return std::isfinite(p.x) && std::isfinite(p.y) && std::abs(p.x) < 1e12 && std::abs(p.y) < 1e12;
    };
    if (const auto* p = std::get_if<XY>(&g)) return ok(*p);
    if (const auto* mp = std::get_if<MultiPolygon>(&g)) {
        for (const auto& poly : *mp) {
            if (!std::all_of(poly.outer.begin(), poly.outer.end(), ok)) return false;
            for (const auto& hole : poly.holes)
                if (!std::all_of(hole.begin(), hole.end(), ok)) return false;
        }
        return true;
    }
    if (const auto* ml = std::get_if<MultiLineString>(&g)) {
        for (const auto& line : *ml)
            if (!std::all_of(line.begin(), line.end(), ok)) return false;
        return true;
    }
    return true;
}

template <class F> bool for_each_vertex(Geometry& g, F&& f) {
    if (auto* p = std::get_if<XY>(&g)) return f(*p);
    if (auto* mp = std::get_if<MultiPolygon>(&g)) {
        for (auto& poly : *mp) {
            for (auto& v : poly.outer)
                if (!f(v)) return false;
            for (auto& hole : poly.holes)
                for (auto& v : hole)
                    if (!f(v)) return false;
        }
        return true;
    }
    if (auto* ml = std::get_if<MultiLineString>(&g)) {
        for (auto& line : *ml)
            for (auto& v : line)
                if (!f(v)) return false;
    }
    return true;
}

const char* geometry_words(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::point:
        case GeometryKind::optional_point: return "a point";
        case GeometryKind::polygon: return "a polygon";
        case GeometryKind::point_or_polygon: return "a point or a polygon";
        case GeometryKind::line: return "a line";
        case GeometryKind::none: return "no geometry";
    }
    return "";
}

bool type_fits(GeometryKind kind, const Geometry& g) {
    switch (kind) {
        case GeometryKind::point:
        case GeometryKind::optional_point: return std::holds_alternative<XY>(g);
        case GeometryKind::polygon: return std::holds_alternative<MultiPolygon>(g);
        case GeometryKind::point_or_polygon:
            return std::holds_alternative<XY>(g) || std::holds_alternative<MultiPolygon>(g);
        case GeometryKind::line: return std::holds_alternative<MultiLineString>(g);
        case GeometryKind::none: return std::holds_alternative<std::monostate>(g);
    }
    return false;
}

std::string xy_text(const XY& p) { return "(" + number_text(p.x) + ", " + number_text(p.y) + ")"; }

// Puts the geometry in the workspace CRS and checks it; throws Problem.
Geometry place_geometry(const OGRGeometry* source, const GeometryContext& ctx,
                        std::string& repaired) {
    const LayerSpec& spec = *ctx.spec;
    // A register (vehicles) has no place: a source that gives one (a CSV read with --lonlat, a
    // GeoJSON) is read for its fields alone.
    if (spec.geometry == GeometryKind::none) return std::monostate{};
    if (!source || source->IsEmpty()) {
        if (spec.geometry == GeometryKind::optional_point) return std::monostate{};
        throw Problem{"", std::string("has no geometry; ") + std::string(spec.name) + " need " +
                              geometry_words(spec.geometry)};
    }
    // A multi-point of one point is a point.
    OgrGeometryPtr single;
    if (wkbFlatten(source->getGeometryType()) == wkbMultiPoint &&
        source->toMultiPoint()->getNumGeometries() == 1) {
        single.reset(source->toMultiPoint()->getGeometryRef(0)->clone());
        source = single.get();
    }
    Geometry g = from_ogr(*source);
    if (!type_fits(spec.geometry, g))
        throw Problem{"", std::string("geometry is a ") + OGRGeometryTypeToName(source->getGeometryType()) +
                              "; " + std::string(spec.name) + " need " + geometry_words(spec.geometry)};
    if (!all_finite(g)) throw Problem{"", "geometry has a coordinate that is NaN, infinite or a placeholder for no location"};

    // Source -> lon/lat: checks the source CRS's area of use and applies a Chinese datum.
    Geometry lonlat = g;
    XY bad{};
    const bool lonlat_ok = for_each_vertex(lonlat, [&](XY& v) {
        bad = v;
        auto t = ctx.to_lonlat->apply(v);
        if (!t) return false;
        v = *t;
        return true;
    });
    if (!lonlat_ok)
        throw Problem{"", "location " + xy_text(bad) + " cannot be transformed from " + ctx.source_crs_name};
    if (ctx.source_area) {
        XY outside{};
        const bool inside = for_each_vertex(lonlat, [&](XY& v) {
            outside = v;
            return ctx.source_area->contains(v.x, v.y, 0.5);
        });
        if (!inside) {
            XY original{};
            for_each_vertex(g, [&](XY& v) { original = v; return false; });
            throw Problem{"", "location " + xy_text(original) + " lies outside the area where " +
                                  ctx.source_crs_name + " is valid (it maps to lon " +
                                  number_text(outside.x) + ", lat " + number_text(outside.y) + ")"};
        }
    }
    Geometry placed;
    if (ctx.datum != ChineseDatum::none) {
        placed = lonlat;
        const bool ok = for_each_vertex(placed, [&](XY& v) {
            const LonLat fixed = to_wgs84(LonLat{v.x, v.y}, ctx.datum);
            auto t = ctx.lonlat_to_workspace->apply(XY{fixed.lon, fixed.lat});
            if (!t) return false;
            v = *t;
            return true;
        });
        if (!ok) throw Problem{"", "cannot be transformed to " + ctx.workspace_crs_name};
    } else {
        placed = g;
        const bool ok = for_each_vertex(placed, [&](XY& v) {
            auto t = ctx.to_workspace->apply(v);
            if (!t) return false;
            v = *t;
            return true;
        });
        if (!ok) throw Problem{"", "cannot be transformed to " + ctx.workspace_crs_name};
    }
    if (ctx.workspace_area) {
        const bool inside = for_each_vertex(lonlat, [&](XY& v) {
            return ctx.workspace_area->contains(v.x, v.y, 3.0);
        });
        if (!inside)
            throw Problem{"", "lies outside the area where the workspace CRS " +
                                  ctx.workspace_crs_name + " is usable"};
    }

    if (std::holds_alternative<MultiPolygon>(placed)) {
        OgrGeometryPtr ogr = to_ogr(placed);
        if (!ogr->IsValid()) {
            OgrGeometryPtr fixed(ogr->MakeValid());
            // MakeValid may return polygons mixed with the lines and points it cut away:
            // keep the polygonal part.
            if (fixed && wkbFlatten(fixed->getGeometryType()) == wkbGeometryCollection) {
                auto* polygons = new OGRMultiPolygon();
                for (const auto* part : *fixed->toGeometryCollection()) {
                    const auto t = wkbFlatten(part->getGeometryType());
                    if (t == wkbPolygon) polygons->addGeometry(part);
                    if (t == wkbMultiPolygon)
                        for (const auto* p : *part->toMultiPolygon()) polygons->addGeometry(p);
                }
                fixed.reset(polygons);
            }
            const bool polygonal =
                fixed && !fixed->IsEmpty() &&
                (wkbFlatten(fixed->getGeometryType()) == wkbPolygon ||
                 wkbFlatten(fixed->getGeometryType()) == wkbMultiPolygon);
            if (!polygonal)
                throw Problem{"", "polygon is invalid (self-intersecting or degenerate) and cannot be repaired"};
            placed = from_ogr(*fixed);
            repaired = "polygon was invalid and has been repaired";
        }
        if (area_m2(std::get<MultiPolygon>(placed)) <= 0)
            throw Problem{"", "polygon has no area"};
    }
    if (ctx.district && (spec.geometry == GeometryKind::point ||
                         spec.geometry == GeometryKind::optional_point ||
                         spec.geometry == GeometryKind::point_or_polygon)) {
        std::size_t index = 0, outside = 0;
        const bool inside = for_each_vertex(placed, [&](XY& v) {
            outside = index++;
            return ctx.district->contains(v);
        });
        if (!inside) {
            XY original{}, ll{};
            index = 0;
            for_each_vertex(g, [&](XY& v) { original = v; return index++ < outside; });
            index = 0;
            for_each_vertex(lonlat, [&](XY& v) { ll = v; return index++ < outside; });
            throw Problem{"", "location " + xy_text(original) + " (lon " + number_text(ll.x) +
                                  ", lat " + number_text(ll.y) +
                                  ") lies outside the district (the neighbourhoods' extent grown by " +
                                  number_text(kDistrictMarginM / 1000) + " km)"};
        }
    }
    return placed;
}

std::string matching_name(const std::vector<std::string>& names, const std::string& wanted) {
    for (const auto& n : names)
        if (lower(n) == lower(wanted)) return n;
    return {};
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out.empty() ? "none" : out;
}

}  // namespace

FieldPlan plan_fields(const LayerSpec& spec, const SourceLayer& source,
                      const ImportOptions& options) {
    FieldPlan plan;
    std::vector<std::string> our_names;
    for (const auto& f : spec.fields) our_names.emplace_back(f.name);
    auto check_ours = [&](const std::string& ours, const char* flag) {
        if (!spec.field(ours))
            throw BadInput(std::string(flag) + " " + ours + "=...: " + std::string(spec.name) +
                           " has no field '" + ours + "' (fields: " + joined(our_names) + ")");
    };
    std::set<std::string> used_sources;
    for (const auto& [ours, theirs] : options.field_map) {
        check_ours(ours, "--field");
        const std::string actual = matching_name(source.field_names, theirs);
        if (actual.empty())
            throw BadInput(source.file_label + ": --field " + ours + "=" + theirs +
                           " names a field the source does not have (fields: " +
                           joined(source.field_names) + ")");
        plan.ours[ours].source_field = actual;
        used_sources.insert(actual);
    }
    for (const auto& [ours, value] : options.constants) {
        check_ours(ours, "--set");
        plan.ours[ours] = FieldPlan::Origin{"", value};
    }
    for (const auto& [ours, table] : options.value_map) check_ours(ours, "--map-values");
    for (const auto& f : spec.fields) {
        const std::string ours(f.name);
        if (plan.ours.count(ours)) continue;
        const std::string same = matching_name(source.field_names, ours);
        if (!same.empty() && !used_sources.count(same)) {
            plan.ours[ours].source_field = same;
            used_sources.insert(same);
        } else if (f.required && ours != "id") {
            throw BadInput(source.file_label + ": " + std::string(spec.name) +
                           " need the field '" + ours + "' (" + std::string(f.meaning) +
                           "); map it with --field " + ours +
                           "=THEIRS or --set " + ours + "=VALUE (source fields: " +
                           joined(source.field_names) + ")");
        }
    }
    // Everything else is kept, renamed where it would clash with ours or GeoPackage's columns.
    for (const auto& name : source.field_names) {
        const std::string l = lower(name);
        bool stored_as_ours = false;
        for (const auto& [ours, origin] : plan.ours)
            if (origin.source_field == name && ours == l) stored_as_ours = true;
        if (stored_as_ours) continue;  // already stored under our field of the same name
        std::string stored = name;
        if (spec.field(l) || l == "fid" || l == "geom") stored = "src_" + name;
        plan.extras.emplace_back(name, stored);
    }
    return plan;
}

std::string Rejection::sentence() const {
    return where(file, feature, field) + (field.empty() ? ": " : " ") + reason;
}

ValidatedFeature validate_feature(const SourceFeature& feature, const SourceLayer& source,
                                  const FieldPlan& plan, const GeometryContext& geometry,
                                  const ImportOptions& options, const std::string& zone) {
    ValidatedFeature out;
    const LayerSpec& spec = *geometry.spec;
    Row row;
    // Messages name the feature by the user's own id when the source has one, else by the
    // source's feature number.
    std::string label = feature.label;
    auto raw_value = [&](const std::string& name) -> FieldValue {
        auto origin = plan.ours.find(name);
        if (origin == plan.ours.end()) return std::monostate{};
        if (origin->second.constant) return *origin->second.constant;
        auto v = feature.fields.find(origin->second.source_field);
        return v == feature.fields.end() ? FieldValue{} : v->second;
    };
    if (const FieldValue id = raw_value("id"); !is_null(id)) label = trim(raw_text(id));
    try {
        if (!feature.geometry_problem.empty()) throw Problem{"", feature.geometry_problem};
        row.geometry = place_geometry(feature.geometry.get(), geometry, out.repaired);
        for (const auto& f : spec.fields) {
            const std::string name(f.name);
            FieldValue raw = raw_value(name);
            if (name == "id" && is_null(raw)) raw = feature.label;  // the source's own feature id
            if (is_null(raw)) {
                if (f.required) throw Problem{name, "is missing"};
                row.values[name] = default_value(f);
                continue;
            }
            row.values[name] = convert(f, raw, options, zone);
        }
        for (const auto& [source_name, stored] : plan.extras) {
            auto v = feature.fields.find(source_name);
            if (v != feature.fields.end()) row.values[stored] = v->second;
        }
        out.row = std::move(row);
    } catch (const Problem& p) {
        out.rejection = Rejection{source.file_label, label, p.field, p.reason};
    }
    out.label = label;
    return out;
}

}  // namespace geo
