#pragma once
// RAII owners for GDAL objects, and GDAL's one-time setup.
#include <filesystem>
#include <memory>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace geo {

struct GdalDatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

struct OgrFeatureDeleter {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using OgrFeaturePtr = std::unique_ptr<OGRFeature, OgrFeatureDeleter>;

// Registers drivers once and routes GDAL's error messages into the last-error slot
// instead of stderr (we report errors ourselves, as sentences).
void ensure_gdal_ready();

// GDAL's last error message, or `fallback` when it has none.
std::string last_gdal_error(const std::string& fallback = "unknown GDAL error");

// Opens a vector dataset read-only or for update; null when GDAL cannot open it.
GdalDatasetPtr open_vector(const std::string& path, bool update,
                           const char* const* open_options = nullptr);

// A CSV file as GDAL's one table: the first line names the columns, every value is text.
// BadInput naming the file when GDAL cannot read it as one table.
GdalDatasetPtr open_csv_table(const std::string& file);

}  // namespace geo
