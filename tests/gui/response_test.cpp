// The early-warning response tools in the window (issue 11), under Xvfb: what the window draws
// and lists is what geo/response and geo/network answer for the same place, and it shows on
// real pixels. Each case renders the sample with `patrolmap gui --screenshot --report`.
#include <cmath>
#include <cstdlib>
#include <fstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "geo/network/isochrone.h"
#include "geo/network/road_graph.h"
#include "geo/network/snap.h"
#include "geo/response/respond.h"
#include "geo/response/within.h"
#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"

namespace {

const test::Rgb kBackground{247, 246, 242};  // the map's clear colour
// Every other layer off: the pixels are the response tools' alone.
const std::string kQuiet =
    "neighbourhoods=off,incidents=off,posters=off,sites=off,buildings=off,roads=off,officer_areas=off,labels=off";

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

struct Frame {
    test::PngImage image;
    nlohmann::json report;
};

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
    return f;
}

const geo::District& sample() {
    static const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    return d;
}

const geo::Site& site(const std::string& id) {
    for (const auto& s : sample().sites)
        if (s.id == id) return s;
    FAIL("no site " << id);
    throw;
}

}  // namespace

TEST_CASE("who can get here: the ranking and the routes drawn are geo::rank_responders' for the same bank") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    for (const char* profile : {"drive", "walk"}) {
        CAPTURE(profile);
        const Frame f = render(kQuiet + ",respond=S09,respond_profile=" + profile);
        const geo::RoadGraph graph = geo::build_road_graph(sample().roads);
        const auto expected = geo::rank_responders(sample(), graph, std::string(profile) == "drive" ? geo::Profile::driving : geo::Profile::walking,
                                                   site("S09").location);
        const auto& got = f.report["respond"]["officers"];
        REQUIRE(got.size() == expected.size());
        REQUIRE(expected.size() >= 3);
        std::size_t drawn = 0;
        for (std::size_t k = 0; k < expected.size(); ++k) {
            CAPTURE(k);
            CHECK(got[k]["officer_id"] == expected[k].officer_id);
            CHECK(got[k]["reachable"] == expected[k].reachable);
            CHECK(got[k]["responsible"] == expected[k].responsible);
            CHECK(got[k]["time_s"].get<double>() == doctest::Approx(expected[k].time_s).epsilon(1e-12));
            CHECK(got[k]["road_m"].get<double>() == doctest::Approx(expected[k].road_m).epsilon(1e-12));
            if (got[k]["route_drawn"].get<bool>()) {
                ++drawn;
                CHECK(got[k]["route_vertices"] == expected[k].route.size());
            }
        }
        CHECK(drawn == 3);  // the top three
        // The fastest route is drawn in bright orange on top: at its middle vertex, and not elsewhere.
        const auto& mid = got[0]["route_mid_px"];
        const int x = static_cast<int>(std::lround(mid[0].get<double>())), y = static_cast<int>(std::lround(mid[1].get<double>()));
        int orange = 0;
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) {
                const test::Rgb c = f.image.at(x + dx, y + dy);
                orange += c.r > 220 && c.g > 50 && c.g < 120 && c.b < 40;
            }
        CHECK(orange >= 5);
    }
}

TEST_CASE("isochrones: the bands drawn are geo::isochrones' from the station, and the 3-minute band tints its pixels") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    // A wide tolerance (100 m from a reached road) makes the bands a few pixels across at the
    // district's zoom, so a pixel at the origin's road lies well inside every band.
    const Frame f = render(kQuiet + ",isochrones=on,iso_tolerance=100");
    const Frame off = render(kQuiet + ",iso_tolerance=100");
    const auto& iso = f.report["isochrones"];
    REQUIRE(iso["error"] == "");
    CHECK(!off.report.contains("isochrones"));

    const geo::RoadGraph graph = geo::build_road_graph(sample().roads);
    const geo::SnappedPoint start = geo::Snapper(graph, geo::Profile::driving).snap(site("S01").location);
    geo::IsochroneOptions o;
    o.tolerance_m = 100;
    const auto expected = geo::isochrones(graph, start, o);
    const auto& bands = iso["bands"];
    REQUIRE(bands.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        CAPTURE(k);
        std::size_t holes = 0;
        for (const auto& p : expected[k].area) holes += p.holes.size();
        CHECK(bands[k]["minutes"] == expected[k].minutes);
        CHECK(bands[k]["polygons"] == expected[k].area.size());
        CHECK(bands[k]["holes"] == holes);
        CHECK(bands[k]["nodes"] == expected[k].nodes);
        CHECK(bands[k]["road_m"].get<double>() == doctest::Approx(expected[k].road_m).epsilon(1e-12));
        CHECK(bands[k]["area_m2"].get<double>() == doctest::Approx(geo::area_m2(expected[k].area)).epsilon(1e-9));  // GEOS sums in its own order
    }
    CHECK(iso["snapped_xy"][0].get<double>() == doctest::Approx(start.point.x));
    CHECK(iso["snapped_xy"][1].get<double>() == doctest::Approx(start.point.y));

    // Where the station meets its road: every band, largest first, blended over the background.
    const int x = static_cast<int>(iso["snapped_px"][0].get<double>()), y = static_cast<int>(iso["snapped_px"][1].get<double>());
    double r = kBackground.r, g = kBackground.g, b = kBackground.b;
    for (std::size_t k = bands.size(); k-- > 0;) {
        const auto& c = bands[k]["rgba"];
        const double a = c[3].get<double>() / 255 * iso["opacity"].get<double>();
        r = r * (1 - a) + c[0].get<double>() * a;
        g = g * (1 - a) + c[1].get<double>() * a;
        b = b * (1 - a) + c[2].get<double>() * a;
    }
    const test::Rgb expected_pixel{static_cast<int>(std::lround(r)), static_cast<int>(std::lround(g)), static_cast<int>(std::lround(b))};
    const test::Rgb pixel = f.image.at(x, y);
    CAPTURE(pixel.r);
    CAPTURE(pixel.g);
    CAPTURE(pixel.b);
    CHECK(test::close(pixel, expected_pixel, 4));
    CHECK(test::close(off.image.at(x, y), kBackground, 2));  // and without the layer, nothing there
    // Inside the 3-minute band it is darker (bluer) than in the 10-minute band alone.
    CHECK(pixel.r < 150);
}

TEST_CASE("within 300 m of a case: the list is geo::within's, nearest first, straight and along the streets") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const geo::Incident& incident = sample().incidents.at(12);
    for (const bool streets : {false, true}) {
        CAPTURE(streets);
        const Frame f = render(kQuiet + ",tab=inspector,within=" + incident.id + "@300,within_streets=" + (streets ? "on" : "off"));
        const geo::RoadGraph graph = geo::build_road_graph(sample().roads);
        geo::WithinOptions o;
        o.radius_m = 300;
        if (streets) o.network = &graph;
        std::vector<geo::WithinHit> expected = geo::within(sample(), incident.location, o);
        std::erase_if(expected, [](const geo::WithinHit& h) { return h.layer == geo::LayerKind::incidents && h.index == 12; });
        const auto& hits = f.report["within"]["hits"];
        CHECK(f.report["within"]["along_streets"] == streets);
        REQUIRE(hits.size() == expected.size());
        REQUIRE(!expected.empty());
        for (std::size_t k = 0; k < expected.size(); ++k) {
            CAPTURE(k);
            CHECK(hits[k]["id"] == expected[k].id);
            CHECK(hits[k]["distance_m"].get<double>() == doctest::Approx(expected[k].distance_m).epsilon(1e-12));
        }
    }
}
