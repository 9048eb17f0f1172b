// Offline basemaps: a lon/lat GeoTIFF warped into the workspace CRS under the district.
#include <array>

#include <doctest/doctest.h>

#include <gdal_priv.h>

#include "geo/crs/crs.h"
#include "geo/io/basemap.h"
#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"
#include "tests/common/fixtures.h"

using namespace geo;

namespace {

// A 200 x 100 RGB GeoTIFF in EPSG:4326 over lon 120.02..120.04, lat 28.89..28.90:
//   +----------+----------+
//   |   red    |   blue   |     (the two fixture neighbourhoods)
//   +----------+----------+
void write_two_colour_tiff(const std::filesystem::path& path, bool georeferenced = true) {
    ensure_gdal_ready();
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GdalDatasetPtr ds(gtiff->Create(path.c_str(), 200, 100, 3, GDT_Byte, nullptr));
    if (georeferenced) {
        double transform[6] = {120.02, 0.0001, 0, 28.90, 0, -0.0001};
        ds->SetGeoTransform(transform);
        OGRSpatialReference srs = wgs84();
        ds->SetSpatialRef(&srs);
    }
    std::vector<std::uint8_t> band(200 * 100);
    for (int b = 0; b < 3; ++b) {
        for (int y = 0; y < 100; ++y)
            for (int x = 0; x < 200; ++x) band[y * 200 + x] = (x < 100) ? (b == 0 ? 220 : 20) : (b == 2 ? 220 : 20);
        REQUIRE(ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, 200, 100, band.data(), 200, 100, GDT_Byte, 0, 0) == CE_None);
    }
}

std::array<int, 4> pixel_at(const RasterImage& image, XY where) {
    const int x = static_cast<int>((where.x - image.extent.min_x) / image.extent.width() * image.width);
    const int y = static_cast<int>((image.extent.max_y - where.y) / image.extent.height() * image.height);
    const std::size_t i = (static_cast<std::size_t>(y) * image.width + x) * 4;
    return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2], image.rgba[i + 3]};
}

}  // namespace

TEST_CASE("a lon/lat GeoTIFF is warped into the workspace CRS where it belongs") {
    test::ScratchDir dir;
    write_two_colour_tiff(dir / "base.tif");
    const Transform to_ws(wgs84(), make_srs("EPSG:4549"));
    const XY west = *to_ws.apply({120.025, 28.895}), east = *to_ws.apply({120.035, 28.895});
    const XY far_north = *to_ws.apply({120.03, 28.905});
    Envelope extent{west.x - 1500, west.y - 1500, east.x + 1500, east.y + 1500};
    const RasterImage image = load_basemap(dir / "base.tif", "EPSG:4549", extent, 512);
    CHECK(image.width == 512);
    CHECK(image.height == doctest::Approx(512 * extent.height() / extent.width()).epsilon(0.01));
    const auto red = pixel_at(image, west), blue = pixel_at(image, east), outside = pixel_at(image, far_north);
    CHECK(red[0] > 200);
    CHECK(red[2] < 40);
    CHECK(red[3] == 255);
    CHECK(blue[2] > 200);
    CHECK(blue[0] < 40);
    CHECK(outside[3] == 0);  // beyond the raster: transparent
}

TEST_CASE("a basemap without georeferencing, missing, or elsewhere is bad input") {
    test::ScratchDir dir;
    write_two_colour_tiff(dir / "plain.tif", false);
    const Envelope near{500000, 3197000, 505000, 3199000};
    CHECK_THROWS_WITH_AS(load_basemap(dir / "plain.tif", "EPSG:4549", near), doctest::Contains("plain.tif: the raster has no georeferencing"), BadInput);
    CHECK_THROWS_WITH_AS(load_basemap(dir / "none.tif", "EPSG:4549", near), doctest::Contains("none.tif: no such file"), BadInput);
    write_two_colour_tiff(dir / "base.tif");
    const Envelope far{300000, 2500000, 301000, 2501000};
    CHECK_THROWS_WITH_AS(load_basemap(dir / "base.tif", "EPSG:4549", far), doctest::Contains("does not overlap"), BadInput);
}
