#include "geo/io/incident_query.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "geo/io/district_rows.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/ogr_fields.h"
#include "geo/io/ogr_geometry.h"
#include "geo/io/source_reader.h"
#include "geo/io/sql_statements.h"
#include "geo/io/workspace_store.h"
#include "geo/model/layer_schema.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

constexpr const char* kIncidents = "incidents";
constexpr const char* kStationField = "station_id";

std::string sql_text(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// The first column of every row a query returns, one line each.
std::string query_lines(GDALDataset& ds, const std::string& sql) {
    std::string out;
    for (const auto& row : query_rows(ds, sql, "run '" + sql + "'")) out += (row.empty() ? "" : row.front()) + "\n";
    return out;
}

std::vector<Row> read_layer_rows(OGRLayer& layer, std::size_t& rows_read) {
    std::vector<Row> rows;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    layer.ResetReading();
    for (auto& f : layer) {
        ++rows_read;
        Row row;
        if (const OGRGeometry* g = f->GetGeometryRef()) row.geometry = from_ogr(*g);
        for (int i = 0; i < defn->GetFieldCount(); ++i) row.values.emplace(defn->GetFieldDefn(i)->GetNameRef(), get_value(*f, i));
        rows.push_back(std::move(row));
    }
    return rows;
}

// Opened read-only inside a transaction that sees one committed state, as the store's readers.
GdalDatasetPtr open_for_reading(const fs::path& path) {
    GdalDatasetPtr ds = open_vector(path.string(), false);
    if (!ds) throw BadInput(source_label(path.string()) + ": cannot open the workspace (" + last_gdal_error() + ")");
    if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction: " + last_gdal_error());
    if (is_postgres(*ds)) {
        try {
            run_sql(*ds, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", "read one state of the workspace");
        } catch (...) {
            ds->RollbackTransaction();
            throw;
        }
    }
    return ds;
}

// The layer's fields beyond the schema's (a source's own columns kept as extras).
std::vector<std::string> extra_field_names(OGRLayer& layer) {
    std::vector<std::string> out;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (!layer_spec(LayerKind::incidents).field(defn->GetFieldDefn(i)->GetNameRef())) out.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    return out;
}

// How the box goes to the store. In PostgreSQL, with a station named, as a test of each row
// the station's time index returns rather than as `geom && box` on the GIST index: the planner,
// taking the box and the station for independent, ANDs both indexes (a station's district is its
// own box, so the GIST scan returns every incident the station ever had, ~250,000 in the city
// bench, to remove none of them). Without a station the GIST index is the way in.
bool box_as_row_test(const IncidentQuery& query, bool postgres) { return postgres && query.box && !query.station_id.empty(); }

// The box as a test of each point, edges included as Envelope::contains; not indexable.
std::string box_row_test(const Envelope& box) {
    return fmt::format("ST_X(\"geom\") BETWEEN {:.17g} AND {:.17g} AND ST_Y(\"geom\") BETWEEN {:.17g} AND {:.17g}", box.min_x,
                       box.max_x, box.min_y, box.max_y);
}

// The WHERE clause the store gets: the window, the station, and the box where it is a row test.
std::string store_where(const IncidentQuery& query, bool postgres) {
    std::string where = incident_query_where(query);
    if (box_as_row_test(query, postgres)) where += (where.empty() ? "" : " AND ") + box_row_test(*query.box);
    return where;
}

}  // namespace

std::string incident_query_where(const IncidentQuery& query) {
    std::vector<std::string> terms;
    if (query.window) {
        // One second wider at each end: a GeoPackage compares the stored text, which our writer
        // makes "2021-06-01T00:00:00.000Z" and another tool may write without the milliseconds;
        // text one second out either way is on the right side whatever its form. PostgreSQL
        // casts the literal to timestamptz. The exact window is applied after reading.
        if (query.window->from != Timestamp::min())
            terms.push_back("\"time\" >= " + sql_text(format_iso8601_utc(query.window->from - std::chrono::seconds{1})));
        if (query.window->to != Timestamp::max())
            terms.push_back("\"time\" < " + sql_text(format_iso8601_utc(query.window->to + std::chrono::seconds{1})));
    }
    if (!query.station_id.empty()) terms.push_back(std::string("\"") + kStationField + "\" = " + sql_text(query.station_id));
    std::string out;
    for (const auto& t : terms) out += (out.empty() ? "" : " AND ") + t;
    return out;
}

QueriedDistrict read_incident_query(const fs::path& path, const IncidentQuery& query) {
    return read_incident_query(path, [&](const Metadata&) { return query; });
}

QueriedDistrict read_incident_query(const fs::path& path, const std::function<IncidentQuery(const Metadata&)>& query_for) {
    QueriedDistrict out;
    const std::string label = source_label(path.string());
    const bool database = is_database_workspace(path.string());
    // GDAL's PostgreSQL driver lists and describes every table of the database when it connects
    // unless told which it needs: in a city database with other schemas beside the workspace that
    // costs more than reading a station's month.
    const fs::path tables = database && path.string().find("tables=") == std::string::npos
                                ? fs::path(path.string() + " tables=patrolmap_metadata,neighbourhoods,incidents")
                                : path;
    // A file: the store's reader checks it is a workspace and rolls back a crashed writer's
    // journal. A database: the metadata from the same connection as the rows, since every
    // connection costs a server process and PostGIS loading into it (~50 ms, more than the rows).
    if (!database) out.district.metadata = read_metadata(path);
    GdalDatasetPtr ds = open_for_reading(tables);
    if (database) {
        if (!ds->GetLayerByName(std::string(kMetadataTable).c_str()))
            throw BadInput(label + " is not a PatrolMap workspace (no " + std::string(kMetadataTable) + " table)");
        out.district.metadata = read_metadata(*ds);
    }
    const IncidentQuery query = query_for(out.district.metadata);
    try {
        std::size_t ignored = 0;
        OGRLayer* n = query.neighbourhoods ? ds->GetLayerByName("neighbourhoods") : nullptr;
        if (n)
            append_rows(read_layer_rows(*n, ignored), LayerKind::neighbourhoods, out.district, label);
        if (OGRLayer* layer = ds->GetLayerByName(kIncidents)) {
            if (!query.station_id.empty() && layer->GetLayerDefn()->GetFieldIndex(kStationField) < 0)
                throw BadInput(label + ": the incidents have no station_id field, so they cannot be chosen by station");
            const bool postgres = is_postgres(*ds);
            if (query.box && !box_as_row_test(query, postgres))
                layer->SetSpatialFilterRect(query.box->min_x, query.box->min_y, query.box->max_x, query.box->max_y);
            const std::string where = store_where(query, postgres);
            const std::vector<std::string> extras = query.extra_fields ? std::vector<std::string>{} : extra_field_names(*layer);
            std::vector<const char*> ignored;
            for (const auto& name : extras) ignored.push_back(name.c_str());
            ignored.push_back(nullptr);
            if (!extras.empty()) layer->SetIgnoredFields(ignored.data());
            if (!where.empty() && layer->SetAttributeFilter(where.c_str()) != OGRERR_NONE)
                throw IoError(label + ": the store refused the filter " + where + ": " + last_gdal_error());
            append_rows(read_layer_rows(*layer, out.rows_read), LayerKind::incidents, out.district, label);
            layer->SetAttributeFilter(nullptr);
            layer->SetSpatialFilter(nullptr);
            layer->SetIgnoredFields(nullptr);
        }
    } catch (...) {
        ds->RollbackTransaction();
        throw;
    }
    ds->RollbackTransaction();  // it read only

    auto& incidents = out.district.incidents;
    std::erase_if(incidents, [&](const Incident& i) {
        return (query.window && !query.window->contains(i.time)) || (query.box && !query.box->contains(i.location));
    });
    std::sort(incidents.begin(), incidents.end(),
              [](const Incident& a, const Incident& b) { return a.time != b.time ? a.time < b.time : a.id < b.id; });
    return out;
}

std::string explain_incident_query(const fs::path& path, const IncidentQuery& query) {
    GdalDatasetPtr ds = open_vector(path.string(), false);
    if (!ds) throw IoError("cannot open " + source_label(path.string()) + ": " + last_gdal_error());
    if (!is_postgres(*ds) || !ds->GetLayerByName(kIncidents)) return {};
    std::string where = store_where(query, true);
    if (query.box && !box_as_row_test(query, true)) {
        // The form GDAL's driver sends for a rectangle (OGRPGTableLayer::BuildWhere), with the
        // column's SRID.
        const std::string srid = query_lines(*ds, "SELECT ST_SRID(geom) FROM incidents WHERE geom IS NOT NULL LIMIT 1");
        const std::string box = fmt::format("\"geom\" && ST_MakeEnvelope({:.17g}, {:.17g}, {:.17g}, {:.17g}, {})", query.box->min_x,
                                            query.box->min_y, query.box->max_x, query.box->max_y, srid.empty() ? 0 : std::stoi(srid));
        where = where.empty() ? box : box + " AND " + where;
    }
    return query_lines(*ds, "EXPLAIN SELECT * FROM incidents" + (where.empty() ? "" : " WHERE " + where));
}

void ensure_incident_indexes(GDALDataset& workspace) {
    OGRLayer* layer = workspace.GetLayerByName(kIncidents);
    if (!layer) return;
    run_sql(workspace, "CREATE INDEX IF NOT EXISTS incidents_time_idx ON incidents (\"time\")", "index incidents by time");
    // Station first: one station's window is one range of this index.
    if (layer->GetLayerDefn()->GetFieldIndex(kStationField) < 0) return;
    if (!is_postgres(workspace)) {
        run_sql(workspace, "CREATE INDEX IF NOT EXISTS incidents_station_time_idx ON incidents (station_id, \"time\")",
                "index incidents by station and time");
        return;
    }
    // PostgreSQL: the index carries every column a read of the schema's fields selects, so one
    // station's month is an index-only scan of consecutive leaf pages. Rows arrive in time order
    // with the stations interleaved, so through a plain index the month is one row on each of
    // ~20,000 table pages (bench-city: 3-5x the GeoPackage's time, until a CLUSTER). Fields
    // beyond the schema are left out (free text could pass an index row's 2.7 kB); a read that
    // needs them goes to the table, as before. Index-only needs the visibility map: autovacuum
    // visits the table after 1% new rows instead of PostgreSQL's 20%.
    std::string include = fmt::format("\"{}\", \"{}\"", layer->GetFIDColumn(), layer->GetGeometryColumn());
    for (const FieldSpec& f : layer_spec(LayerKind::incidents).fields)
        if (f.name != kStationField && f.name != "time" && layer->GetLayerDefn()->GetFieldIndex(std::string(f.name).c_str()) >= 0)
            include += fmt::format(", \"{}\"", f.name);
    run_sql(workspace, "CREATE INDEX IF NOT EXISTS incidents_station_time_idx ON incidents (station_id, \"time\") INCLUDE (" + include + ")",
            "index incidents by station and time");
    run_sql(workspace, "ALTER TABLE incidents SET (autovacuum_vacuum_insert_scale_factor = 0.01)", "vacuum incidents sooner");
}

void ensure_incident_indexes(const fs::path& path) {
    read_metadata(path);  // BadInput unless it is a workspace
    GdalDatasetPtr ds = open_vector(path.string(), true);
    if (!ds) throw IoError("cannot open " + source_label(path.string()) + " for writing: " + last_gdal_error());
    ensure_incident_indexes(*ds);
}

}  // namespace geo
