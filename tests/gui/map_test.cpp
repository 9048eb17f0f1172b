// The map window under Xvfb + Mesa, checked on real pixels: where the district is drawn,
// fills against the legend, hidden layers, the time filter. Each case renders the sample
// with `patrolmap gui --screenshot --report` and reads the PNG and the JSON report.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <gdal_priv.h>

#include "geo/crs/crs.h"
#include "geo/density/kde.h"
#include "geo/hotspots/hotspot_analysis.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"

namespace {

const test::Rgb kBackground{247, 246, 242};  // the map's clear colour
// Everything but the named layers off, no labels: a clean field of pixels to check.
const std::string kOnlyNeighbourhoods =
    "incidents=off,posters=off,sites=off,buildings=off,roads=off,officer_areas=off,labels=off";
const std::string kOnlyIncidents =
    "neighbourhoods=off,posters=off,sites=off,buildings=off,roads=off,officer_areas=off,labels=off";

struct Frame {
    test::PngImage image;
    nlohmann::json report;
    int x0, y0, x1, y1;  // the map's rectangle, inset by 2 px
};

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

Frame render(const std::string& layer_state) {
    test::ScratchDir dir;
    const auto png = dir / "frame.png", json = dir / "frame.json";
    const std::string command = "xvfb-run -a -s '-screen 0 1280x800x24' '" + test::binary("patrolmap").string() + "' gui '" +
                                (test::source_dir() / "data/jiangnan.gpkg").string() + "' --size 1280x800 --lang en --layer-state '" +
                                layer_state + "' --screenshot '" + png.string() + "' --report '" + json.string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    Frame f;
    f.image = test::load_png(png);
    std::ifstream in(json);
    f.report = nlohmann::json::parse(in);
    const auto& r = f.report["map_rect"];
    f.x0 = static_cast<int>(r[0].get<double>()) + 2;
    f.y0 = static_cast<int>(r[1].get<double>()) + 2;
    f.x1 = static_cast<int>(r[0].get<double>() + r[2].get<double>()) - 2;
    f.y1 = static_cast<int>(r[1].get<double>() + r[3].get<double>()) - 2;
    return f;
}

// The fill drawn at 85% opacity over the background.
test::Rgb blended(const nlohmann::json& colour) {
    auto mix = [](int c, int bg) { return static_cast<int>(std::lround(0.85 * c + 0.15 * bg)); };
    return {mix(colour[0], kBackground.r), mix(colour[1], kBackground.g), mix(colour[2], kBackground.b)};
}

}  // namespace

TEST_CASE("the district appears where the projection puts it, north up, filled as the legend says") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Frame f = render(kOnlyNeighbourhoods + ",fill=residents,breaks=equal_interval,classes=5");
    const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    const auto& hoods = f.report["neighbourhoods"];
    REQUIRE(hoods.size() == d.neighbourhoods.size());
    const double ppm = f.report["pixels_per_metre"];

    // Screen offsets between neighbourhood centroids are their metric offsets times one scale,
    // x to the right and y (north) up the screen.
    const geo::XY a = geo::centroid(d.neighbourhoods[0].area);
    for (std::size_t n = 1; n < hoods.size(); ++n) {
        const geo::XY b = geo::centroid(d.neighbourhoods[n].area);
        const double dx_px = hoods[n]["centroid_px"][0].get<double>() - hoods[0]["centroid_px"][0].get<double>();
        const double dy_px = hoods[n]["centroid_px"][1].get<double>() - hoods[0]["centroid_px"][1].get<double>();
        CHECK(dx_px == doctest::Approx((b.x - a.x) * ppm).epsilon(1e-6));
        CHECK(dy_px == doctest::Approx(-(b.y - a.y) * ppm).epsilon(1e-6));
    }
    // At each centroid: the legend colour of that neighbourhood's class.
    const auto& legend = f.report["legend"];
    REQUIRE(legend.size() >= 3);
    for (const auto& hood : hoods) {
        CAPTURE(hood["id"].get<std::string>());
        const int x = static_cast<int>(hood["centroid_px"][0].get<double>());
        const int y = static_cast<int>(hood["centroid_px"][1].get<double>());
        const test::Rgb pixel = f.image.at(x, y);
        const test::Rgb expected = blended(legend[hood["class"].get<int>()]["colour"]);
        CAPTURE(pixel.r);
        CAPTURE(pixel.g);
        CAPTURE(pixel.b);
        CHECK(test::close(pixel, expected, 3));
    }
    // Outside the district's fitted extent the map is empty.
    CHECK(test::close(f.image.at(f.x0 + 3, f.y0 + 3), kBackground, 2));
    CHECK(test::close(f.image.at(f.x1 - 3, f.y1 - 3), kBackground, 2));
}

TEST_CASE("a hidden layer disappears from the map") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Frame shown = render(kOnlyIncidents);
    const Frame hidden = render(kOnlyIncidents + ",incidents=off");
    CHECK(shown.report["incidents_drawn"] == 2098);
    CHECK(shown.image.count_unlike(kBackground, 4, shown.x0, shown.y0, shown.x1, shown.y1) > 20000);
    // Nothing but the scale bar and north arrow remain: check the area away from them.
    const int top = hidden.y0 + 60, bottom = hidden.y1 - 60;
    CHECK(hidden.image.count_unlike(kBackground, 4, hidden.x0, top, hidden.x1 - 60, bottom) == 0);
    CHECK(shown.image.count_unlike(kBackground, 4, shown.x0, top, shown.x1 - 60, bottom) > 20000);
}

TEST_CASE("the time filter changes the incidents drawn") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Frame may = render(kOnlyIncidents + ",step=month,window=2021-05");
    const Frame june = render(kOnlyIncidents + ",step=month,window=2021-06");
    CHECK(may.report["incidents_drawn"] == 243);
    CHECK(june.report["incidents_drawn"] == 151);
    const int may_px = may.image.count_unlike(kBackground, 4, may.x0, may.y0 + 60, may.x1 - 60, may.y1 - 60);
    const int june_px = june.image.count_unlike(kBackground, 4, june.x0, june.y0 + 60, june.x1 - 60, june.y1 - 60);
    CHECK(june_px > 500);
    CHECK(may_px > june_px * 1.2);
}

TEST_CASE("an offline basemap is drawn under the layers, reprojected") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    // A lon/lat GeoTIFF covering the sample: west half green, east half purple, split at 120.03°E.
    test::ScratchDir dir;
    const auto tif = dir / "base.tif";
    {
        geo::ensure_gdal_ready();
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        geo::GdalDatasetPtr ds(gtiff->Create(tif.c_str(), 400, 200, 3, GDT_Byte, nullptr));
        double transform[6] = {119.98, 0.0002, 0, 28.94, 0, -0.0004};  // 119.98..120.06°E, 28.86..28.94°N
        ds->SetGeoTransform(transform);
        OGRSpatialReference srs = geo::wgs84();
        ds->SetSpatialRef(&srs);
        const int rgb_west[3] = {60, 170, 60}, rgb_east[3] = {150, 60, 170};
        std::vector<std::uint8_t> band(400 * 200);
        for (int b = 0; b < 3; ++b) {
            for (int y = 0; y < 200; ++y)
                for (int x = 0; x < 400; ++x) band[y * 400 + x] = static_cast<std::uint8_t>(x < 250 ? rgb_west[b] : rgb_east[b]);
            REQUIRE(ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, 400, 200, band.data(), 400, 200, GDT_Byte, 0, 0) == CE_None);
        }
    }
    const std::string state = "neighbourhoods=off,incidents=off,posters=off,sites=off,buildings=off,roads=off,officer_areas=off";
    test::ScratchDir out;
    const std::string command = "xvfb-run -a -s '-screen 0 1280x800x24' '" + test::binary("patrolmap").string() + "' gui '" +
                                (test::source_dir() / "data/jiangnan.gpkg").string() + "' --size 1280x800 --basemap '" + tif.string() +
                                "' --layer-state '" + state + "' --screenshot '" + (out / "f.png").string() + "' --report '" +
                                (out / "f.json").string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    const test::PngImage image = test::load_png(out / "f.png");
    std::ifstream in(out / "f.json");
    const auto report = nlohmann::json::parse(in);
    // Where 120.01°E and 120.05°E, 28.90°N fall on screen (the report's camera maps them).
    const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    const geo::Transform to_ws(geo::wgs84(), geo::make_srs(d.metadata.crs));
    const double ppm = report["pixels_per_metre"];
    const auto& hood0 = report["neighbourhoods"][0];
    const geo::XY c0 = geo::centroid(d.neighbourhoods[0].area);
    auto screen = [&](double lon, double lat) {
        const geo::XY m = *to_ws.apply({lon, lat});
        return std::pair<int, int>{static_cast<int>(hood0["centroid_px"][0].get<double>() + (m.x - c0.x) * ppm),
                                   static_cast<int>(hood0["centroid_px"][1].get<double>() - (m.y - c0.y) * ppm)};
    };
    const auto [wx, wy] = screen(120.01, 28.90);
    const auto [ex, ey] = screen(120.05, 28.90);
    CHECK(test::close(image.at(wx, wy), {60, 170, 60}, 6));
    CHECK(test::close(image.at(ex, ey), {150, 60, 170}, 6));
}

TEST_CASE("the live GPU heatmap agrees with the exact CPU density at pixel centres") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    for (const char* kernel : {"quartic", "gaussian", "triangular"}) {
        CAPTURE(std::string(kernel));
        test::ScratchDir dir;
        const std::string state = std::string("neighbourhoods=off,incidents=off,posters=off,sites=off,buildings=off,roads=off,") +
                                  "officer_areas=off,labels=off,heatmap=on,bandwidth=300,kernel=" + kernel;
        const std::string command = "xvfb-run -a -s '-screen 0 1280x800x24' '" + test::binary("patrolmap").string() + "' gui '" +
                                    (test::source_dir() / "data/jiangnan.gpkg").string() + "' --size 1280x800 --layer-state '" + state +
                                    "' --screenshot '" + (dir / "f.png").string() + "' --report '" + (dir / "f.json").string() +
                                    "' --heatmap-dump '" + (dir / "heat.f32").string() + "' >/dev/null 2>&1";
        REQUIRE(std::system(command.c_str()) == 0);
        std::ifstream in(dir / "f.json");
        const auto report = nlohmann::json::parse(in);
        const int width = report["viewport"][0], height = report["viewport"][1];
        std::vector<float> gpu(static_cast<std::size_t>(width) * height);
        std::ifstream dump(dir / "heat.f32", std::ios::binary);
        dump.read(reinterpret_cast<char*>(gpu.data()), static_cast<std::streamsize>(gpu.size() * sizeof(float)));
        REQUIRE(dump.gcount() == static_cast<std::streamsize>(gpu.size() * sizeof(float)));

        // The same view as a CPU grid: one cell per pixel, centres at pixel centres.
        const double ppm = report["pixels_per_metre"];
        geo::Grid grid;
        grid.cell_m = 1 / ppm;
        grid.width = width;
        grid.height = height;
        grid.origin = {report["centre"][0].get<double>() - width / 2.0 / ppm, report["centre"][1].get<double>() - height / 2.0 / ppm};
        const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
        std::vector<geo::WeightedPoint> points;
        for (const auto& i : d.incidents) points.push_back({i.location, 1});
        const std::vector<double> cpu = geo::kernel_density_per_km2(points, *geo::parse_kernel(kernel), 300, grid);
        double peak = 0, worst = 0;
        for (double v : cpu) peak = std::max(peak, v);
        REQUIRE(peak > 0);
        for (std::size_t k = 0; k < cpu.size(); ++k) worst = std::max(worst, std::abs(gpu[k] - cpu[k]));
        CHECK(worst / peak < 1e-3);
        // And the colour range the map used is that peak (automatic range).
        CHECK(report["heatmap"]["range_max"].get<double>() == doctest::Approx(peak).epsilon(1e-3));
    }
}

TEST_CASE("hot spots on the map are geo's Gi* cells, drawn in the bin colours") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Frame f = render(kOnlyIncidents + ",incidents=off,analysis=gi_grid,cell=200");
    // What geo says, with the overlay's settings (200 m cells, 600 m band).
    const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    std::vector<std::uint32_t> all(d.incidents.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    geo::GridGiOptions o;
    o.cell_m = 200;
    o.weights = geo::DistanceBand{600};
    const geo::GridGi gi = geo::grid_gi_star(d, all, o);
    const auto hot99 = std::count(gi.gi.bin.begin(), gi.gi.bin.end(), 3);
    REQUIRE(hot99 > 0);
    bool listed = false;
    for (const auto& entry : f.report["analysis"])
        if (entry["label"] == "Hot spot, 99% confidence") {
            CHECK(entry["count"] == hot99);
            listed = true;
        }
    CHECK(listed);
    // The 99% red (178, 24, 43) at alpha 210/255 over the background is on screen, about as
    // many pixels as the hot cells cover.
    auto mix = [](int c, int bg) { return static_cast<int>(std::lround((210 * c + 45 * bg) / 255.0)); };
    const test::Rgb red{mix(178, kBackground.r), mix(24, kBackground.g), mix(43, kBackground.b)};
    int red_pixels = 0;
    for (int y = f.y0; y < f.y1; ++y)
        for (int x = f.x0; x < f.x1; ++x) red_pixels += test::close(f.image.at(x, y), red, 3);
    const double cell_px = 200 * f.report["pixels_per_metre"].get<double>();
    CHECK(red_pixels == doctest::Approx(hot99 * cell_px * cell_px).epsilon(0.15));
}

TEST_CASE("suggested banner sites are drawn where geo places them, over the filtered cases") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Frame f = render(kOnlyIncidents + ",incidents=off,banners=6,step=month,window=2021-06");
    const auto& banners = f.report["banners"];
    CHECK(banners["incidents"] == 151);  // June's cases only: the filter applies
    REQUIRE(banners["sites"].size() == 6);
    for (const auto& site : banners["sites"]) {
        const int x = static_cast<int>(site["px"][0].get<double>()), y = static_cast<int>(site["px"][1].get<double>());
        CHECK(test::close(f.image.at(x - 7, y), {200, 60, 160}, 12));  // the numbered marker
    }
}

TEST_CASE("an officer's week planned in the window keeps every day within its hours") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Frame f = render(kOnlyIncidents + ",routes=P03@2021-W24");
    const auto& days = f.report["routes"];
    REQUIRE(days.size() == 5);
    CHECK(days[0]["date"] == "2021-06-14");
    const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    std::set<std::string> own;  // buildings of P03's neighbourhoods
    for (const auto& n : d.neighbourhoods)
        if (n.officer_id == "P03")
            for (const auto& b : d.buildings)
                if (b.neighbourhood_id == n.id) own.insert(b.id);
    std::set<std::string> visited;
    for (const auto& day : days) {
        CHECK(day["duration_min"].get<double>() <= 8 * 60 + 1e-6);
        CHECK(day["stops"].size() > 0);
        for (const auto& stop : day["stops"]) {
            CHECK(own.count(stop["building_id"].get<std::string>()) == 1);
            CHECK(visited.insert(stop["building_id"].get<std::string>()).second);  // once in the week
        }
    }
}
