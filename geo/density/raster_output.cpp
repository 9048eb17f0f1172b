#include "geo/density/raster_output.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <system_error>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>

#include "geo/crs/crs.h"
#include "geo/density/heatmap_image.h"
#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"


namespace geo {
namespace {

// Closes the dataset (GDAL writes the rest of the file then) and puts it in place.
void finish(GdalDatasetPtr dataset, PendingFile& pending, const std::filesystem::path& path) {
    CPLErrorReset();
    dataset.reset();
    if (CPLGetLastErrorType() == CE_Failure) throw IoError(path.string() + ": " + last_gdal_error("cannot write the file"));
    pending.commit();
}

GDALDriver* driver_named(const char* name) {
    ensure_gdal_ready();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(name);
    if (!driver) throw InternalError(std::string("GDAL has no ") + name + " driver");
    return driver;
}

}  // namespace

RasterFormat raster_format_for(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".tif" || ext == ".tiff") return RasterFormat::geotiff;
    if (ext == ".png") return RasterFormat::png;
    throw BadInput("--out '" + path.string() + "' must end in .tif, .tiff (GeoTIFF) or .png (picture with legend)");
}

void write_geotiff(const std::filesystem::path& path, const Grid& grid, const std::vector<double>& values,
                   const RasterLabels& labels) {
    if (values.size() != grid.cell_count()) throw InternalError("write_geotiff: values do not fill the grid");
    const OGRSpatialReference srs = make_srs(labels.crs, "the workspace CRS");
    GDALDriver* driver = driver_named("GTiff");
    PendingFile pending(path);
    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "3");  // floating-point predictor: smaller files for smooth surfaces
    options.SetNameValue("TILED", "YES");
    CPLErrorReset();
    GdalDatasetPtr dataset(driver->Create(pending.path().c_str(), grid.width, grid.height, 1, GDT_Float32, options.List()));
    if (!dataset) throw IoError(path.string() + ": " + last_gdal_error("cannot create the GeoTIFF"));
    std::array<double, 6> transform = {grid.origin.x, grid.cell_m, 0, grid.max_y(), 0, -grid.cell_m};
    bool ok = dataset->SetGeoTransform(transform.data()) == CE_None && dataset->SetSpatialRef(&srs) == CE_None;
    for (const auto& [key, value] : labels.metadata) ok = ok && dataset->SetMetadataItem(key.c_str(), value.c_str()) == CE_None;
    GDALRasterBand* band = dataset->GetRasterBand(1);
    band->SetDescription(labels.units.c_str());
    ok = ok && band->SetUnitType(labels.units.c_str()) == CE_None;
    std::vector<float> row(static_cast<std::size_t>(grid.width));
    for (int r = 0; ok && r < grid.height; ++r) {
        const double* in = values.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.width);
        std::transform(in, in + grid.width, row.begin(), [](double v) { return static_cast<float>(v); });
        ok = band->RasterIO(GF_Write, 0, r, grid.width, 1, row.data(), grid.width, 1, GDT_Float32, 0, 0, nullptr) == CE_None;
    }
    if (!ok) {
        const std::string why = last_gdal_error("cannot write the GeoTIFF");
        dataset.reset();
        throw IoError(path.string() + ": " + why);
    }
    finish(std::move(dataset), pending, path);
}

void write_heatmap_png(const std::filesystem::path& path, const Grid& grid, const std::vector<double>& values,
                       double max_value, const std::string& units) {
    if (values.size() != grid.cell_count()) throw InternalError("write_heatmap_png: values do not fill the grid");
    const RgbaImage image = heatmap_image(grid, values, max_value, units);
    GDALDriver* mem = driver_named("MEM");
    GdalDatasetPtr canvas(mem->Create("", image.width, image.height, 4, GDT_Byte, nullptr));
    if (!canvas) throw InternalError("cannot create an in-memory raster: " + last_gdal_error());
    // Rgba8 is four bytes r, g, b, a: pixel-interleaved bands 1..4.
    int bands[4] = {1, 2, 3, 4};
    auto* pixels = const_cast<Rgba8*>(image.pixels.data());
    if (canvas->RasterIO(GF_Write, 0, 0, image.width, image.height, pixels, image.width, image.height, GDT_Byte, 4,
                         bands, 4, static_cast<GSpacing>(4) * image.width, 1, nullptr) != CE_None)
        throw InternalError("cannot fill the in-memory raster: " + last_gdal_error());
    canvas->GetRasterBand(4)->SetColorInterpretation(GCI_AlphaBand);
    GDALDriver* png = driver_named("PNG");
    PendingFile pending(path);
    CPLErrorReset();
    GdalDatasetPtr written(png->CreateCopy(pending.path().c_str(), canvas.get(), FALSE, nullptr, nullptr, nullptr));
    if (!written) throw IoError(path.string() + ": " + last_gdal_error("cannot write the PNG"));
    finish(std::move(written), pending, path);
    std::error_code ec;
    std::filesystem::remove(pending.path().string() + ".aux.xml", ec);  // PNG's side file of GDAL metadata
}

}  // namespace geo
