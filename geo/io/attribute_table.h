#pragma once
// The workspace's tables beside its layers (visit plans, visits, lectures held, tracks): created
// on their first write with their columns, cleared before a rewrite, rows added one by one,
// each failure an IoError naming the table.
#include <span>
#include <string_view>

#include <gdal_priv.h>

namespace geo {

struct Column {
    const char* name;
    OGRFieldType type;
};

// The table (no geometry), created with `columns` when it is missing. In PostgreSQL the table
// also has a station_id column (its rows belong to stations, station_access.h); a table made
// before it is given it (only the tables' owner may). A GeoPackage's tables stay as they were:
// one station's file has no use for it, and the sample stays byte for byte what it was.
OGRLayer* ensure_table(GDALDataset& ds, std::string_view name, std::span<const Column> columns);
// Adds the station_id column to a PostgreSQL layer or table that lacks it; nothing in a GeoPackage.
void ensure_station_column(GDALDataset& ds, OGRLayer& layer, std::string_view table);

// A row's station, "" where the table has no station_id column (a GeoPackage, an old table).
std::string station_of(OGRFeature& f);
// Sets it where the table has the column.
void set_station(OGRFeature& f, const std::string& station_id);
// Deletes every row, inside the caller's transaction.
void clear_table(GDALDataset& ds, std::string_view name);
// Adds one row.
void add_row(OGRLayer& layer, OGRFeature& f, std::string_view table);

}  // namespace geo
