#include "geo/io/osm_source.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "geo/crs/crs.h"
#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"

namespace geo {
namespace {

struct SqlResult {
    GDALDataset* ds;
    OGRLayer* layer;
    ~SqlResult() {
        if (layer) ds->ReleaseResultSet(layer);
    }
};

std::string field_text(OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return (i >= 0 && f.IsFieldSetAndNotNull(i)) ? f.GetFieldAsString(i) : "";
}

std::string tag(const std::map<std::string, std::string>& tags, const std::string& key) {
    auto it = tags.find(key);
    return it == tags.end() ? std::string() : it->second;
}

void read_roads(GDALDataset& ds, SourceLayer& out) {
    SqlResult result{&ds, ds.ExecuteSQL("SELECT * FROM lines WHERE highway IS NOT NULL", nullptr,
                                        nullptr)};
    if (!result.layer) throw BadInput(out.file_label + ": has no OSM 'lines' layer");
    out.srs = copy_srs(result.layer->GetSpatialRef());
    out.layer_name = "lines";
    for (auto& f : *result.layer) {
        const auto tags = parse_osm_other_tags(field_text(*f, "other_tags"));
        const std::string highway = field_text(*f, "highway");
        const auto road_class = road_class_for_highway(highway, tag(tags, "service"));
        if (!road_class || !f->GetGeometryRef()) continue;
        SourceFeature sf;
        const std::string osm_id = field_text(*f, "osm_id");
        sf.label = "way " + osm_id;
        sf.geometry.reset(f->GetGeometryRef()->clone());
        const std::string oneway = tag(tags, "oneway");
        bool is_oneway = oneway == "yes" || oneway == "1" || oneway == "true" ||
                         tag(tags, "junction") == "roundabout" || highway == "motorway";
        if (oneway == "-1") {
            // Drawn against the direction of travel: reverse so "one-way" means as digitised.
            if (auto* line = dynamic_cast<OGRLineString*>(sf.geometry.get())) line->reversePoints();
            is_oneway = true;
        }
        if (oneway == "no") is_oneway = false;
        sf.fields = {{"id", osm_id},
                     {"class", std::string(name_of(*road_class))},
                     {"name", field_text(*f, "name")},
                     {"oneway", std::int64_t{is_oneway ? 1 : 0}},
                     {"highway", highway},
                     {"osm_id", osm_id}};
        if (auto speed = osm_speed_kmh(tag(tags, "maxspeed")); speed && *speed <= 200)
            sf.fields.emplace("speed_kmh", *speed);
        out.features.push_back(std::move(sf));
    }
}

void read_buildings(GDALDataset& ds, SourceLayer& out) {
    SqlResult result{&ds, ds.ExecuteSQL("SELECT * FROM multipolygons WHERE building IS NOT NULL",
                                        nullptr, nullptr)};
    if (!result.layer) throw BadInput(out.file_label + ": has no OSM 'multipolygons' layer");
    out.srs = copy_srs(result.layer->GetSpatialRef());
    out.layer_name = "multipolygons";
    std::size_t degenerate = 0;
    for (auto& f : *result.layer) {
        if (!f->GetGeometryRef()) continue;
        // Closed ways of fewer than three distinct nodes are mapping slips, not buildings.
        const auto* area = dynamic_cast<const OGRSurface*>(f->GetGeometryRef());
        const auto* multi = dynamic_cast<const OGRMultiSurface*>(f->GetGeometryRef());
        if ((area && area->get_Area() == 0) || (multi && multi->get_Area() == 0)) {
            ++degenerate;
            continue;
        }
        const auto tags = parse_osm_other_tags(field_text(*f, "other_tags"));
        const std::string way_id = field_text(*f, "osm_way_id");
        const std::string id = way_id.empty() ? "r" + field_text(*f, "osm_id") : way_id;
        SourceFeature sf;
        sf.label = (way_id.empty() ? "relation " : "way ") + id;
        sf.geometry.reset(f->GetGeometryRef()->clone());
        std::string address = tag(tags, "addr:street");
        if (!tag(tags, "addr:housenumber").empty())
            address += (address.empty() ? "" : " ") + tag(tags, "addr:housenumber");
        sf.fields = {{"id", id}, {"address", address}, {"building", field_text(*f, "building")}};
        const std::string flats = tag(tags, "building:flats");
        if (!flats.empty()) {
            char* end = nullptr;
            const long n = std::strtol(flats.c_str(), &end, 10);
            if (*end == '\0' && n >= 0) sf.fields.emplace("households", std::int64_t{n});
        }
        if (!field_text(*f, "name").empty()) sf.fields.emplace("name", field_text(*f, "name"));
        out.features.push_back(std::move(sf));
    }
    if (degenerate)
        out.notes.push_back(out.file_label + ": left out " + std::to_string(degenerate) +
                            " building ways with no area (fewer than three distinct nodes)");
}

}  // namespace

std::map<std::string, std::string> parse_osm_other_tags(const std::string& hstore) {
    std::map<std::string, std::string> tags;
    std::size_t i = 0;
    auto quoted = [&](std::string& out) {
        while (i < hstore.size() && hstore[i] != '"') ++i;
        if (i >= hstore.size()) return false;
        ++i;
        out.clear();
        while (i < hstore.size() && hstore[i] != '"') {
            if (hstore[i] == '\\' && i + 1 < hstore.size()) ++i;
            out += hstore[i++];
        }
        if (i >= hstore.size()) return false;
        ++i;
        return true;
    };
    std::string key, value;
    while (quoted(key)) {
        if (hstore.compare(i, 2, "=>") != 0) break;
        i += 2;
        if (!quoted(value)) break;
        tags[key] = value;
    }
    return tags;
}

std::optional<RoadClass> road_class_for_highway(const std::string& highway,
                                                const std::string& service) {
    static const std::array<std::pair<const char*, RoadClass>, 24> table = {{
        {"motorway", RoadClass::provincial}, {"motorway_link", RoadClass::provincial},
        {"trunk", RoadClass::provincial}, {"trunk_link", RoadClass::provincial},
        {"primary", RoadClass::provincial}, {"primary_link", RoadClass::provincial},
        {"secondary", RoadClass::arterial}, {"secondary_link", RoadClass::arterial},
        {"tertiary", RoadClass::arterial}, {"tertiary_link", RoadClass::arterial},
        {"residential", RoadClass::local}, {"unclassified", RoadClass::local},
        {"living_street", RoadClass::local}, {"road", RoadClass::local},
        {"service", RoadClass::alley}, {"track", RoadClass::path},
        {"footway", RoadClass::path}, {"path", RoadClass::path},
        {"pedestrian", RoadClass::path}, {"steps", RoadClass::path},
        {"cycleway", RoadClass::path}, {"bridleway", RoadClass::path},
        {"corridor", RoadClass::path}, {"elevator", RoadClass::path},
    }};
    (void)service;  // service=alley / parking_aisle / driveway are all alleys to us
    for (const auto& [name, road_class] : table)
        if (highway == name) return road_class;
    return std::nullopt;
}

std::optional<double> osm_speed_kmh(const std::string& maxspeed) {
    if (maxspeed.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(maxspeed.c_str(), &end);
    if (end == maxspeed.c_str() || !(v > 0)) return std::nullopt;
    std::string unit(end);
    unit.erase(0, unit.find_first_not_of(' '));
    if (unit.empty() || unit == "km/h" || unit == "kmh") return v;
    if (unit == "mph") return v * 1.609344;
    return std::nullopt;
}

SourceLayer read_osm_source(const SourceRequest& request, const std::string& label) {
    if (request.target != LayerKind::roads && request.target != LayerKind::buildings)
        throw BadInput(label + ": an OSM extract imports as --layer roads or --layer buildings");
    GdalDatasetPtr ds = open_vector(request.path, false);
    if (!ds) throw BadInput(label + ": GDAL cannot read it as OSM (" + last_gdal_error() + ")");
    SourceLayer out;
    out.file_label = label;
    out.fields_are_ours = true;
    if (request.target == LayerKind::roads) read_roads(*ds, out);
    else read_buildings(*ds, out);
    for (const auto& f : out.features)
        for (const auto& [name, value] : f.fields)
            if (std::find(out.field_names.begin(), out.field_names.end(), name) == out.field_names.end())
                out.field_names.push_back(name);
    return out;
}

}  // namespace geo
