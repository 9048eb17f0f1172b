#include "geo/io/attribute_table.h"

#include <string>

#include "geo/io/gdal_handles.h"
#include "geo/io/sql_statements.h"
#include "geo/util/error.h"

namespace geo {

namespace {

constexpr const char* kStationColumn = "station_id";

}  // namespace

OGRLayer* ensure_table(GDALDataset& ds, std::string_view name, std::span<const Column> columns) {
    const std::string table(name);
    OGRLayer* layer = ds.GetLayerByName(table.c_str());
    if (!layer) {
        layer = ds.CreateLayer(table.c_str(), nullptr, wkbNone, nullptr);
        if (!layer) throw IoError("cannot create table " + table + ": " + last_gdal_error());
        for (const Column& c : columns) {
            OGRFieldDefn defn(c.name, c.type);
            if (layer->CreateField(&defn) != OGRERR_NONE)
                throw IoError("cannot create field " + table + "." + c.name + ": " + last_gdal_error());
        }
    }
    ensure_station_column(ds, *layer, name);
    return layer;
}

void ensure_station_column(GDALDataset& ds, OGRLayer& layer, std::string_view table) {
    if (!is_postgres(ds) || layer.GetLayerDefn()->GetFieldIndex(kStationColumn) >= 0) return;
    OGRFieldDefn defn(kStationColumn, OFTString);
    if (layer.CreateField(&defn) != OGRERR_NONE)
        throw IoError("cannot create field " + std::string(table) + "." + kStationColumn + ": " + last_gdal_error());
}

std::string station_of(OGRFeature& f) {
    const int i = f.GetFieldIndex(kStationColumn);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

void set_station(OGRFeature& f, const std::string& station_id) {
    const int i = f.GetFieldIndex(kStationColumn);
    if (i >= 0 && !station_id.empty()) f.SetField(i, station_id.c_str());
}

void clear_table(GDALDataset& ds, std::string_view name) {
    const std::string sql = "DELETE FROM \"" + std::string(name) + "\"";
    CPLErrorReset();
    ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError("cannot clear table " + std::string(name) + ": " + last_gdal_error());
}

void add_row(OGRLayer& layer, OGRFeature& f, std::string_view table) {
    if (layer.CreateFeature(&f) != OGRERR_NONE)
        throw IoError("cannot write to table " + std::string(table) + ": " + last_gdal_error());
}

}  // namespace geo
