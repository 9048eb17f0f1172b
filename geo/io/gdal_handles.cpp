#include "geo/io/gdal_handles.h"

#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>

#include "geo/util/error.h"

namespace geo {

namespace {
void quiet_handler(CPLErr, CPLErrorNum, const char*) {}
}  // namespace

void ensure_gdal_ready() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(quiet_handler);
        // Several programs write one workspace (the app, `patrolmap visits --import`, QGIS):
        // SQLite makes a writer wait for another's commit, up to this long, instead of failing
        // at once with "database is locked". GDAL runs these pragmas on every SQLite/GPKG open.
        if (!CPLGetConfigOption("OGR_SQLITE_PRAGMA", nullptr))
            CPLSetConfigOption("OGR_SQLITE_PRAGMA", "busy_timeout=30000");
    });
}

std::string last_gdal_error(const std::string& fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? std::string(msg) : fallback;
}

GdalDatasetPtr open_vector(const std::string& path, bool update, const char* const* open_options) {
    ensure_gdal_ready();
    CPLErrorReset();
    unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    return GdalDatasetPtr(
        GDALDataset::Open(path.c_str(), flags, nullptr, open_options, nullptr));
}

GdalDatasetPtr open_csv_table(const std::string& file) {
    const char* const options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", nullptr};
    GdalDatasetPtr ds = open_vector(file, false, options);
    if (!ds || ds->GetLayerCount() != 1) throw BadInput(file + ": not a CSV table GDAL can read (" + last_gdal_error("no layer") + ")");
    return ds;
}

}  // namespace geo
