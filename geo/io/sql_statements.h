#pragma once
// SQL run through GDAL on an open workspace (a GeoPackage's SQLite or PostgreSQL): statements
// that return nothing, and queries read back as text.
#include <string>
#include <vector>

#include "geo/io/gdal_handles.h"

namespace geo {

// The workspace is a PostgreSQL database (else a GeoPackage).
bool is_postgres(GDALDataset& ds);

// Runs one statement; IoError "cannot <what>: <GDAL's message>" when the store refuses it.
void run_sql(GDALDataset& ds, const std::string& sql, const std::string& what);

// The rows a query returns, each field as text ("" for NULL); IoError naming `what` as above.
std::vector<std::vector<std::string>> query_rows(GDALDataset& ds, const std::string& sql, const std::string& what);

}  // namespace geo
