#include "geo/io/workspace_store.h"

#include <chrono>
#include <functional>
#include <set>

#include <date/date.h>

#include "geo/crs/crs.h"
#include "geo/io/district_rows.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/ogr_fields.h"
#include "geo/io/ogr_geometry.h"
#include "geo/io/visit_tables.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

constexpr const char* kTimezoneKey = "timezone";

std::string now_iso_utc() {
    return date::format("%FT%TZ",
                        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

OGRwkbGeometryType storage_type(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::point:
        case GeometryKind::optional_point: return wkbPoint;
        case GeometryKind::polygon: return wkbMultiPolygon;
        case GeometryKind::point_or_polygon: return wkbUnknown;  // GEOMETRY
        case GeometryKind::line: return wkbMultiLineString;
    }
    return wkbUnknown;
}

OGRFieldType storage_type(FieldKind kind) {
    switch (kind) {
        case FieldKind::integer:
        case FieldKind::boolean: return OFTInteger64;
        case FieldKind::real: return OFTReal;
        case FieldKind::datetime: return OFTDateTime;
        default: return OFTString;
    }
}

GdalDatasetPtr create_gpkg(const fs::path& path) {
    ensure_gdal_ready();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw InternalError("GDAL has no GPKG driver");
    GdalDatasetPtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw IoError("cannot create " + path.string() + ": " + last_gdal_error());
    return ds;
}

GdalDatasetPtr open_workspace(const fs::path& path, bool update) {
    if (!fs::exists(path))
        throw BadInput(path.string() + ": no such workspace (create one with 'patrolmap new')");
    GdalDatasetPtr ds = open_vector(path.string(), update);
    if (!ds || !ds->GetDriver() || std::string(ds->GetDriver()->GetDescription()) != "GPKG")
        throw BadInput(path.string() + " is not a GeoPackage workspace");
    if (!ds->GetLayerByName(std::string(kMetadataTable).c_str()))
        throw BadInput(path.string() + " is a GeoPackage but not a PatrolMap workspace (no " +
                       std::string(kMetadataTable) + " table)");
    return ds;
}

void write_metadata(GDALDataset& ds, const Metadata& m) {
    OGRLayer* layer = ds.GetLayerByName(std::string(kMetadataTable).c_str());
    if (!layer) {
        layer = ds.CreateLayer(std::string(kMetadataTable).c_str(), nullptr, wkbNone, nullptr);
        if (!layer) throw IoError("cannot create metadata table: " + last_gdal_error());
        OGRFieldDefn key("key", OFTString), value("value", OFTString);
        layer->CreateField(&key);
        layer->CreateField(&value);
    }
    layer->ResetReading();
    std::vector<GIntBig> old;
    for (auto& f : *layer) old.push_back(f->GetFID());
    for (GIntBig fid : old)
        if (layer->DeleteFeature(fid) != OGRERR_NONE)
            throw IoError("cannot rewrite metadata: " + last_gdal_error());
    const std::vector<std::pair<std::string, std::string>> entries = {
        {"name", m.name},
        {"synthetic", m.synthetic ? "true" : "false"},
        {"crs", m.crs},
        {kTimezoneKey, m.timezone},
        {"created", m.created},
        {"updated", m.updated},
        {"schema_version", std::to_string(m.schema_version)},
    };
    for (const auto& [k, v] : entries) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("key", k.c_str());
        f->SetField("value", v.c_str());
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw IoError("cannot write metadata: " + last_gdal_error());
    }
}

Metadata read_metadata(GDALDataset& ds) {
    Metadata m;
    OGRLayer* layer = ds.GetLayerByName(std::string(kMetadataTable).c_str());
    layer->ResetReading();
    for (auto& f : *layer) {
        const std::string key = f->GetFieldAsString("key");
        const std::string value = f->GetFieldAsString("value");
        if (key == "name") m.name = value;
        else if (key == "synthetic") m.synthetic = value == "true";
        else if (key == "crs") m.crs = value;
        else if (key == kTimezoneKey) m.timezone = value;
        else if (key == "created") m.created = value;
        else if (key == "updated") m.updated = value;
        else if (key == "schema_version") m.schema_version = std::atoi(value.c_str());
    }
    return m;
}

OGRLayer* ensure_layer(GDALDataset& ds, const LayerSpec& spec, const Metadata& m) {
    const std::string name(spec.name);
    if (OGRLayer* existing = ds.GetLayerByName(name.c_str())) return existing;
    if (m.crs.empty()) throw InternalError("layer " + name + " written before the CRS is known");
    OGRSpatialReference srs = make_srs(m.crs, "workspace CRS");
    const char* options[] = {"GEOMETRY_NAME=geom", "FID=fid", nullptr};
    OGRLayer* layer = ds.CreateLayer(name.c_str(), &srs, storage_type(spec.geometry),
                                     const_cast<char**>(options));
    if (!layer) throw IoError("cannot create layer " + name + ": " + last_gdal_error());
    for (const auto& field : spec.fields) {
        OGRFieldDefn defn(std::string(field.name).c_str(), storage_type(field.kind));
        if (field.kind == FieldKind::boolean) defn.SetType(OFTInteger), defn.SetSubType(OFSTBoolean);
        if (field.required) defn.SetNullable(false);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            throw IoError("cannot create field " + name + "." + std::string(field.name));
    }
    return layer;
}

void create_all_layers(GDALDataset& ds, const Metadata& m) {
    for (const auto& spec : all_layer_specs()) ensure_layer(ds, spec, m);
}

void write_rows(OGRLayer& layer, const LayerSpec& spec, const std::vector<Row>& rows) {
    // Extra fields the layer does not have yet, typed by their first non-null value.
    std::set<std::string> known;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) known.insert(defn->GetFieldDefn(i)->GetNameRef());
    for (const auto& row : rows)
        for (const auto& [name, value] : row.values)
            if (!known.count(name) && !std::holds_alternative<std::monostate>(value)) {
                OGRFieldDefn extra(name.c_str(), geo::storage_type(value));
                if (layer.CreateField(&extra) != OGRERR_NONE)
                    throw IoError("cannot add field " + name + " to " + std::string(spec.name) +
                                  ": " + last_gdal_error());
                known.insert(name);
            }
    defn = layer.GetLayerDefn();
    for (const auto& row : rows) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(defn));
        for (const auto& [name, value] : row.values) {
            const int index = defn->GetFieldIndex(name.c_str());
            if (index >= 0) set_value(*f, index, value);
        }
        if (OgrGeometryPtr g = to_ogr(row.geometry)) {
            g->assignSpatialReference(layer.GetSpatialRef());
            f->SetGeometryDirectly(g.release());
        }
        if (layer.CreateFeature(f.get()) != OGRERR_NONE)
            throw IoError("cannot write to layer " + std::string(spec.name) + ": " +
                          last_gdal_error());
    }
}

std::vector<Row> read_rows(GDALDataset& ds, const LayerSpec& spec) {
    std::vector<Row> rows;
    OGRLayer* layer = ds.GetLayerByName(std::string(spec.name).c_str());
    if (!layer) return rows;
    layer->ResetReading();
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (auto& f : *layer) {
        Row row;
        if (const OGRGeometry* g = f->GetGeometryRef()) row.geometry = from_ogr(*g);
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            row.values.emplace(defn->GetFieldDefn(i)->GetNameRef(), get_value(*f, i));
        rows.push_back(std::move(row));
    }
    return rows;
}

void delete_all(GDALDataset& ds, const LayerSpec& spec) {
    const std::string sql = "DELETE FROM \"" + std::string(spec.name) + "\"";
    CPLErrorReset();
    ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError("cannot clear layer " + std::string(spec.name) + ": " + last_gdal_error());
}

void close_checked(GdalDatasetPtr& ds, const fs::path& path) {
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError("cannot finish writing " + path.string() + ": " + last_gdal_error());
}

void apply_layer_changes(GDALDataset& ds, const Metadata& m, const std::vector<LayerChange>& changes) {
    if (!m.crs.empty()) create_all_layers(ds, m);
    for (const auto& change : changes) {
        const LayerSpec& spec = layer_spec(change.kind);
        OGRLayer* layer = ensure_layer(ds, spec, m);
        if (change.replace) delete_all(ds, spec);
        write_rows(*layer, spec, change.rows);
    }
}

void write_changes(GDALDataset& ds, const Metadata& m, const std::vector<LayerChange>& changes) {
    if (ds.StartTransaction() != OGRERR_NONE)
        throw IoError("cannot start a transaction: " + last_gdal_error());
    write_metadata(ds, m);
    apply_layer_changes(ds, m, changes);
    if (ds.CommitTransaction() != OGRERR_NONE)
        throw IoError("cannot commit: " + last_gdal_error());
}

}  // namespace

void create_workspace(const fs::path& path, const Metadata& metadata) {
    if (fs::exists(path)) throw BadInput(path.string() + " already exists");
    Metadata m = metadata;
    if (!m.crs.empty()) {
        OGRSpatialReference srs = make_srs(m.crs, "--crs");
        if (!is_metric_projected(srs))
            throw BadInput("--crs " + m.crs +
                           " is not a projected CRS in metres; a workspace needs one (e.g. "
                           "EPSG:4549 around 120°E, or a UTM zone)");
        m.crs = srs_to_text(srs);
    }
    if (m.created.empty()) m.created = now_iso_utc();
    m.updated = m.created;
    m.schema_version = kSchemaVersion;
    PendingFile pending(path);
    GdalDatasetPtr ds = create_gpkg(pending.path());
    write_changes(*ds, m, {});
    close_checked(ds, pending.path());
    pending.commit();
}

Metadata read_metadata(const fs::path& path) {
    GdalDatasetPtr ds = open_workspace(path, false);
    return read_metadata(*ds);
}

std::vector<Row> read_rows(const fs::path& path, LayerKind kind) {
    GdalDatasetPtr ds = open_workspace(path, false);
    return read_rows(*ds, layer_spec(kind));
}

std::size_t count_features(const fs::path& path, LayerKind kind) {
    GdalDatasetPtr ds = open_workspace(path, false);
    OGRLayer* layer = ds->GetLayerByName(std::string(layer_spec(kind).name).c_str());
    return layer ? static_cast<std::size_t>(layer->GetFeatureCount()) : 0;
}

District read_district(const fs::path& path) {
    GdalDatasetPtr ds = open_workspace(path, false);
    District d;
    d.metadata = read_metadata(*ds);
    for (const auto& spec : all_layer_specs())
        append_rows(read_rows(*ds, spec), spec.kind, d, path.filename().string());
    d.planned_visits = read_planned_visits(*ds);
    d.visits = read_visit_records(*ds);
    return d;
}

namespace {

// The write path every change takes: a temporary copy of the workspace, `edit` inside one
// transaction with the new metadata, then the rename over the original.
void rewrite_copy(const fs::path& path, Metadata metadata, const std::function<void(GDALDataset&, const Metadata&)>& edit) {
    metadata.updated = now_iso_utc();
    PendingFile pending(path);
    std::error_code ec;
    fs::copy_file(path, pending.path(), fs::copy_options::overwrite_existing, ec);
    if (ec) throw IoError("cannot copy " + path.string() + ": " + ec.message());
    GdalDatasetPtr ds = open_vector(pending.path().string(), true);
    if (!ds) throw IoError("cannot open " + pending.path().string() + ": " + last_gdal_error());
    if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction: " + last_gdal_error());
    write_metadata(*ds, metadata);
    edit(*ds, metadata);
    if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit: " + last_gdal_error());
    close_checked(ds, pending.path());
    pending.commit();
}

}  // namespace

void commit_changes(const fs::path& path, Metadata metadata,
                    const std::vector<LayerChange>& changes) {
    { GdalDatasetPtr check = open_workspace(path, false); }
    rewrite_copy(path, std::move(metadata), [&](GDALDataset& ds, const Metadata& m) { apply_layer_changes(ds, m, changes); });
}

Metadata commit_visits(const fs::path& path, const std::vector<PlannedVisit>& planned,
                       const std::vector<VisitRecord>& visits, const std::optional<std::string>& expected_updated) {
    const Metadata on_disk = read_metadata(path);
    if (expected_updated && *expected_updated != on_disk.updated)
        throw BadInput(path.string() + " changed on disk since it was opened (updated " + on_disk.updated +
                       ", opened at " + *expected_updated + "): the visits are not saved, so as not to overwrite that change");
    rewrite_copy(path, on_disk, [&](GDALDataset& ds, const Metadata&) { write_visit_tables(ds, planned, visits); });
    return read_metadata(path);
}

void write_district(const fs::path& path, const District& district) {
    PendingFile pending(path);
    GdalDatasetPtr ds = create_gpkg(pending.path());
    std::vector<LayerChange> changes;
    for (const auto& spec : all_layer_specs())
        changes.push_back({spec.kind, to_rows(district, spec.kind), false});
    write_changes(*ds, district.metadata, changes);
    // Only when there are any: a district without visits writes the same file as before them.
    if (!district.planned_visits.empty() || !district.visits.empty()) {
        if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction: " + last_gdal_error());
        write_visit_tables(*ds, district.planned_visits, district.visits);
        if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit: " + last_gdal_error());
    }
    close_checked(ds, pending.path());
    pending.commit();
}

}  // namespace geo
