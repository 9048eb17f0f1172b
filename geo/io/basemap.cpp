#include "geo/io/basemap.h"

#include <gdal_utils.h>

#include <cmath>
#include <memory>

#include "geo/crs/crs.h"
#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"

namespace geo {
namespace {

struct WarpOptionsDeleter {
    void operator()(GDALWarpAppOptions* o) const { GDALWarpAppOptionsFree(o); }
};

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

}  // namespace

RasterImage load_basemap(const std::filesystem::path& path, const std::string& crs, const Envelope& extent,
                         int max_size_px) {
    ensure_gdal_ready();
    const std::string label = path.filename().string();
    if (extent.empty() || extent.width() <= 0 || extent.height() <= 0)
        throw BadInput(label + ": the basemap needs a district extent to cover");
    CPLErrorReset();
    GdalDatasetPtr source(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!source)
        throw BadInput(label + (std::filesystem::exists(path) ? ": GDAL cannot read it as a raster (" + last_gdal_error() + ")"
                                                              : ": no such file"));
    double transform[6];
    if (source->GetGCPCount() == 0 && source->GetGeoTransform(transform) != CE_None)
        throw BadInput(label + ": the raster has no georeferencing (no geotransform or GCPs)");
    if (!source->GetSpatialRef() && source->GetGCPCount() == 0)
        throw BadInput(label + ": the raster has no CRS");
    if (source->GetRasterCount() < 1) throw BadInput(label + ": the raster has no bands");

    // Pixels: the extent's aspect, the longer side max_size_px.
    const double aspect = extent.width() / extent.height();
    const int width = aspect >= 1 ? max_size_px : std::max(1, static_cast<int>(std::lround(max_size_px * aspect)));
    const int height = aspect >= 1 ? std::max(1, static_cast<int>(std::lround(max_size_px / aspect))) : max_size_px;

    // A paletted single band becomes RGBA first, so the warp interpolates colours, not indexes.
    GdalDatasetPtr expanded;
    GDALDataset* input = source.get();
    if (source->GetRasterCount() == 1 && source->GetRasterBand(1)->GetColorTable()) {
        const char* args[] = {"-of", "VRT", "-expand", "rgba", nullptr};
        GDALTranslateOptions* options = GDALTranslateOptionsNew(const_cast<char**>(args), nullptr);
        int usage_error = 0;
        expanded.reset(GDALDataset::FromHandle(GDALTranslate("", source.get(), options, &usage_error)));
        GDALTranslateOptionsFree(options);
        if (!expanded) throw BadInput(label + ": cannot expand its colour table (" + last_gdal_error() + ")");
        input = expanded.get();
    }

    const std::string srs = srs_to_text(make_srs(crs, "workspace CRS"));
    std::vector<std::string> args = {"-of", "MEM", "-t_srs", srs, "-te", number(extent.min_x), number(extent.min_y),
                                     number(extent.max_x), number(extent.max_y), "-ts", std::to_string(width),
                                     std::to_string(height), "-r", "bilinear", "-dstalpha"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::unique_ptr<GDALWarpAppOptions, WarpOptionsDeleter> options(GDALWarpAppOptionsNew(argv.data(), nullptr));
    GDALDatasetH inputs[] = {GDALDataset::ToHandle(input)};
    int usage_error = 0;
    GdalDatasetPtr warped(GDALDataset::FromHandle(GDALWarp("", nullptr, 1, inputs, options.get(), &usage_error)));
    if (!warped) throw BadInput(label + ": cannot warp it to " + srs + " (" + last_gdal_error() + ")");

    RasterImage image;
    image.extent = extent;
    image.width = width;
    image.height = height;
    image.rgba.assign(static_cast<std::size_t>(width) * height * 4, 255);
    const int bands = warped->GetRasterCount();  // colour bands + the alpha -dstalpha added
    const int colour_bands = bands - 1;
    std::vector<std::uint8_t> row(static_cast<std::size_t>(width) * height);
    auto read_band = [&](int band, int channel) {
        if (warped->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, width, height, row.data(), width, height, GDT_Byte, 0, 0) !=
            CE_None)
            throw IoError(label + ": cannot read the warped raster: " + last_gdal_error());
        for (std::size_t i = 0; i < row.size(); ++i) image.rgba[i * 4 + channel] = row[i];
    };
    if (colour_bands >= 3) {
        read_band(1, 0), read_band(2, 1), read_band(3, 2);
    } else {  // grey
        read_band(1, 0);
        for (std::size_t i = 0; i < row.size(); ++i) image.rgba[i * 4 + 1] = image.rgba[i * 4 + 2] = image.rgba[i * 4];
    }
    read_band(bands, 3);
    bool any = false;
    for (std::size_t i = 3; i < image.rgba.size() && !any; i += 4) any = image.rgba[i] > 0;
    if (!any) throw BadInput(label + ": the raster does not overlap the district");
    return image;
}

}  // namespace geo
