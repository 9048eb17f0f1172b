#include "geo/io/district_rows.h"

#include <set>

#include "geo/util/error.h"

namespace geo {
namespace {

// ---- writing ---------------------------------------------------------------------------

void put_extras(const ExtraFields& extras, Row& row) {
    for (const auto& [name, value] : extras) row.values.emplace(name, value);
}

FieldValue optional_time(const std::optional<Timestamp>& t) {
    return t ? FieldValue{*t} : FieldValue{};
}

std::string flags_text(const BuildingFlags& f) {
    std::string out;
    auto add = [&](bool on, const char* name) {
        if (!on) return;
        if (!out.empty()) out += ',';
        out += name;
    };
    add(f.elderly_alone, "elderly_alone");
    add(f.past_victim, "past_victim");
    add(f.no_app, "no_app");
    return out;
}

Row row_of(const Neighbourhood& n) {
    Row r{n.area, {}};
    r.values = {{"id", n.id}, {"name", n.name}, {"name_en", n.name_en},
                {"residents", n.residents}, {"transients", n.transients},
                {"households", n.households}, {"officer_id", n.officer_id},
                {"app_adoption", n.app_adoption ? FieldValue{*n.app_adoption} : FieldValue{}},
                {"liaison", n.liaison}};
    static constexpr const char* kAgeFields[4] = {"age_under_25", "age_25_44", "age_45_59", "age_60_plus"};
    for (std::size_t k = 0; k < 4; ++k) r.values[kAgeFields[k]] = n.age_share[k] ? FieldValue{*n.age_share[k]} : FieldValue{};
    put_extras(n.extras, r);
    return r;
}

Row row_of(const Officer& o) {
    Row r{o.post ? Geometry{*o.post} : Geometry{}, {}};
    r.values = {{"id", o.id}, {"name", o.name}, {"phone", o.phone},
                {"post_site_id", o.post_site_id}, {"weekly_hours", o.weekly_hours}, {"photo", o.photo}};
    put_extras(o.extras, r);
    return r;
}

Row row_of(const Incident& i) {
    Row r{i.location, {}};
    r.values = {{"id", i.id},
                {"time", i.time},
                {"fraud_type", std::string(name_of(i.fraud_type))},
                {"loss_yuan", i.loss_yuan},
                {"victim_age_band", std::string(name_of(i.victim_age_band))},
                {"outcome", std::string(name_of(i.outcome))},
                {"recovered_yuan", i.recovered_yuan},
                {"source", std::string(name_of(i.source))}};
    put_extras(i.extras, r);
    return r;
}

Row row_of(const Poster& p) {
    Row r{p.location, {}};
    r.values = {{"id", p.id}, {"kind", std::string(name_of(p.kind))},
                {"installed", optional_time(p.installed)}, {"removed", optional_time(p.removed)},
                {"building_id", p.building_id}};
    put_extras(p.extras, r);
    return r;
}

Row row_of(const Building& b) {
    Row r{b.footprint.empty() ? Geometry{b.location} : Geometry{b.footprint}, {}};
    r.values = {{"id", b.id}, {"neighbourhood_id", b.neighbourhood_id}, {"address", b.address},
                {"households", b.households}, {"flags", flags_text(b.flags)}};
    put_extras(b.extras, r);
    return r;
}

Row row_of(const Site& s) {
    Row r{s.location, {}};
    r.values = {{"id", s.id}, {"kind", std::string(name_of(s.kind))}, {"name", s.name},
                {"phone", s.phone}, {"audience", s.audience}};
    put_extras(s.extras, r);
    return r;
}

Row row_of(const Road& road) {
    Row r{road.line, {}};
    r.values = {{"id", road.id}, {"class", std::string(name_of(road.road_class))},
                {"name", road.name}, {"oneway", std::int64_t{road.oneway ? 1 : 0}},
                {"speed_kmh", road.speed_kmh}};
    put_extras(road.extras, r);
    return r;
}

Row row_of(const Warning& w) {
    Row r{w.location ? Geometry{*w.location} : Geometry{}, {}};
    r.values = {{"id", w.id},
                {"time", w.time},
                {"channel", std::string(name_of(w.channel))},
                {"site_id", w.site_id},
                {"neighbourhood_id", w.neighbourhood_id},
                {"outcome", std::string(name_of(w.outcome))},
                {"amount_protected_yuan", w.amount_protected_yuan},
                {"officer_id", w.officer_id}};
    put_extras(w.extras, r);
    return r;
}

Row row_of(const Vehicle& v) {
    Row r{Geometry{}, {}};
    r.values = {{"id", v.id},
                {"plate", v.plate},
                {"seats", v.seats},
                {"use", std::string(name_of(v.use))},
                {"school_transport_licence", std::int64_t{v.school_transport_licence ? 1 : 0}},
                {"owner", v.owner},
                {"school_id", v.school_id}};
    put_extras(v.extras, r);
    return r;
}

Row row_of(const Sighting& s) {
    Row r{s.location ? Geometry{*s.location} : Geometry{}, {}};
    r.values = {{"id", s.id},
                {"camera_id", s.camera_id},
                {"plate", s.plate},
                {"time", s.time},
                {"occupants", s.occupants ? FieldValue{*s.occupants} : FieldValue{}}};
    put_extras(s.extras, r);
    return r;
}

Row row_of(const Station& s) {
    Row r{Geometry{}, {}};
    r.values = {{"id", s.id}, {"name", s.name}, {"name_en", s.name_en}, {"role", s.role}};
    put_extras(s.extras, r);
    return r;
}

template <class T> void rows_of(const std::vector<T>& records, std::vector<Row>& out) {
    out.reserve(records.size());
    for (const auto& record : records) {
        out.push_back(row_of(record));
        if constexpr (requires { record.station_id; }) out.back().values["station_id"] = record.station_id;
    }
}

// ---- reading ---------------------------------------------------------------------------

class RowReader {
public:
    RowReader(const Row& row, const LayerSpec& spec, const std::string& file)
        : row_(row), spec_(spec), file_(file) {
        id_ = text("id");
    }

    const std::string& id() const { return id_; }

    std::string text(const std::string& name) const {
        const FieldValue* v = row_.get(name);
        return v ? to_text(*v) : std::string();
    }
    std::optional<double> real(const std::string& name) const {
        const FieldValue* v = row_.get(name);
        if (!v) return std::nullopt;
        if (const auto* d = std::get_if<double>(v)) return *d;
        if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
        if (std::holds_alternative<std::monostate>(*v)) return std::nullopt;
        throw bad(name, "is not a number");
    }
    std::int64_t integer(const std::string& name) const {
        const FieldValue* v = row_.get(name);
        if (!v || std::holds_alternative<std::monostate>(*v)) return 0;
        if (const auto* i = std::get_if<std::int64_t>(v)) return *i;
        if (const auto* d = std::get_if<double>(v)) return static_cast<std::int64_t>(*d);
        throw bad(name, "is not an integer");
    }
    std::optional<Timestamp> time(const std::string& name) const {
        const FieldValue* v = row_.get(name);
        if (!v || std::holds_alternative<std::monostate>(*v)) return std::nullopt;
        if (const auto* t = std::get_if<Timestamp>(v)) return *t;
        throw bad(name, "is not a date-time");
    }
    template <class E> E enumeration(const std::string& name, E fallback) const {
        const std::string t = text(name);
        if (t.empty()) return fallback;
        if (auto e = parse_enum<E>(t)) return *e;
        throw bad(name, "'" + t + "' is not one of " + allowed_names<E>());
    }
    // What every record takes the same way: its station (where it has one) and its extras.
    template <class Record> void finish(Record& record) const {
        if constexpr (requires { record.station_id; }) record.station_id = text("station_id");
        record.extras = extras();
    }
    ExtraFields extras() const {
        ExtraFields out;
        for (const auto& [name, value] : row_.values)
            if (!spec_.field(name)) out.emplace(name, value);
        return out;
    }
    XY point() const {
        if (const auto* p = std::get_if<XY>(&row_.geometry)) return *p;
        throw bad("", "has no point geometry");
    }
    BadInput bad(const std::string& field, const std::string& what) const {
        return BadInput(where(file_, id_, field) + (field.empty() ? ": " : " ") + what);
    }

private:
    const Row& row_;
    const LayerSpec& spec_;
    const std::string& file_;
    std::string id_;
};

BuildingFlags parse_flags(const std::string& text) {
    BuildingFlags f;
    f.elderly_alone = text.find("elderly_alone") != std::string::npos;
    f.past_victim = text.find("past_victim") != std::string::npos;
    f.no_app = text.find("no_app") != std::string::npos;
    return f;
}

void append_one(const RowReader& r, const Row& row, LayerKind kind, District& d) {
    switch (kind) {
        case LayerKind::neighbourhoods: {
            Neighbourhood n;
            n.id = r.id();
            n.name = r.text("name");
            n.name_en = r.text("name_en");
            n.residents = r.integer("residents");
            n.transients = r.integer("transients");
            n.households = r.integer("households");
            n.officer_id = r.text("officer_id");
            n.app_adoption = r.real("app_adoption");
            n.liaison = r.text("liaison");
            n.age_share = {r.real("age_under_25"), r.real("age_25_44"), r.real("age_45_59"), r.real("age_60_plus")};
            if (const auto* mp = std::get_if<MultiPolygon>(&row.geometry)) n.area = *mp;
            else throw r.bad("", "has no polygon geometry");
            r.finish(n);
            d.neighbourhoods.push_back(std::move(n));
            break;
        }
        case LayerKind::officers: {
            Officer o;
            o.id = r.id();
            o.name = r.text("name");
            o.phone = r.text("phone");
            o.post_site_id = r.text("post_site_id");
            o.weekly_hours = r.real("weekly_hours").value_or(0);
            o.photo = r.text("photo");
            if (const auto* p = std::get_if<XY>(&row.geometry)) o.post = *p;
            r.finish(o);
            d.officers.push_back(std::move(o));
            break;
        }
        case LayerKind::incidents: {
            Incident i;
            i.id = r.id();
            auto t = r.time("time");
            if (!t) throw r.bad("time", "is missing");
            i.time = *t;
            i.fraud_type = r.enumeration("fraud_type", FraudType::other);
            i.loss_yuan = r.real("loss_yuan").value_or(0);
            i.victim_age_band = r.enumeration("victim_age_band", AgeBand::unknown);
            i.outcome = r.enumeration("outcome", Outcome::unknown);
            i.recovered_yuan = r.real("recovered_yuan").value_or(0);
            i.source = r.enumeration("source", IncidentSource::unknown);
            i.location = r.point();
            r.finish(i);
            d.incidents.push_back(std::move(i));
            break;
        }
        case LayerKind::posters: {
            Poster p;
            p.id = r.id();
            p.kind = r.enumeration("kind", PosterKind::poster);
            p.installed = r.time("installed");
            p.removed = r.time("removed");
            p.building_id = r.text("building_id");
            p.location = r.point();
            r.finish(p);
            d.posters.push_back(std::move(p));
            break;
        }
        case LayerKind::buildings: {
            Building b;
            b.id = r.id();
            b.neighbourhood_id = r.text("neighbourhood_id");
            b.address = r.text("address");
            b.households = r.integer("households");
            b.flags = parse_flags(r.text("flags"));
            if (const auto* mp = std::get_if<MultiPolygon>(&row.geometry)) {
                b.footprint = *mp;
                b.location = centroid(*mp);
            } else {
                b.location = r.point();
            }
            r.finish(b);
            d.buildings.push_back(std::move(b));
            break;
        }
        case LayerKind::sites: {
            Site s;
            s.id = r.id();
            s.kind = r.enumeration("kind", SiteKind::other);
            s.name = r.text("name");
            s.phone = r.text("phone");
            s.audience = r.integer("audience");
            s.location = r.point();
            r.finish(s);
            d.sites.push_back(std::move(s));
            break;
        }
        case LayerKind::roads: {
            Road road;
            road.id = r.id();
            road.road_class = r.enumeration("class", RoadClass::local);
            road.name = r.text("name");
            road.oneway = r.integer("oneway") != 0;
            road.speed_kmh = r.real("speed_kmh").value_or(default_speed_kmh(road.road_class));
            if (const auto* ml = std::get_if<MultiLineString>(&row.geometry)) road.line = *ml;
            else throw r.bad("", "has no line geometry");
            r.finish(road);
            d.roads.push_back(std::move(road));
            break;
        }
        case LayerKind::warnings: {
            Warning w;
            w.id = r.id();
            auto t = r.time("time");
            if (!t) throw r.bad("time", "is missing");
            w.time = *t;
            w.channel = r.enumeration("channel", WarningChannel::other);
            w.site_id = r.text("site_id");
            w.neighbourhood_id = r.text("neighbourhood_id");
            w.outcome = r.enumeration("outcome", WarningOutcome::unknown);
            w.amount_protected_yuan = r.real("amount_protected_yuan").value_or(0);
            w.officer_id = r.text("officer_id");
            if (const auto* p = std::get_if<XY>(&row.geometry)) w.location = *p;
            r.finish(w);
            d.warnings.push_back(std::move(w));
            break;
        }
        case LayerKind::vehicles: {
            Vehicle v;
            v.id = r.id();
            v.plate = r.text("plate");
            if (v.plate.empty()) throw r.bad("plate", "is missing");
            v.seats = r.integer("seats");
            if (v.seats < 1) throw r.bad("seats", std::to_string(v.seats) + " is not a number of seats (1 or more)");
            v.use = r.enumeration("use", VehicleUse::non_commercial);
            v.school_transport_licence = r.integer("school_transport_licence") != 0;
            v.owner = r.text("owner");
            v.school_id = r.text("school_id");
            r.finish(v);
            d.vehicles.push_back(std::move(v));
            break;
        }
        case LayerKind::sightings: {
            Sighting s;
            s.id = r.id();
            s.camera_id = r.text("camera_id");
            s.plate = r.text("plate");
            if (s.plate.empty()) throw r.bad("plate", "is missing");
            auto t = r.time("time");
            if (!t) throw r.bad("time", "is missing");
            s.time = *t;
            if (auto n = r.real("occupants")) s.occupants = static_cast<std::int64_t>(*n);
            if (const auto* p = std::get_if<XY>(&row.geometry)) s.location = *p;
            r.finish(s);
            d.sightings.push_back(std::move(s));
            break;
        }
        case LayerKind::stations: {
            Station s;
            s.id = r.id();
            s.name = r.text("name");
            s.name_en = r.text("name_en");
            s.role = r.text("role");
            r.finish(s);
            d.stations.push_back(std::move(s));
            break;
        }
    }
}

}  // namespace

std::string to_text(const FieldValue& value) {
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.15g", d);
            return buf;
        }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(Timestamp t) const {
            return std::to_string(t.time_since_epoch().count());
        }
    };
    return std::visit(Visitor{}, value);
}

std::vector<Row> to_rows(const District& district, LayerKind kind) {
    std::vector<Row> out;
    switch (kind) {
        case LayerKind::neighbourhoods: rows_of(district.neighbourhoods, out); break;
        case LayerKind::officers: rows_of(district.officers, out); break;
        case LayerKind::incidents: rows_of(district.incidents, out); break;
        case LayerKind::posters: rows_of(district.posters, out); break;
        case LayerKind::buildings: rows_of(district.buildings, out); break;
        case LayerKind::sites: rows_of(district.sites, out); break;
        case LayerKind::roads: rows_of(district.roads, out); break;
        case LayerKind::warnings: rows_of(district.warnings, out); break;
        case LayerKind::vehicles: rows_of(district.vehicles, out); break;
        case LayerKind::sightings: rows_of(district.sightings, out); break;
        case LayerKind::stations: rows_of(district.stations, out); break;
    }
    return out;
}

void append_rows(const std::vector<Row>& rows, LayerKind kind, District& district,
                 const std::string& file) {
    const LayerSpec& spec = layer_spec(kind);
    for (const auto& row : rows) {
        RowReader reader(row, spec, file);
        append_one(reader, row, kind, district);
    }
}

}  // namespace geo
