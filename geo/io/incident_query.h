#pragma once
// Reading only the incidents an analysis needs, from either store (workspace_store.h): a box,
// a time window and a station pushed down to the store as a spatial filter and a WHERE clause,
// so that a heatmap of one station's month on a city database of millions of incidents reads
// that month's rows and not the table.
//
// GDAL sends both filters on: in PostGIS as `geom && ST_MakeEnvelope(...)` (the GIST index on
// geom) and the WHERE below (the B-tree indexes ensure_incident_indexes makes), the box as a test
// of each row instead when a station is named (its time index is the way in; see the .cpp); in a
// GeoPackage as a join on the layer's R-tree and the same WHERE in SQLite. The store's answer is a superset
// by at most a second at each end of the window (text comparison in SQLite, see the .cpp); the
// exact window and box are applied here, so both stores give the same incidents.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <gdal_priv.h>

#include "geo/model/district.h"
#include "geo/query/time_window.h"

namespace geo {

struct IncidentQuery {
    std::optional<Envelope> box;       // workspace CRS, metres, edges included; none = everywhere
    std::optional<TimeWindow> window;  // [from, to) in UTC; Timestamp::min()/max() for an open end
    std::string station_id;            // the incidents' station_id; empty = every station
    bool neighbourhoods = true;        // false: leave them unread (an analysis given its extent)
    bool extra_fields = true;          // false: leave fields beyond the schema unread (an analysis)
};

struct QueriedDistrict {
    // The metadata, every neighbourhood unless the query leaves them out (the heatmap's default
    // grid and per-capita rates need them all) and the incidents the query selects, sorted by time then id (the same order
    // from either store, so analyses summing over them give the same bits).
    District district;
    std::size_t rows_read = 0;  // incident rows the store returned for the query
};

// One committed state (REPEATABLE READ in PostgreSQL, one SQLite read transaction in a file).
// BadInput as read_metadata for a missing or foreign workspace, or when `station_id` is given
// and the incidents have no station_id field.
QueriedDistrict read_incident_query(const std::filesystem::path& path, const IncidentQuery& query);
// The same with the query made from the workspace's metadata (its zone turns local dates into
// a window), read from the same connection.
QueriedDistrict read_incident_query(const std::filesystem::path& path,
                                    const std::function<IncidentQuery(const Metadata&)>& query_for);

// The WHERE clause sent for the window and station (SQL both stores read), "" for none.
std::string incident_query_where(const IncidentQuery& query);

// PostgreSQL's plan (EXPLAIN) for the query as GDAL sends it: to show the indexes are used.
// Empty for a GeoPackage.
std::string explain_incident_query(const std::filesystem::path& path, const IncidentQuery& query);

// B-tree indexes on incidents(time) and, when the layer has the field, incidents(station_id,
// time), in either store; nothing when there is no incidents layer yet. Idempotent (IF NOT
// EXISTS), so a workspace's creation and every later schema change may call it. The spatial
// index on geom is GDAL's (GIST, or the GeoPackage R-tree), made with the layer.
void ensure_incident_indexes(GDALDataset& workspace);
void ensure_incident_indexes(const std::filesystem::path& path);

}  // namespace geo
