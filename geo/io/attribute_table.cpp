#include "geo/io/attribute_table.h"

#include <string>

#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"

namespace geo {

OGRLayer* ensure_table(GDALDataset& ds, std::string_view name, std::span<const Column> columns) {
    const std::string table(name);
    if (OGRLayer* layer = ds.GetLayerByName(table.c_str())) return layer;
    OGRLayer* layer = ds.CreateLayer(table.c_str(), nullptr, wkbNone, nullptr);
    if (!layer) throw IoError("cannot create table " + table + ": " + last_gdal_error());
    for (const Column& c : columns) {
        OGRFieldDefn defn(c.name, c.type);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            throw IoError("cannot create field " + table + "." + c.name + ": " + last_gdal_error());
    }
    return layer;
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
