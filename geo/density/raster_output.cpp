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

#include <unistd.h>

namespace geo {
namespace {

// "<dir>/.<name>.<pid>.tmp": beside the target, so the final rename stays on one file system.
std::filesystem::path temporary_beside(const std::filesystem::path& path) {
    return path.parent_path() / ("." + path.filename().string() + "." + std::to_string(::getpid()) + ".tmp");
}

void remove_quietly(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
}

// Closes the dataset (GDAL writes the rest of the file then) and moves it into place.
void finish(GdalDatasetPtr dataset, const std::filesystem::path& temporary, const std::filesystem::path& path) {
    CPLErrorReset();
    dataset.reset();
    if (CPLGetLastErrorType() == CE_Failure) {
        remove_quietly(temporary);
        throw IoError(path.string() + ": " + last_gdal_error("cannot write the file"));
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        remove_quietly(temporary);
        throw IoError(path.string() + ": cannot replace the file: " + ec.message());
    }
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
    const std::filesystem::path temporary = temporary_beside(path);
    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "3");  // floating-point predictor: smaller files for smooth surfaces
    options.SetNameValue("TILED", "YES");
    CPLErrorReset();
    GdalDatasetPtr dataset(driver->Create(temporary.c_str(), grid.width, grid.height, 1, GDT_Float32, options.List()));
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
        remove_quietly(temporary);
        throw IoError(path.string() + ": " + why);
    }
    finish(std::move(dataset), temporary, path);
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
    const std::filesystem::path temporary = temporary_beside(path);
    CPLErrorReset();
    GdalDatasetPtr written(png->CreateCopy(temporary.c_str(), canvas.get(), FALSE, nullptr, nullptr, nullptr));
    if (!written) {
        remove_quietly(temporary);
        throw IoError(path.string() + ": " + last_gdal_error("cannot write the PNG"));
    }
    finish(std::move(written), temporary, path);
    remove_quietly(temporary.string() + ".aux.xml");
}

}  // namespace geo
