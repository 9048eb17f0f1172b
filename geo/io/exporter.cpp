#include "geo/io/exporter.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "geo/crs/crs.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/ogr_fields.h"
#include "geo/io/ogr_geometry.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"
#include "geo/util/time_parse.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool wants_wgs84(const std::string& driver) {
    return driver == "GeoJSON" || driver == "KML" || driver == "LIBKML" || driver == "GPX";
}

// Incident fields the public may see; everything else about a case stays inside.
const std::set<std::string> kPublicIncidentFields = {"id", "time", "fraud_type"};
// A warning names a person who was about to be defrauded: the public sees when, how and what
// came of it, never the sum or the officer, and the place only to its 100 m cell.
const std::set<std::string> kPublicWarningFields = {"id", "time", "channel", "outcome", "neighbourhood_id"};

// A plate is personal data (it names the keeper), and so is an id, which a traffic police
// export often makes of the plate: a public copy of the vehicles keeps what kind of vehicle it
// is, of the sightings where, which day and how many were aboard.
const std::set<std::string> kPublicVehicleFields = {"seats", "use", "school_transport_licence", "school_id"};
const std::set<std::string> kPublicSightingFields = {"camera_id", "time", "occupants"};

// The public sees the day, not the hour: `time` becomes the local day in the workspace's zone
// ("2021-06-07" for 07:22 in Shanghai, which is still the 6th in UTC), as ISO 8601 text that
// imports again as that day's local midnight.
Row public_row(const Row& row, const std::set<std::string>& fields, const std::string& zone) {
    Row out;
    for (const auto& name : fields)
        if (const FieldValue* v = row.get(name)) out.values[name] = *v;
    if (auto t = out.values.find("time"); t != out.values.end())
        if (const auto* at = std::get_if<Timestamp>(&t->second)) t->second = format_local(*at, zone, "%Y-%m-%d");
    if (const auto* p = std::get_if<XY>(&row.geometry)) out.geometry = public_cell(*p);
    return out;
}

OGRwkbGeometryType layer_type(const std::vector<Row>& rows) {
    OGRwkbGeometryType type = wkbNone;
    for (const auto& row : rows) {
        OGRwkbGeometryType t = std::holds_alternative<XY>(row.geometry)              ? wkbPoint
                               : std::holds_alternative<MultiPolygon>(row.geometry)    ? wkbMultiPolygon
                               : std::holds_alternative<MultiLineString>(row.geometry) ? wkbMultiLineString
                                                                                       : wkbNone;
        if (t == wkbNone) continue;
        if (type == wkbNone) type = t;
        else if (type != t) return wkbUnknown;
    }
    return type == wkbNone ? wkbUnknown : type;
}

}  // namespace

XY public_cell(XY p) {
    return {(std::floor(p.x / kPublicGridM) + 0.5) * kPublicGridM, (std::floor(p.y / kPublicGridM) + 0.5) * kPublicGridM};
}

std::string driver_for_output(const fs::path& output) {
    const std::string name = lower(output.filename().string());
    auto ends = [&](const char* suffix) {
        const std::string s(suffix);
        return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".geojson") || ends(".json")) return "GeoJSON";
    if (ends(".gpkg")) return "GPKG";
    if (ends(".shp")) return "ESRI Shapefile";
    if (ends(".csv")) return "CSV";
    if (ends(".kml")) return "KML";
    if (ends(".fgb")) return "FlatGeobuf";
    if (ends(".gpx")) return "GPX";
    if (ends(".gml")) return "GML";
    if (ends(".sqlite")) return "SQLite";
    throw BadInput(output.string() + ": unknown output format; use .geojson, .gpkg, .shp, .csv, "
                   ".kml, .fgb, .gml or .sqlite");
}

ExportResult export_layer(const fs::path& workspace, const ExportOptions& options) {
    ensure_gdal_ready();
    const Metadata metadata = read_metadata(workspace);
    const LayerSpec& spec = layer_spec(options.kind);
    ExportResult result;
    result.driver = driver_for_output(options.output);
    if (metadata.crs.empty()) throw BadInput(workspace.string() + ": the workspace has no CRS yet (import something first)");

    std::vector<Row> rows = read_rows(workspace, options.kind);
    if (options.public_copy && options.kind == LayerKind::incidents)
        for (auto& row : rows) row = public_row(row, kPublicIncidentFields, metadata.timezone);
    if (options.public_copy && options.kind == LayerKind::warnings)
        for (auto& row : rows) row = public_row(row, kPublicWarningFields, metadata.timezone);
    if (options.public_copy && options.kind == LayerKind::vehicles)
        for (auto& row : rows) row = public_row(row, kPublicVehicleFields, metadata.timezone);
    if (options.public_copy && options.kind == LayerKind::sightings)
        for (auto& row : rows) row = public_row(row, kPublicSightingFields, metadata.timezone);

    const OGRSpatialReference ws = make_srs(metadata.crs, "workspace CRS");
    OGRSpatialReference out_srs = !options.crs.empty() ? make_srs(options.crs, "--crs")
                                  : wants_wgs84(result.driver) ? wgs84()
                                                               : ws;
    result.crs = srs_to_text(out_srs);
    const Transform transform(ws, out_srs);

    // Written into a private folder, moved into place only when complete.
    const fs::path target = fs::absolute(options.output);
    if (!fs::exists(target.parent_path()))
        throw BadInput(options.output.string() + ": folder " + target.parent_path().string() + " does not exist");
    const fs::path staging = target.parent_path() / (".export-" + std::to_string(::getpid()));
    fs::remove_all(staging);
    fs::create_directory(staging);
    struct Cleanup {
        fs::path dir;
        ~Cleanup() { std::error_code ec; fs::remove_all(dir, ec); }
    } cleanup{staging};

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(result.driver.c_str());
    if (!driver) throw InternalError("GDAL has no " + result.driver + " driver");
    const fs::path staged = staging / target.filename();
    {
        GdalDatasetPtr ds(driver->Create(staged.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw IoError("cannot create " + options.output.string() + ": " + last_gdal_error());
        std::vector<const char*> layer_options;
        if (result.driver == "ESRI Shapefile") layer_options.push_back("ENCODING=UTF-8");
        if (result.driver == "CSV") layer_options.push_back("GEOMETRY=AS_WKT");
        layer_options.push_back(nullptr);
        const OGRwkbGeometryType type = spec.geometry == GeometryKind::none ? wkbNone : layer_type(rows);
        OGRLayer* layer = ds->CreateLayer(std::string(spec.name).c_str(), type == wkbNone ? nullptr : &out_srs, type,
                                          const_cast<char**>(layer_options.data()));
        if (!layer) throw IoError("cannot create layer in " + options.output.string() + ": " + last_gdal_error());
        // Our fields in schema order, then extras in name order.
        std::vector<std::string> names;
        std::map<std::string, OGRFieldType> types;
        // Formats without a date-time type (KML, CSV, Shapefile) get ISO 8601 text, which
        // reads back exactly, instead of GDAL's "YYYY/MM/DD HH:MM:SS+00".
        const char* type_list = driver->GetMetadataItem(GDAL_DMD_CREATIONFIELDDATATYPES);
        const bool native_datetime = type_list && std::string(type_list).find("DateTime") != std::string::npos &&
                                     result.driver != "ESRI Shapefile" && result.driver != "CSV";
        if (!native_datetime)
            for (auto& row : rows)
                for (auto& [name, value] : row.values)
                    if (const auto* t = std::get_if<Timestamp>(&value)) value = format_iso8601_utc(*t);
        for (const auto& row : rows)
            for (const auto& [name, value] : row.values)
                if (!std::holds_alternative<std::monostate>(value) && !types.count(name))
                    types[name] = storage_type(value);
        for (const auto& f : spec.fields)
            if (types.count(std::string(f.name))) names.emplace_back(f.name);
        for (const auto& [name, type] : types)
            if (!spec.field(name)) names.push_back(name);
        // Indexes by creation order: some formats shorten names (DBF keeps 10 characters).
        std::map<std::string, int> index_of;
        for (const auto& name : names) {
            OGRFieldDefn defn(name.c_str(), types[name]);
            if (layer->CreateField(&defn) != OGRERR_NONE)
                throw IoError("cannot create field " + name + ": " + last_gdal_error());
            index_of[name] = layer->GetLayerDefn()->GetFieldCount() - 1;
        }
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (const auto& row : rows) {
            OgrFeaturePtr f(OGRFeature::CreateFeature(defn));
            for (const auto& [name, value] : row.values)
                if (auto it = index_of.find(name); it != index_of.end()) set_value(*f, it->second, value);
            if (OgrGeometryPtr g = to_ogr(row.geometry)) {
                if (!transform.apply(*g)) throw InternalError("cannot transform a feature to " + result.crs);
                g->assignSpatialReference(&out_srs);
                f->SetGeometryDirectly(g.release());
            }
            if (layer->CreateFeature(f.get()) != OGRERR_NONE)
                throw IoError("cannot write " + options.output.string() + ": " + last_gdal_error());
            ++result.written;
        }
        CPLErrorReset();
    }
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError("cannot finish " + options.output.string() + ": " + last_gdal_error());
    // Move every file the driver wrote (a Shapefile is several) next to the target, private
    // (0600) and flushed to disk first, as PendingFile does for single files.
    for (const auto& entry : fs::directory_iterator(staging)) {
        std::error_code ec;
        fs::permissions(entry.path(), kPrivateFilePerms, fs::perm_options::replace, ec);
        if (ec) throw IoError("cannot make " + entry.path().string() + " private: " + ec.message());
        flush_to_disk(entry.path());
        fs::rename(entry.path(), target.parent_path() / entry.path().filename(), ec);
        if (ec) throw IoError("cannot move " + entry.path().string() + ": " + ec.message());
    }
    return result;
}

}  // namespace geo
