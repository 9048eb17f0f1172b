#include "geo/io/workspace_store.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <set>
#include <thread>

#include <date/date.h>
#include <fmt/format.h>

#include "geo/crs/crs.h"
#include "geo/io/district_rows.h"
#include "geo/io/file_turn.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/incident_query.h"
#include "geo/io/ogr_fields.h"
#include "geo/io/ogr_geometry.h"
#include "geo/io/lecture_table.h"
#include "geo/io/track_table.h"
#include "geo/io/source_reader.h"
#include "geo/io/sql_statements.h"
#include "geo/io/station_access.h"
#include "geo/io/table_stations.h"
#include "geo/io/visit_tables.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

constexpr const char* kTimezoneKey = "timezone";
constexpr const char* kChangeKey = "change";
constexpr const char* kChangesTable = "patrolmap_changes";

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
        case GeometryKind::none: return wkbNone;  // an attribute table
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

// SQLite's file header, which every GeoPackage starts with.
bool is_sqlite_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in && std::string(header, sizeof header) == std::string("SQLite format 3\0", 16);
}

// A write killed mid-way leaves SQLite's rollback journal beside the file ("hot"); the next
// connection that can write rolls it back, but a read-only one cannot open the file at all. So
// a reader finding one opens the file for update once, which restores the last committed state.
void roll_back_hot_journal(const fs::path& path) {
    std::error_code ec;
    const fs::path journal = path.string() + "-journal";
    if (!fs::is_regular_file(journal, ec) || fs::file_size(journal, ec) == 0) return;
    GdalDatasetPtr recover = open_vector(path.string(), true);
}

// SQLite's schema cookie, from the file's header (offset 40, big-endian): it changes with every
// change to any table's definition. Read before GDAL opens the file and again inside the
// transaction: equal means the tables GDAL listed at open are the tables as they are now.
std::uint32_t schema_cookie_in_header(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char b[4] = {};
    in.seekg(40);
    in.read(reinterpret_cast<char*>(b), 4);
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
}

std::int64_t schema_cookie(GDALDataset& ds) {
    OGRLayer* result = ds.ExecuteSQL("PRAGMA schema_version", nullptr, nullptr);
    if (!result) throw IoError("cannot read the schema version: " + last_gdal_error());
    std::int64_t version = -1;
    if (OgrFeaturePtr f{result->GetNextFeature()}) version = f->GetFieldAsInteger64(0);
    ds.ReleaseResultSet(result);
    return version;
}

// A PostGIS workspace: a database reached by a GDAL connection string ("PG:dbname=... host=...").
GdalDatasetPtr open_database_workspace(const fs::path& path, bool update) {
    const std::string label = source_label(path.string());
    GdalDatasetPtr ds = open_vector(path.string(), update);
    if (!ds) throw BadInput(label + ": cannot connect to the database (" + last_gdal_error() + ")");
    if (!ds->GetDriver() || std::string(ds->GetDriver()->GetDescription()) != "PostgreSQL")
        throw BadInput(label + " is not a PostgreSQL connection");
    if (!ds->GetLayerByName(std::string(kMetadataTable).c_str()))
        throw BadInput(label + " is a database but not a PatrolMap workspace (no " + std::string(kMetadataTable) +
                       " table; create one with 'patrolmap new PG:... --crs EPSG:4549')");
    return ds;
}

GdalDatasetPtr open_workspace(const fs::path& path, bool update) {
    if (is_database_workspace(path.string())) return open_database_workspace(path, update);
    if (!fs::exists(path))
        throw BadInput(path.string() + ": no such workspace (create one with 'patrolmap new')");
    if (!update) roll_back_hot_journal(path);
    GdalDatasetPtr ds = open_vector(path.string(), update);
    if (!ds && is_sqlite_file(path))  // a GeoPackage SQLite cannot open now (locked, its journal unreadable)
        throw IoError("cannot open " + path.string() + ": " + last_gdal_error());
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
        {kChangeKey, std::to_string(m.change)},
        {"qr_platform_url", m.platform_url},
        {"qr_app_url", m.app_url},
    };
    for (const auto& [k, v] : entries) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("key", k.c_str());
        f->SetField("value", v.c_str());
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw IoError("cannot write metadata: " + last_gdal_error());
    }
}

}  // namespace

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
        else if (key == kChangeKey) m.change = std::atoll(value.c_str());
        else if (key == "qr_platform_url") m.platform_url = value;
        else if (key == "qr_app_url") m.app_url = value;
    }
    return m;
}

namespace {

OGRLayer* ensure_layer(GDALDataset& ds, const LayerSpec& spec, const Metadata& m) {
    const std::string name(spec.name);
    if (OGRLayer* existing = ds.GetLayerByName(name.c_str())) return existing;
    if (m.crs.empty()) throw InternalError("layer " + name + " written before the CRS is known");
    // In PostgreSQL every layer's row-level security names the stations table: it comes first.
    if (spec.kind != LayerKind::stations && is_postgres(ds)) ensure_layer(ds, layer_spec(LayerKind::stations), m);
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
    if (is_postgres(ds)) {
        // GDAL's PostgreSQL driver creates the table at its first use; it must be there to
        // take its row-level security.
        if (layer->SyncToDisk() != OGRERR_NONE) throw IoError("cannot create layer " + name + ": " + last_gdal_error());
        secure_layer(ds, spec);
    }
    if (spec.kind == LayerKind::incidents) {
        // A station's month read by its time and station (incident_query.h). Made with the
        // table, by its owner: a station's user may not create indexes.
        if (layer->SyncToDisk() != OGRERR_NONE) throw IoError("cannot create layer " + name + ": " + last_gdal_error());
        ensure_incident_indexes(ds);
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

// A station's user (`scope`, writer_scope of this connection) writes only their station's rows
// (station_access.h): rows without a station become theirs, others' are refused before anything
// is written; replacing a layer replaces their own rows (row-level security deletes no others).
// Who creates a workspace owns its tables: WriterScope{}, every station's rows.
void apply_layer_changes(GDALDataset& ds, const Metadata& m, const std::vector<LayerChange>& changes,
                         const WriterScope& scope, const std::string& label) {
    if (!m.crs.empty()) create_all_layers(ds, m);
    std::vector<std::vector<Row>> claimed;
    for (const auto& change : changes) claimed.push_back(claim_rows(scope, layer_spec(change.kind), change.rows, label));
    for (std::size_t k = 0; k < changes.size(); ++k) {
        const LayerSpec& spec = layer_spec(changes[k].kind);
        OGRLayer* layer = ensure_layer(ds, spec, m);
        if (changes[k].replace) delete_all(ds, spec);
        write_rows(*layer, spec, claimed[k]);
    }
}

void prepare_shared_tables(GDALDataset& ds, const Metadata& m);  // below, beside the change log

void write_changes(GDALDataset& ds, const Metadata& m, const std::vector<LayerChange>& changes) {
    if (ds.StartTransaction() != OGRERR_NONE)
        throw IoError("cannot start a transaction: " + last_gdal_error());
    write_metadata(ds, m);
    apply_layer_changes(ds, m, changes, WriterScope{}, "");
    if (ds.CommitTransaction() != OGRERR_NONE)
        throw IoError("cannot commit: " + last_gdal_error());
}

}  // namespace

namespace {

// An empty database ready to hold a workspace: connected for update, PostGIS there, no
// workspace in it yet. BadInput otherwise, naming the connection without its password.
GdalDatasetPtr empty_database(const fs::path& path) {
    const std::string label = source_label(path.string());
    ensure_gdal_ready();
    GdalDatasetPtr ds = open_vector(path.string(), true);
    if (!ds) throw BadInput(label + ": cannot connect to the database (" + last_gdal_error() + ")");
    if (!ds->GetDriver() || std::string(ds->GetDriver()->GetDescription()) != "PostgreSQL")
        throw BadInput(label + " is not a PostgreSQL connection");
    if (ds->GetLayerByName(std::string(kMetadataTable).c_str())) throw BadInput(label + " already holds a PatrolMap workspace");
    try {
        run_sql(*ds, "CREATE EXTENSION IF NOT EXISTS postgis", "create the PostGIS extension");
    } catch (const IoError& e) {
        throw BadInput(label + ": PostGIS is not available in this database (" + std::string(e.what()) +
                       "); its owner runs CREATE EXTENSION postgis once");
    }
    // GDAL's driver looks for PostGIS when it connects: on a connection opened before the
    // extension it would make layers of bytea geometry, with no spatial index.
    ds.reset();
    ds = open_vector(path.string(), true);
    if (!ds) throw BadInput(label + ": cannot connect to the database (" + last_gdal_error() + ")");
    return ds;
}

}  // namespace

bool is_database_workspace(const std::string& path) { return path.rfind("PG:", 0) == 0; }

void create_workspace(const fs::path& path, const Metadata& metadata) {
    const bool database = is_database_workspace(path.string());
    if (!database && fs::exists(path)) throw BadInput(path.string() + " already exists");
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
    if (database) {
        GdalDatasetPtr ds = empty_database(path);
        if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction: " + last_gdal_error());
        write_metadata(*ds, m);  // one transaction: the tables all there, or none
        apply_layer_changes(*ds, m, {}, WriterScope{}, "");
        prepare_shared_tables(*ds, m);
        if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit: " + last_gdal_error());
        close_checked(ds, path);
        return;
    }
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

namespace {

// GDAL lists a GeoPackage's tables when it opens it; another program may add a table or a
// column between that and our first lock. So: open, begin, take the lock (a write first for a
// writer, a read for a reader), and check the schema cookie did not move since before the open;
// when it did, roll back and open again.
// A workspace open inside a transaction, with the program's turn at its file (file_turn.h),
// which ends after the dataset closes (members go in reverse order).
struct OpenWorkspace {
    FileTurn turn;
    GdalDatasetPtr ds;
    GDALDataset* operator->() const { return ds.get(); }
    GDALDataset& operator*() const { return *ds; }
};

OpenWorkspace open_in_transaction(const fs::path& path, bool update) {
    if (is_database_workspace(path.string())) {
        // PostgreSQL: writers queue on a lock of the metadata table taken first (as SQLite's
        // write lock orders them on a file); readers see one snapshot of every table.
        GdalDatasetPtr ds = open_workspace(path, update);
        if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction: " + last_gdal_error());
        try {
            if (update)
                run_sql(*ds, "LOCK TABLE " + std::string(kMetadataTable) + " IN SHARE ROW EXCLUSIVE MODE", "lock the workspace");
            else
                run_sql(*ds, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", "read one state of the workspace");
        } catch (...) {
            ds->RollbackTransaction();
            throw;
        }
        return {FileTurn{}, std::move(ds)};
    }
    // PatrolMap's programs queue for the file (file_turn.h): writers one at a time, so the
    // retries below are for other programs (QGIS, ogr2ogr) and readers beside a writer.
    FileTurn turn(path, update ? FileTurn::Kind::write : FileTurn::Kind::read);
    // Other writers make both retries below: SQLite answers "locked" at once, without its busy
    // wait, to a transaction that read before it writes (GDAL's driver reads when it opens);
    // and every save changes the schema (GDAL re-creates its triggers). So: try again after a
    // pause growing to 200 ms, for up to 30 s, before giving up.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::string why;
    for (int attempt = 0; std::chrono::steady_clock::now() < deadline; ++attempt) {
        if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(200, 5 << std::min(attempt, 6))));
        const std::uint32_t before_open = schema_cookie_in_header(path);
        GdalDatasetPtr ds = open_workspace(path, update);
        if (ds->StartTransaction() != OGRERR_NONE)
            throw IoError("cannot start a transaction on " + path.string() + ": " + last_gdal_error());
        try {
            if (update) {
                // A write first, so the transaction holds SQLite's write lock before it reads.
                CPLErrorReset();
                ds->ExecuteSQL(("UPDATE " + std::string(kMetadataTable) + " SET value = value WHERE key = 'updated'").c_str(),
                               nullptr, nullptr);
                if (CPLGetLastErrorType() >= CE_Failure) {
                    why = "another program holds it for writing: " + last_gdal_error();
                    ds->RollbackTransaction();
                    continue;
                }
            }
            if (schema_cookie(*ds) == static_cast<std::int64_t>(before_open)) return {std::move(turn), std::move(ds)};
        } catch (...) {
            ds->RollbackTransaction();
            throw;
        }
        why = "its tables keep changing under another program's writes";
        ds->RollbackTransaction();
    }
    throw IoError("cannot open " + path.string() + (update ? " for writing" : "") + " within 30 s: " + why);
}

}  // namespace

WorkspaceRows read_layers(const fs::path& path, const std::vector<LayerKind>& kinds) {
    OpenWorkspace ds = open_in_transaction(path, false);
    WorkspaceRows out;
    out.metadata = read_metadata(*ds);
    for (const LayerKind kind : kinds)
        if (!out.rows.count(kind)) out.rows[kind] = read_rows(*ds, layer_spec(kind));
    ds->RollbackTransaction();  // it read only
    return out;
}

District read_district(const fs::path& path) {
    OpenWorkspace ds = open_in_transaction(path, false);  // every layer from one committed state
    District d;
    d.metadata = read_metadata(*ds);
    for (const auto& spec : all_layer_specs())
        append_rows(read_rows(*ds, spec), spec.kind, d, path.filename().string());
    d.planned_visits = read_planned_visits(*ds);
    d.visits = read_visit_records(*ds);
    d.lectures = read_lecture_records(*ds);
    d.tracks = read_tracks(*ds);
    ds->RollbackTransaction();  // it read only
    return d;
}

namespace {

std::vector<ChangeEntry> read_changes(GDALDataset& ds, std::int64_t after) {
    std::vector<ChangeEntry> out;
    OGRLayer* layer = ds.GetLayerByName(kChangesTable);
    if (!layer) return out;
    layer->SetAttributeFilter(("change > " + std::to_string(after)).c_str());
    layer->ResetReading();
    for (auto& f : *layer)
        out.push_back({f->GetFieldAsInteger64("change"), f->GetFieldAsString("at"), f->GetFieldAsString("tables"),
                       f->GetFieldAsString("summary")});
    layer->SetAttributeFilter(nullptr);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.change < b.change; });
    return out;
}

OGRLayer* ensure_changes_table(GDALDataset& ds) {
    OGRLayer* layer = ds.GetLayerByName(kChangesTable);
    if (!layer) {
        layer = ds.CreateLayer(kChangesTable, nullptr, wkbNone, nullptr);
        if (!layer) throw IoError(std::string("cannot create table ") + kChangesTable + ": " + last_gdal_error());
        for (const auto& [name, type] : {std::pair{"change", OFTInteger64}, std::pair{"at", OFTString},
                                         std::pair{"tables", OFTString}, std::pair{"summary", OFTString}}) {
            OGRFieldDefn defn(name, type);
            if (layer->CreateField(&defn) != OGRERR_NONE)
                throw IoError(std::string("cannot create field ") + kChangesTable + "." + name);
        }
    }
    return layer;
}

void log_change(GDALDataset& ds, const ChangeEntry& entry) {
    OGRLayer* layer = ensure_changes_table(ds);
    OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField("change", static_cast<GIntBig>(entry.change));
    f->SetField("at", entry.at.c_str());
    f->SetField("tables", entry.tables.c_str());
    f->SetField("summary", entry.summary.c_str());
    if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw IoError("cannot log the change: " + last_gdal_error());
}

// The changes since `after` that wrote `table`, as one sentence for a refusal.
std::string describe(const std::vector<ChangeEntry>& entries) {
    std::string out;
    for (const auto& e : entries) {
        if (!out.empty()) out += "; ";
        out += "change " + std::to_string(e.change) + " at " + e.at + ": " + e.summary;
    }
    return out;
}

bool wrote(const ChangeEntry& e, const std::string& table) {
    const std::string list = "," + e.tables + ",";
    return list.find("," + table + ",") != std::string::npos;
}

// One write: the workspace opened for update, a transaction whose first statement takes the
// write lock, the metadata as it is inside it. Rolled back unless commit() is reached.
class WriteTransaction {
public:
    explicit WriteTransaction(const fs::path& path) : path_(path), ds_(open_in_transaction(path, true)) {
        open_ = true;
        try {
            on_disk_ = read_metadata(*ds_);
        } catch (...) {
            ds_->RollbackTransaction();  // the destructor does not run for a constructor that threw
            throw;
        }
    }
    ~WriteTransaction() {
        if (open_) ds_->RollbackTransaction();
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    GDALDataset& ds() { return *ds_; }
    const Metadata& on_disk() const { return on_disk_; }
    std::vector<ChangeEntry> changes_since(std::int64_t after) { return read_changes(*ds_, after); }

    // `m` with the new stamp and counter, written with the log entry; then COMMIT and close.
    Metadata commit(Metadata m, const std::string& tables, const std::string& summary) {
        m.updated = now_iso_utc();
        m.change = on_disk_.change + 1;
        write_metadata(*ds_, m);
        log_change(*ds_, {m.change, m.updated, tables, summary});
        if (ds_->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit to " + path_.string() + ": " + last_gdal_error());
        open_ = false;
        close_checked(ds_.ds, path_);
        return m;
    }

private:
    fs::path path_;
    OpenWorkspace ds_;
    bool open_ = false;
    Metadata on_disk_;
};

constexpr std::string_view kStationTables[] = {kVisitPlansTable, kVisitsTable, kLecturesTable, kTracksTable};

// PostgreSQL: the row-level security of the tables beside the layers (table_stations.h). GDAL's
// driver creates a table at its first use: it must be there to take it.
void secure_station_tables(GDALDataset& ds) {
    for (const std::string_view table : kStationTables)
        if (OGRLayer* layer = ds.GetLayerByName(std::string(table).c_str())) {
            if (layer->SyncToDisk() != OGRERR_NONE) throw IoError("cannot create table " + std::string(table) + ": " + last_gdal_error());
            secure_table(ds, table);
        }
}

// PostgreSQL: every table a commit may write, made now by the workspace's owner, since a
// station's users may not create tables (a GeoPackage makes them when first written, as before).
void prepare_shared_tables(GDALDataset& ds, const Metadata& m) {
    if (!is_postgres(ds)) return;
    ensure_changes_table(ds);
    if (m.crs.empty()) return;  // the layers come with the first import, made by the owner
    write_visit_tables(ds, {}, {});
    write_lecture_table(ds, {});
    write_tracks(ds, m.crs, {});
    secure_station_tables(ds);
}

// Before a commit rewrites tables beside the layers as `scope`'s user: a station's user writes
// only tables whose rows have stations.
void check_station_tables(GDALDataset& ds, const WriterScope& scope, std::initializer_list<std::string_view> tables,
                          const std::string& label) {
    for (const std::string_view table : tables) require_station_column(ds, scope, table, label);
}
// After it: the administrator's write secures a table made before its rows had stations (the
// write has just given it its station_id column); a table secured already is left as it is.
void secure_after_write(GDALDataset& ds, const WriterScope& scope) {
    if (scope.all_stations && is_postgres(ds)) secure_station_tables(ds);
}

// "I1, I2, I3" or "I1, I2, … (300)".
std::string some_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < 8; ++i) out += (i ? ", " : "") + ids[i];
    if (ids.size() > 8) out += ", … (" + std::to_string(ids.size()) + ")";
    return out;
}

std::vector<std::string> ids_of(const std::vector<Row>& rows) {
    std::vector<std::string> ids;
    for (const auto& row : rows)
        if (const FieldValue* id = row.get("id")) ids.push_back(to_text(*id));
    return ids;
}

}  // namespace

Metadata commit_changes(const fs::path& path, const Metadata& metadata, const std::vector<LayerChange>& changes) {
    WriteTransaction tx(path);
    Metadata m = tx.on_disk();
    if (!metadata.crs.empty() && m.crs.empty()) m.crs = metadata.crs;
    if (!metadata.crs.empty() && m.crs != metadata.crs)
        throw BadInput(path.string() + ": another program set the workspace CRS to " + m.crs +
                       " since this change read it; nothing was written (run it again)");
    const std::vector<ChangeEntry> since = tx.changes_since(metadata.change);
    std::string tables, summary;
    for (const auto& change : changes) {
        const std::string layer(layer_spec(change.kind).name);
        std::vector<ChangeEntry> touching;
        for (const auto& e : since)
            if (wrote(e, layer)) touching.push_back(e);
        const std::vector<std::string> ids = ids_of(change.rows);
        if (change.replace && !touching.empty())
            throw BadInput(path.string() + ": another program changed " + layer + " since this change read it (" +
                           describe(touching) + "); replacing the layer would undo that, so nothing was written (run it again)");
        if (!change.replace && !touching.empty()) {
            std::set<std::string> present;
            for (const auto& row : read_rows(tx.ds(), layer_spec(change.kind)))
                if (const FieldValue* id = row.get("id")) present.insert(to_text(*id));
            std::vector<std::string> clash;
            for (const auto& id : ids)
                if (present.count(id)) clash.push_back(id);
            if (!clash.empty())
                throw BadInput(path.string() + ": " + layer + " " + some_ids(clash) +
                               " were added by another program since this change read the workspace (" + describe(touching) +
                               "); nothing was written");
        }
        tables += (tables.empty() ? "" : ",") + layer;
        summary += (summary.empty() ? "" : "; ") + layer + ": " +
                   (change.replace ? "replaced by " : "") + std::to_string(change.rows.size()) +
                   (change.replace ? "" : " added") + (ids.empty() ? "" : " (" + some_ids(ids) + ")");
    }
    apply_layer_changes(tx.ds(), m, changes, writer_scope(tx.ds()), source_label(path.string()));
    return tx.commit(m, tables, summary.empty() ? "metadata" : summary);
}

Metadata commit_settings(const fs::path& path, const WorkspaceSettings& settings) {
    WriteTransaction tx(path);
    Metadata m = tx.on_disk();
    std::string summary;
    if (settings.platform_url) {
        m.platform_url = *settings.platform_url;
        summary += "qr_platform_url = " + *settings.platform_url;
    }
    if (settings.app_url) {
        m.app_url = *settings.app_url;
        summary += (summary.empty() ? "" : "; ") + std::string("qr_app_url = ") + *settings.app_url;
    }
    return tx.commit(m, "metadata", "settings: " + (summary.empty() ? std::string("nothing changed") : summary));
}

Metadata rebuild_layer(const fs::path& path, LayerKind kind,
                       const std::function<std::vector<Row>(std::vector<Row>)>& rebuild, const std::string& summary) {
    WriteTransaction tx(path);
    const LayerSpec& spec = layer_spec(kind);
    const std::vector<Row> before = read_rows(tx.ds(), spec);
    const WriterScope scope = writer_scope(tx.ds());
    const std::string label = source_label(path.string());
    std::vector<Row> rows = own_rows_of_rebuild(scope, spec, before, rebuild(before), label);
    apply_layer_changes(tx.ds(), tx.on_disk(), {{kind, std::move(rows), /*replace=*/true}}, scope, label);
    return tx.commit(tx.on_disk(), std::string(spec.name), summary);
}

Metadata commit_lectures(const fs::path& path, const std::vector<LectureRecord>& added) {
    WriteTransaction tx(path);
    const WriterScope scope = writer_scope(tx.ds());
    const std::string label = source_label(path.string());
    check_station_tables(tx.ds(), scope, {kLecturesTable}, label);
    const std::vector<LectureRecord> before = read_lecture_records(tx.ds());
    auto merged = merge_lectures(before, added);
    write_lecture_table(tx.ds(), lecture_rows_to_write(tx.ds(), scope, before, merged, label));
    secure_after_write(tx.ds(), scope);
    std::string venues;
    for (const auto& l : added) venues += (venues.empty() ? "" : ", ") + l.venue_id + "@" + l.date;
    return tx.commit(tx.on_disk(), std::string(kLecturesTable), fmt::format("lectures held: {} now; recorded {}", merged.size(), venues));
}

Metadata commit_tracks(const fs::path& path, const std::vector<Track>& added) {
    WriteTransaction tx(path);
    const WriterScope scope = writer_scope(tx.ds());
    const std::string label = source_label(path.string());
    check_station_tables(tx.ds(), scope, {kTracksTable}, label);
    const std::vector<Track> before = read_tracks(tx.ds());
    // A station's user's file replaces their station's tracks from a file of that name only:
    // another station's "monday.gpx" is another file.
    std::vector<Track> own, others;
    for (const Track& t : before) (scope.may_write(t.station_id) ? own : others).push_back(t);
    auto merged = merge_tracks(own, added);
    merged.insert(merged.end(), others.begin(), others.end());
    std::stable_sort(merged.begin(), merged.end(), [](const Track& a, const Track& b) { return a.id < b.id; });
    write_tracks(tx.ds(), tx.on_disk().crs, track_rows_to_write(tx.ds(), scope, before, merged, label));
    secure_after_write(tx.ds(), scope);
    std::string ids;
    std::size_t fixes = 0;
    for (const auto& t : added) {
        ids += (ids.empty() ? "" : ", ") + t.id;
        fixes += t.points.size();
    }
    return tx.commit(tx.on_disk(), std::string(kTracksTable),
                     fmt::format("tracks: {} now; imported {} ({} fixes)", merged.size(), ids, fixes));
}

VisitCommit commit_visits(const fs::path& path, const VisitTables& base, const VisitTables& mine) {
    WriteTransaction tx(path);
    const WriterScope scope = writer_scope(tx.ds());
    const std::string label = source_label(path.string());
    check_station_tables(tx.ds(), scope, {kVisitPlansTable, kVisitsTable}, label);
    const VisitTables theirs{read_planned_visits(tx.ds()), read_visit_records(tx.ds())};
    VisitTables merged = merge_visit_tables(base, mine, theirs);
    const VisitTables own = visit_rows_to_write(tx.ds(), scope, theirs, merged, label);
    write_visit_tables(tx.ds(), own.planned, own.visits);
    secure_after_write(tx.ds(), scope);
    const long added = static_cast<long>(merged.visits.size()) - static_cast<long>(theirs.visits.size());
    const std::string summary = fmt::format("visits: {} now ({:+} by this change); plans: {} stops", merged.visits.size(),
                                            added, merged.planned.size());
    Metadata m = tx.commit(tx.on_disk(), std::string(kVisitPlansTable) + "," + std::string(kVisitsTable), summary);
    return {std::move(m), std::move(merged)};
}

namespace {

constexpr const char* kStylesTable = "layer_styles";

std::string sql_text(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

void execute(GDALDataset& ds, const std::string& sql, const fs::path& path) {
    CPLErrorReset();
    ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure) throw IoError("cannot write the styles of " + path.string() + ": " + last_gdal_error());
}

}  // namespace

void write_layer_styles(const fs::path& path, const std::vector<StoredStyle>& styles) {
    OpenWorkspace ds = open_in_transaction(path, true);
    try {
        OGRLayer* layer = ds->GetLayerByName(kStylesTable);
        if (!layer) {
            // The columns QGIS creates and reads (QgsOgrProviderUtils, GPKG branch).
            layer = ds->CreateLayer(kStylesTable, nullptr, wkbNone, nullptr);
            if (!layer) throw IoError("cannot create layer_styles in " + path.string() + ": " + last_gdal_error());
            for (const auto& [name, type] : {std::pair{"f_table_catalog", OFTString}, std::pair{"f_table_schema", OFTString},
                                             std::pair{"f_table_name", OFTString}, std::pair{"f_geometry_column", OFTString},
                                             std::pair{"styleName", OFTString}, std::pair{"styleQML", OFTString},
                                             std::pair{"styleSLD", OFTString}, std::pair{"useAsDefault", OFTInteger},
                                             std::pair{"description", OFTString}, std::pair{"owner", OFTString},
                                             std::pair{"ui", OFTString}, std::pair{"update_time", OFTDateTime}}) {
                OGRFieldDefn defn(name, type);
                if (std::string(name) == "useAsDefault") defn.SetSubType(OFSTBoolean);
                if (layer->CreateField(&defn) != OGRERR_NONE) throw IoError(std::string("cannot create layer_styles.") + name);
            }
        }
        execute(*ds, std::string("DELETE FROM ") + kStylesTable + " WHERE styleName LIKE 'PatrolMap: %'", path);
        for (const auto& st : styles)
            if (st.is_default)
                execute(*ds, std::string("UPDATE ") + kStylesTable + " SET useAsDefault = (1 = 0) WHERE f_table_name = " + sql_text(st.table), path);
        const std::string now = now_iso_utc();
        for (const auto& st : styles) {
            OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            f->SetField("f_table_catalog", "");
            f->SetField("f_table_schema", "");
            f->SetField("f_table_name", st.table.c_str());
            f->SetField("f_geometry_column", st.geometry_column.c_str());
            f->SetField("styleName", st.name.c_str());
            f->SetField("styleQML", st.qml.c_str());
            f->SetField("styleSLD", "");
            f->SetField("useAsDefault", st.is_default ? 1 : 0);
            f->SetField("description", st.description.c_str());
            f->SetField("owner", "PatrolMap");
            f->SetField("update_time", now.c_str());
            if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw IoError("cannot write a style to " + path.string() + ": " + last_gdal_error());
        }
        if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit the styles to " + path.string() + ": " + last_gdal_error());
    } catch (...) {
        ds->RollbackTransaction();
        throw;
    }
    close_checked(ds.ds, path);
}

std::vector<StoredStyle> read_layer_styles(const fs::path& path) {
    GdalDatasetPtr ds = open_workspace(path, false);
    std::vector<StoredStyle> out;
    OGRLayer* layer = ds->GetLayerByName(kStylesTable);
    if (!layer) return out;
    layer->ResetReading();
    for (auto& f : *layer)
        out.push_back({f->GetFieldAsString("f_table_name"), f->GetFieldAsString("f_geometry_column"), f->GetFieldAsString("styleName"),
                       f->GetFieldAsString("description"), f->GetFieldAsString("styleQML"), f->GetFieldAsInteger("useAsDefault") != 0});
    return out;
}

std::vector<ChangeEntry> changes_since(const fs::path& path, std::int64_t after) {
    GdalDatasetPtr ds = open_workspace(path, false);
    return read_changes(*ds, after);
}

namespace {

// Every layer and table of `district`, inside the caller's transaction.
void write_whole_district(GDALDataset& ds, const District& district) {
    std::vector<LayerChange> changes;
    for (const auto& spec : all_layer_specs()) changes.push_back({spec.kind, to_rows(district, spec.kind), false});
    write_metadata(ds, district.metadata);
    apply_layer_changes(ds, district.metadata, changes, WriterScope{}, "");
    prepare_shared_tables(ds, district.metadata);
    // In a database their rows take their stations from the layers just written (table_stations.h).
    std::vector<LectureRecord> lectures = district.lectures;
    std::vector<Track> tracks = district.tracks;
    VisitTables visits{district.planned_visits, district.visits};
    lecture_rows_to_write(ds, WriterScope{}, {}, lectures, "");
    track_rows_to_write(ds, WriterScope{}, {}, tracks, "");
    visit_rows_to_write(ds, WriterScope{}, {}, visits, "");
    // Only when there are any: a district without them writes the same file as before them.
    if (!lectures.empty()) write_lecture_table(ds, lectures);
    if (!tracks.empty()) write_tracks(ds, district.metadata.crs, tracks);
    if (!visits.planned.empty() || !visits.visits.empty()) write_visit_tables(ds, visits.planned, visits.visits);
}

}  // namespace

void write_district(const fs::path& path, const District& district) {
    if (is_database_workspace(path.string())) {
        GdalDatasetPtr ds = empty_database(path);
        if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction: " + last_gdal_error());
        write_whole_district(*ds, district);  // all of it or, rolled back when the connection drops, none
        if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit: " + last_gdal_error());
        close_checked(ds, path);
        return;
    }
    PendingFile pending(path);
    GdalDatasetPtr ds = create_gpkg(pending.path());
    if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction: " + last_gdal_error());
    write_whole_district(*ds, district);
    if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit: " + last_gdal_error());
    close_checked(ds, pending.path());
    pending.commit();
}

}  // namespace geo
