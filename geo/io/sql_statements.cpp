#include "geo/io/sql_statements.h"

#include "geo/util/error.h"

namespace geo {

bool is_postgres(GDALDataset& ds) {
    return ds.GetDriver() && std::string(ds.GetDriver()->GetDescription()) == "PostgreSQL";
}

void run_sql(GDALDataset& ds, const std::string& sql, const std::string& what) {
    CPLErrorReset();
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result) ds.ReleaseResultSet(result);
    if (CPLGetLastErrorType() >= CE_Failure) throw IoError("cannot " + what + ": " + last_gdal_error());
}

std::vector<std::vector<std::string>> query_rows(GDALDataset& ds, const std::string& sql, const std::string& what) {
    CPLErrorReset();
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure) {
        if (result) ds.ReleaseResultSet(result);
        throw IoError("cannot " + what + ": " + last_gdal_error());
    }
    std::vector<std::vector<std::string>> rows;
    if (!result) return rows;
    for (auto& f : *result) {
        std::vector<std::string> row;
        for (int i = 0; i < f->GetFieldCount(); ++i) row.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        rows.push_back(std::move(row));
    }
    ds.ReleaseResultSet(result);
    return rows;
}

}  // namespace geo
