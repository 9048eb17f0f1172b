#include "geo/hotspots/geojson_output.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "geo/crs/crs.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/ogr_fields.h"
#include "geo/io/ogr_geometry.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"
#include "geo/util/time_parse.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

bool has_json_extension(const fs::path& output) {
    std::string ext = output.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".geojson" || ext == ".json";
}

// GeoJSON has no date-time type: times go out as ISO 8601 UTC text.
FieldValue for_json(const FieldValue& value) {
    if (const auto* t = std::get_if<Timestamp>(&value)) return format_iso8601_utc(*t);
    return value;
}

}  // namespace

void write_geojson_wgs84(const fs::path& output, const std::string& workspace_crs,
                         const std::string& layer_name, const std::vector<OutputFeature>& features) {
    if (!has_json_extension(output))
        throw BadInput("--out " + output.string() + ": hot spots are written as GeoJSON, name it .geojson");
    write_polygon_file(output, workspace_crs, layer_name, features, "hot spots");
}

void write_polygon_file(const fs::path& output, const std::string& workspace_crs, const std::string& layer_name,
                        const std::vector<OutputFeature>& features, const std::string& what) {
    const bool json = has_json_extension(output);
    std::string ext = output.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!json && ext != ".gpkg")
        throw BadInput("--out " + output.string() + ": " + what + " are written as GeoJSON (.geojson) or GeoPackage (.gpkg)");
    const fs::path target = fs::absolute(output);
    if (!fs::is_directory(target.parent_path()))
        throw BadInput("--out " + output.string() + ": folder " + target.parent_path().string() + " does not exist");
    if (workspace_crs.empty()) throw BadInput("the workspace has no CRS yet (import something first)");

    ensure_gdal_ready();
    const OGRSpatialReference from = make_srs(workspace_crs, "workspace CRS");
    // GeoJSON is WGS84 lon/lat (RFC 7946); a GeoPackage keeps the workspace's metres.
    const OGRSpatialReference to = json ? wgs84() : from;
    const Transform transform(from, to);

    // Field types from the first non-null value of each property, in the first feature's order.
    std::vector<std::string> names;
    std::map<std::string, OGRFieldType> types;
    for (const auto& feature : features)
        for (const auto& [name, value] : feature.properties) {
            if (!types.count(name) && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
            if (!types.count(name) && !std::holds_alternative<std::monostate>(value))
                types[name] = storage_type(for_json(value));
        }

    PendingFile pending(target);

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(json ? "GeoJSON" : "GPKG");
    if (!driver) throw InternalError("GDAL has no GeoJSON or GPKG driver");
    {
        GdalDatasetPtr ds(driver->Create(pending.path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw IoError("cannot create " + output.string() + ": " + last_gdal_error());
        const char* json_options[] = {"RFC7946=YES", "WRITE_NAME=YES", nullptr};
        const char* gpkg_options[] = {nullptr};
        const char** layer_options = json ? json_options : gpkg_options;
        OGRSpatialReference srs = to;
        const Geometry* first = features.empty() ? nullptr : &features.front().shape;
        const OGRwkbGeometryType type = first && std::holds_alternative<XY>(*first)                ? wkbPoint
                                        : first && std::holds_alternative<MultiLineString>(*first) ? wkbMultiLineString
                                                                                                    : wkbMultiPolygon;
        OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), &srs, type, const_cast<char**>(layer_options));
        if (!layer) throw IoError("cannot create a layer in " + output.string() + ": " + last_gdal_error());
        std::map<std::string, int> index_of;
        for (const auto& name : names) {
            OGRFieldDefn defn(name.c_str(), types.count(name) ? types[name] : OFTString);
            if (layer->CreateField(&defn) != OGRERR_NONE)
                throw IoError("cannot create field " + name + ": " + last_gdal_error());
            index_of[name] = layer->GetLayerDefn()->GetFieldCount() - 1;
        }
        for (const auto& feature : features) {
            OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            for (const auto& [name, value] : feature.properties)
                if (!std::holds_alternative<std::monostate>(value)) set_value(*f, index_of.at(name), for_json(value));
            if (OgrGeometryPtr g = to_ogr(feature.shape)) {
                if (json && !transform.apply(*g)) throw InternalError("cannot transform a polygon to WGS84");
                f->SetGeometryDirectly(g.release());
            }
            if (layer->CreateFeature(f.get()) != OGRERR_NONE)
                throw IoError("cannot write " + output.string() + ": " + last_gdal_error());
        }
        CPLErrorReset();
    }
    if (CPLGetLastErrorType() >= CE_Failure) throw IoError("cannot finish " + output.string() + ": " + last_gdal_error());
    pending.commit();
}

}  // namespace geo
