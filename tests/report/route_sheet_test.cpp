// Route sheets and route files from a hand-built day on the sample: the PDF's text (Chinese
// found by pdftotext), the GPX read back by GDAL, the GeoJSON's stops.
#include <cstdlib>

#include <doctest/doctest.h>

#include "geo/io/gdal_handles.h"
#include "geo/io/workspace_store.h"
#include "geo/planning/talking_points.h"
#include "geo/report/banner_list.h"
#include "geo/report/route_exports.h"
#include "geo/report/route_sheet.h"
#include "tests/common/fixtures.h"
#include "tests/common/workspace_builders.h"

using namespace geo;

namespace {

// Six buildings of the first neighbourhood, visited in file order; the path is straight
// lines (the planner will put streets here).
DayRoute sample_route(const District& d) {
    DayRoute r;
    r.officer_id = d.officers.front().id;
    r.officer_name = d.officers.front().name;
    r.date = "2021-06-14";
    r.weekday = "周一";
    r.post = d.officers.front().post.value_or(d.sites.front().location);
    r.post_name = "江南派出所";
    r.path.push_back(r.post);
    double minutes = 0;
    XY at = r.post;
    for (const auto& b : d.buildings) {
        if (b.neighbourhood_id != d.neighbourhoods.front().id || r.stops.size() == 6) continue;
        RouteStop s;
        s.building_id = b.id;
        s.address = b.address;
        s.neighbourhood = d.neighbourhoods.front().name;
        s.households = b.households;
        const VisitBrief brief = visit_brief(b, false, true, 0.5, {FraudType::investment});
        s.reasons = brief.reasons;
        s.talking_points = brief.talking_points;
        s.location = b.location;
        const double walk_m = std::hypot(b.location.x - at.x, b.location.y - at.y);
        r.distance_m += walk_m;
        minutes += walk_m / (5000.0 / 60) ;
        s.arrival_min = minutes;
        s.service_min = 10;
        minutes += s.service_min;
        r.stops.push_back(s);
        r.path.push_back(b.location);
        at = b.location;
    }
    r.path.push_back(r.post);
    r.distance_m += std::hypot(r.post.x - at.x, r.post.y - at.y);
    r.duration_min = minutes + std::hypot(r.post.x - at.x, r.post.y - at.y) / (5000.0 / 60);
    return r;
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[4096];
    while (pipe && fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (pipe) pclose(pipe);
    return out;
}

}  // namespace

TEST_CASE("a route sheet PDF carries the officer, the stops in Chinese and the tick boxes") {
    const District d = read_district(test::source_dir() / "data/jiangnan.gpkg");
    const DayRoute route = sample_route(d);
    REQUIRE(route.stops.size() == 6);
    test::ScratchDir dir;
    const auto pdf = dir / "sheet.pdf";
    write_route_sheet_pdf(route, d, pdf);
    REQUIRE(std::filesystem::exists(pdf));
    const std::string text = run("pdftotext -layout '" + pdf.string() + "' -");
    CHECK(text.find("反诈走访路线单") != std::string::npos);
    CHECK(text.find(route.officer_name) != std::string::npos);
    for (const auto& stop : route.stops) CHECK_MESSAGE(text.find(stop.address) != std::string::npos, stop.address);
    CHECK(text.find("投资理财") != std::string::npos);
    CHECK(text.find("民警签名") != std::string::npos);
    // The CJK font is embedded, so the sheet prints the same anywhere.
    CHECK(run("pdffonts '" + pdf.string() + "'").find("NotoSansCJK") != std::string::npos);
}

TEST_CASE("a route's GPX and GeoJSON read back with the route and one point per stop") {
    const District d = read_district(test::source_dir() / "data/jiangnan.gpkg");
    const DayRoute route = sample_route(d);
    test::ScratchDir dir;
    write_route_gpx(route, d.metadata.crs, dir / "route.gpx");
    write_route_geojson(route, d.metadata.crs, dir / "route.geojson");
    ensure_gdal_ready();
    GdalDatasetPtr gpx(GDALDataset::Open((dir / "route.gpx").c_str(), GDAL_OF_VECTOR));
    REQUIRE(gpx);
    CHECK(gpx->GetLayerByName("waypoints")->GetFeatureCount() == 6);
    OGRLayer* routes = gpx->GetLayerByName("routes");
    REQUIRE(routes->GetFeatureCount() == 1);
    OgrFeaturePtr line(routes->GetNextFeature());
    CHECK(line->GetGeometryRef()->toLineString()->getNumPoints() == static_cast<int>(route.path.size()));
    // Around Yongkang in lon/lat.
    CHECK(line->GetGeometryRef()->toLineString()->getX(0) == doctest::Approx(120.03).epsilon(1e-3));
    GdalDatasetPtr json(GDALDataset::Open((dir / "route.geojson").c_str(), GDAL_OF_VECTOR));
    REQUIRE(json);
    CHECK(json->GetLayer(0)->GetFeatureCount() == 7);
    const std::string text = test::read_text(dir / "route.geojson");
    CHECK(text.find(route.stops[0].address) != std::string::npos);
    CHECK(text.find("loss") == std::string::npos);
    CHECK(text.find("victim") == std::string::npos);
}

TEST_CASE("the crew's banner list names each spot in Chinese and carries no case details") {
    const District d = read_district(test::source_dir() / "data/jiangnan.gpkg");
    const std::vector<BannerListEntry> banners = {{"1", d.neighbourhoods[3].area[0].outer[0], 7},
                                                  {"2", centroid(d.neighbourhoods[10].area), 4}};
    test::ScratchDir dir;
    write_banner_list_pdf(banners, d, 300, d.metadata.name, dir / "banners.pdf");
    write_banner_list_geojson(banners, d, dir / "banners.geojson");
    const std::string text = run("pdftotext '" + (dir / "banners.pdf").string() + "' -");
    CHECK(text.find("警示横幅悬挂清单") != std::string::npos);
    CHECK(text.find(d.neighbourhoods[10].name) != std::string::npos);
    CHECK(text.find("近期案件 7 起") != std::string::npos);
    const std::string json = test::read_text(dir / "banners.geojson");
    CHECK(json.find("\"cases_in_reach\": 4") != std::string::npos);
    for (const char* hidden : {"victim", "loss", "age"}) CHECK(json.find(hidden) == std::string::npos);
}
