// Writing surfaces: the GeoTIFF reads back with its grid, CRS, units and values; the PNG shows
// the ramp and a legend; files appear whole or not at all.
#include "geo/density/raster_output.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <vector>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include "geo/density/heatmap_image.h"
#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"
#include "tests/common/fixtures.h"

namespace {

// 4 x 3 cells of 25 m, lower-left corner (500100, 3195200); value = 10·row + col.
const geo::Grid grid{{500100, 3195200}, 25, 4, 3};

std::vector<double> ramp_values() {
    std::vector<double> v;
    for (int row = 0; row < grid.height; ++row)
        for (int col = 0; col < grid.width; ++col) v.push_back(10.0 * row + col + 0.125);
    return v;
}

geo::GdalDatasetPtr open_raster(const std::filesystem::path& path) {
    geo::ensure_gdal_ready();
    return geo::GdalDatasetPtr(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
}

std::size_t files_in(const std::filesystem::path& dir) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}));
}

}  // namespace

TEST_CASE("The GeoTIFF reads back with its geotransform, size, CRS, units and cell values") {
    test::ScratchDir dir;
    const auto path = dir / "density.tif";
    geo::write_geotiff(path, grid, ramp_values(),
                       {"EPSG:4549", "incidents per km²", {{"PATROLMAP_KERNEL", "quartic"}, {"PATROLMAP_RADIUS_M", "300.0"}}});
    CHECK(files_in(dir.path()) == 1);  // no temporary left behind

    const auto ds = open_raster(path);
    REQUIRE(ds);
    CHECK(std::string(ds->GetDriver()->GetDescription()) == "GTiff");
    CHECK(ds->GetRasterXSize() == 4);
    CHECK(ds->GetRasterYSize() == 3);
    CHECK(ds->GetRasterCount() == 1);
    double gt[6];
    REQUIRE(ds->GetGeoTransform(gt) == CE_None);
    CHECK(gt[0] == 500100);
    CHECK(gt[1] == 25);
    CHECK(gt[2] == 0);
    CHECK(gt[3] == 3195275);  // the north edge: 3195200 + 3·25
    CHECK(gt[4] == 0);
    CHECK(gt[5] == -25);
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    REQUIRE(srs != nullptr);
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "4549");
    CHECK(std::string(ds->GetMetadataItem("PATROLMAP_KERNEL")) == "quartic");

    GDALRasterBand* band = ds->GetRasterBand(1);
    CHECK(band->GetRasterDataType() == GDT_Float32);
    CHECK(std::string(band->GetDescription()) == "incidents per km²");
    CHECK(std::string(band->GetUnitType()) == "incidents per km²");
    int has_nodata = 1;
    band->GetNoDataValue(&has_nodata);
    CHECK(has_nodata == 0);
    // Pixel (col 3, row 1) is the cell 10·1 + 3 + 0.125, centred at (500187.5, 3195237.5).
    float value = 0;
    REQUIRE(band->RasterIO(GF_Read, 3, 1, 1, 1, &value, 1, 1, GDT_Float32, 0, 0, nullptr) == CE_None);
    CHECK(value == 13.125f);
    const auto cell = grid.cell_of({500187.5, 3195237.5});
    REQUIRE(cell.has_value());
    CHECK(*cell == geo::Grid::Cell{3, 1});
}

TEST_CASE("Writing over an existing file replaces it whole") {
    test::ScratchDir dir;
    const auto path = dir / "density.tif";
    geo::write_geotiff(path, grid, ramp_values(), {"EPSG:4549", "incidents per km²", {}});
    std::vector<double> zeros(grid.cell_count(), 0.0);
    geo::write_geotiff(path, grid, zeros, {"EPSG:4549", "incidents per km²", {}});
    const auto ds = open_raster(path);
    REQUIRE(ds);
    float value = -1;
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, 3, 1, 1, 1, &value, 1, 1, GDT_Float32, 0, 0, nullptr) == CE_None);
    CHECK(value == 0.0f);
    CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("A file that cannot be written is an I/O error; an unknown CRS is bad input") {
    test::ScratchDir dir;
    CHECK_THROWS_AS(geo::write_geotiff(dir / "missing" / "density.tif", grid, ramp_values(), {"EPSG:4549", "x", {}}),
                    geo::IoError);
    CHECK_THROWS_AS(geo::write_geotiff(dir / "density.tif", grid, ramp_values(), {"EPSG:999999", "x", {}}), geo::BadInput);
    CHECK_THROWS_AS(geo::write_heatmap_png(dir / "missing" / "density.png", grid, ramp_values(), 31.125, "x"), geo::IoError);
    CHECK(files_in(dir.path()) == 0);
}

TEST_CASE("The PNG colours cells on the ramp, leaves zeros transparent and carries a legend") {
    test::ScratchDir dir;
    const auto path = dir / "density.png";
    std::vector<double> values = ramp_values();
    values[0] = 0;  // (col 0, row 0)
    const double max_value = 23.125;  // (col 3, row 2)
    geo::write_heatmap_png(path, grid, values, max_value, "incidents per km²");
    CHECK(files_in(dir.path()) == 1);

    const auto ds = open_raster(path);
    REQUIRE(ds);
    CHECK(std::string(ds->GetDriver()->GetDescription()) == "PNG");
    CHECK(ds->GetRasterCount() == 4);
    const int width = ds->GetRasterXSize(), height = ds->GetRasterYSize();
    CHECK(width > grid.width + 100);  // the legend panel
    CHECK(height >= 200);
    std::vector<unsigned char> rgba(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    int bands[4] = {1, 2, 3, 4};
    REQUIRE(ds->RasterIO(GF_Read, 0, 0, width, height, rgba.data(), width, height, GDT_Byte, 4, bands, 4, 4 * width, 1,
                         nullptr) == CE_None);
    const auto pixel = [&](int x, int y) {
        const unsigned char* p = rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
        return geo::Rgba8{p[0], p[1], p[2], p[3]};
    };
    CHECK(pixel(0, 0).a == 0);                        // zero: transparent
    CHECK(pixel(3, 2) == geo::heat_colour(1.0));      // the maximum: the ramp's darkest red
    CHECK(pixel(3, 2) == geo::Rgba8{128, 0, 38, 255});
    CHECK(pixel(1, 0) == geo::heat_colour(1.125 / max_value));
    CHECK(pixel(0, grid.height + 5).a == 0);          // below the cells, beside the legend: empty
    // The legend panel is white with dark text somewhere in it.
    CHECK(pixel(width - 1, height - 1) == geo::Rgba8{255, 255, 255, 255});
    int dark = 0;
    for (int y = 0; y < height; ++y)
        for (int x = grid.width; x < width; ++x)
            if (pixel(x, y).r < 80 && pixel(x, y).g < 80 && pixel(x, y).b < 80) ++dark;
    CHECK(dark > 200);
}

TEST_CASE("The PNG legend draws Chinese units with real glyphs") {
    // Two titles of as many characters: boxes for missing glyphs would look the same, glyphs do not.
    test::ScratchDir dir;
    std::vector<std::vector<unsigned char>> panels;
    for (const char* units : {"每平方公里案件数", "每千人口诈骗率"}) {
        const auto path = dir / "legend.png";
        geo::write_heatmap_png(path, grid, ramp_values(), 31.125, units);
        const auto ds = open_raster(path);
        REQUIRE(ds);
        const int width = ds->GetRasterXSize();
        std::vector<unsigned char> grey(static_cast<std::size_t>(width - grid.width) * 40);
        REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, grid.width, 0, width - grid.width, 40, grey.data(), width - grid.width, 40,
                                               GDT_Byte, 0, 0, nullptr) == CE_None);
        std::size_t dark = 0;
        for (unsigned char v : grey) dark += v < 100;
        CHECK(dark > 50);  // the title is drawn
        panels.push_back(grey);
    }
    CHECK(panels[0] != panels[1]);
}

TEST_CASE("Legend labels show the quarter steps readably") {
    CHECK(geo::legend_label(0, 3010.82) == "0");
    CHECK(geo::legend_label(3010.82, 3010.82) == "3,011");
    CHECK(geo::legend_label(752.705, 3010.82) == "753");
    CHECK(geo::legend_label(1.5, 6.0) == "1.50");
    CHECK(geo::legend_label(0.0125, 0.05) == "0.0125");
    CHECK(geo::legend_label(2e-6, 8e-6) == "2.00e-06");
}
