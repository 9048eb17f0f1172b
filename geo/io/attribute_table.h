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

// The table (no geometry), created with `columns` when it is missing.
OGRLayer* ensure_table(GDALDataset& ds, std::string_view name, std::span<const Column> columns);
// Deletes every row, inside the caller's transaction.
void clear_table(GDALDataset& ds, std::string_view name);
// Adds one row.
void add_row(OGRLayer& layer, OGRFeature& f, std::string_view table);

}  // namespace geo
