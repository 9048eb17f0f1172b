#include "geo/edit/edit_json.h"

#include <cmath>
#include <limits>

#include "geo/util/error.h"
#include "geo/util/time_parse.h"

using nlohmann::json;

namespace geo {
namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

// ---- writing ---------------------------------------------------------------------------

json point_json(XY p) { return {{"x", p.x}, {"y", p.y}}; }

json time_json(const std::optional<Timestamp>& t) {
    return t ? json(format_iso8601_utc(*t)) : json(nullptr);
}

json real_json(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return v;
}

json value_json(const FieldValue& value) {
    return std::visit(Overloaded{
                          [](std::monostate) { return json(nullptr); },
                          [](std::int64_t v) { return json{{"integer", v}}; },
                          [](double v) { return json{{"real", real_json(v)}}; },
                          [](const std::string& v) { return json{{"text", v}}; },
                          [](Timestamp v) { return json{{"time", format_iso8601_utc(v)}}; },
                      },
                      value);
}

json poster_json(const Poster& p) {
    json extras = json::object();
    for (const auto& [name, value] : p.extras) extras[name] = value_json(value);
    return {{"id", p.id},
            {"kind", std::string(name_of(p.kind))},
            {"installed", time_json(p.installed)},
            {"removed", time_json(p.removed)},
            {"building_id", p.building_id},
            {"location", point_json(p.location)},
            {"extras", std::move(extras)}};
}

// ---- reading ---------------------------------------------------------------------------

// Reads one edit, naming the field of any problem: "CONTEXT: field poster.kind ...".
class EditReader {
public:
    explicit EditReader(const std::string& context) : context_(context) {}

    [[noreturn]] void fail(const std::string& field, const std::string& what) const {
        throw BadInput(context_ + (field.empty() ? ": " : ": field " + field + " ") + what);
    }

    const json& member(const json& object, const std::string& key, const std::string& at) const {
        if (!object.is_object()) fail(at, "is not a JSON object");
        auto it = object.find(key);
        if (it == object.end()) fail(join(at, key), "is missing");
        return *it;
    }

    std::string text(const json& object, const std::string& key, const std::string& at) const {
        const json& v = member(object, key, at);
        if (!v.is_string()) fail(join(at, key), "is not a string");
        return v.get<std::string>();
    }

    double real(const json& v, const std::string& field) const {
        if (v.is_number()) return v.get<double>();
        if (v.is_string()) {
            const auto s = v.get<std::string>();
            if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
            if (s == "inf") return std::numeric_limits<double>::infinity();
            if (s == "-inf") return -std::numeric_limits<double>::infinity();
        }
        fail(field, "is not a number");
    }

    XY point(const json& object, const std::string& key, const std::string& at) const {
        const std::string field = join(at, key);
        const json& p = member(object, key, at);
        const json& x = member(p, "x", field);
        const json& y = member(p, "y", field);
        if (!x.is_number() || !y.is_number()) fail(field, "is not a point {\"x\": .., \"y\": ..}");
        return {x.get<double>(), y.get<double>()};
    }

    std::size_t index(const json& object, const std::string& key, const std::string& at) const {
        const json& v = member(object, key, at);
        if (!v.is_number_unsigned()) fail(join(at, key), "is not a position (0, 1, 2 ...)");
        return v.get<std::size_t>();
    }

    Timestamp time(const json& v, const std::string& field) const {
        if (v.is_string())
            if (auto t = parse_iso8601(v.get<std::string>(), "UTC")) return *t;
        fail(field, "'" + (v.is_string() ? v.get<std::string>() : v.dump()) +
                        "' is not an ISO 8601 time");
    }

    std::optional<Timestamp> optional_time(const json& object, const std::string& key,
                                           const std::string& at) const {
        const json& v = member(object, key, at);
        if (v.is_null()) return std::nullopt;
        return time(v, join(at, key));
    }

    FieldValue value(const json& v, const std::string& field) const {
        if (v.is_null()) return std::monostate{};
        if (!v.is_object() || v.size() != 1)
            fail(field, "is not null or one of {\"integer\": ..}, {\"real\": ..}, {\"text\": ..}, "
                        "{\"time\": ..}");
        const std::string type = v.begin().key();
        const json& inner = v.begin().value();
        if (type == "integer") {
            if (!inner.is_number_integer() ||
                (inner.is_number_unsigned() &&
                 inner.get<std::uint64_t>() >
                     static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())))
                fail(field, "is not a 64-bit integer");
            return inner.get<std::int64_t>();
        }
        if (type == "real") return real(inner, field);
        if (type == "text") {
            if (!inner.is_string()) fail(field, "is not a string");
            return inner.get<std::string>();
        }
        if (type == "time") return time(inner, field);
        fail(field, "has unknown type '" + type + "' (integer, real, text or time)");
    }

    Poster poster(const json& object, const std::string& key) const {
        const json& p = member(object, key, "");
        Poster out;
        out.id = text(p, "id", key);
        const std::string kind = text(p, "kind", key);
        if (auto k = parse_enum<PosterKind>(kind)) out.kind = *k;
        else fail(key + ".kind", "'" + kind + "' is not one of " + allowed_names<PosterKind>());
        out.installed = optional_time(p, "installed", key);
        out.removed = optional_time(p, "removed", key);
        out.building_id = text(p, "building_id", key);
        out.location = point(p, "location", key);
        const json& extras = member(p, "extras", key);
        if (!extras.is_object()) fail(key + ".extras", "is not a JSON object");
        for (const auto& [name, v] : extras.items())
            out.extras.emplace(name, value(v, key + ".extras." + name));
        return out;
    }

    PosterEdit edit(const json& v) const {
        const std::string op = text(v, "op", "");
        if (op == "add") {
            AddPoster add{poster(v, "poster"), std::nullopt};
            if (v.contains("index")) add.index = index(v, "index", "");
            return add;
        }
        if (op == "move") return MovePoster{text(v, "id", ""), point(v, "from", ""), point(v, "to", "")};
        if (op == "delete") return DeletePoster{poster(v, "poster"), index(v, "index", "")};
        fail("op", "'" + op + "' is not one of add, move or delete");
    }

private:
    static std::string join(const std::string& at, const std::string& key) {
        return at.empty() ? key : at + "." + key;
    }
    const std::string& context_;
};

}  // namespace

json edit_to_json(const PosterEdit& edit) {
    return std::visit(Overloaded{
                          [](const AddPoster& e) {
                              json out = {{"op", "add"}, {"poster", poster_json(e.poster)}};
                              if (e.index) out["index"] = *e.index;
                              return out;
                          },
                          [](const MovePoster& e) {
                              return json{{"op", "move"},
                                          {"id", e.id},
                                          {"from", point_json(e.from)},
                                          {"to", point_json(e.to)}};
                          },
                          [](const DeletePoster& e) {
                              return json{{"op", "delete"},
                                          {"poster", poster_json(e.poster)},
                                          {"index", e.index}};
                          },
                      },
                      edit);
}

PosterEdit edit_from_json(const json& value, const std::string& context) {
    return EditReader(context).edit(value);
}

}  // namespace geo
