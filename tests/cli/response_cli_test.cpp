// respond, isochrones and within on the sample as a dispatcher meets them.
#include <doctest/doctest.h>

#include <cmath>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "geo/io/gdal_handles.h"
#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

using test::run_patrolmap;

namespace {
const std::string sample = (test::source_dir() / "data" / "jiangnan.gpkg").string();
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("respond ranks the officers to a bank by driving time; an address that matches nothing exits 2") {
    auto r = run_patrolmap({"respond", sample, "--site", "S05", "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["profile"] == "drive");
    REQUIRE(j["officers"].size() == 12);
    double last = 0;
    for (const auto& o : j["officers"]) {
        REQUIRE(o["reachable"].get<bool>());
        CHECK(o["minutes"].get<double>() >= last);
        last = o["minutes"].get<double>();
    }
    REQUIRE(j["officers"][0]["route"].size() >= 2);
    // They all start at the station: the officer who answers for the bank's neighbourhood first.
    CHECK(j["officers"][0]["responsible"].get<bool>());
    const auto lon = j["officers"][0]["route"][0][0].get<double>();
    CHECK(lon > 119.9);
    CHECK(lon < 120.2);

    r = run_patrolmap({"respond", sample, "--address", "金城小区3幢", "--top", "2"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.out, "金城小区3幢"));
    CHECK(contains(r.out, "min"));

    r = run_patrolmap({"respond", sample, "--address", "不存在的地址"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--address '不存在的地址' matches no building address"));
    CHECK(run_patrolmap({"respond", sample, "--site", "S05", "--profile", "fly"}).exit_code == 2);
    CHECK(run_patrolmap({"respond", sample}).exit_code == 2);
    CHECK(run_patrolmap({"respond", sample, "--at", "120.03"}).exit_code == 2);
}

TEST_CASE("isochrones from the station: valid WGS84 polygons growing with the minutes, every bank reached in 10 minutes") {
    test::ScratchDir dir;
    const std::string out = (dir / "iso.geojson").string();
    auto r = run_patrolmap({"isochrones", sample, "--minutes", "3,5,10", "--out", out, "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["isochrones"].size() == 3);
    double road = 0, residents = 0;
    for (const auto& iso : j["isochrones"]) {
        CHECK(iso["road_m"].get<double>() > road);
        CHECK(iso["residents_reached"].get<double>() >= residents);
        road = iso["road_m"].get<double>();
        residents = iso["residents_reached"].get<double>();
    }
    double slowest_bank = 0;
    for (const auto& s : j["sites"])
        if (s["kind"] == "bank") slowest_bank = std::max(slowest_bank, s["minutes"].get<double>());
    MESSAGE("the station reaches every bank within ", slowest_bank, " minutes driving");
    CHECK(slowest_bank > 0);
    CHECK(slowest_bank <= 10);
    // The file: three multipolygons in lon/lat, each valid, each inside the next.
    geo::GdalDatasetPtr ds = geo::open_vector(out, false);
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer->GetFeatureCount() == 3);
    std::vector<std::unique_ptr<OGRGeometry>> shapes;
    for (auto& f : *layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        REQUIRE(g != nullptr);
        CHECK(g->IsValid());
        OGREnvelope e;
        g->getEnvelope(&e);
        CHECK(e.MinX > 119.9);
        CHECK(e.MaxX < 120.2);
        shapes.emplace_back(g->clone());
    }
    // Each inside the next, up to slivers where the chords approximating the buffers' arcs differ
    // (measured: about 1e-5 of the area).
    auto outside_share = [](const OGRGeometry& inner, const OGRGeometry& outer) {
        std::unique_ptr<OGRGeometry> rest(inner.Difference(&outer));
        return rest->toMultiPolygon() ? rest->toMultiPolygon()->get_Area() / inner.toMultiPolygon()->get_Area()
                                      : dynamic_cast<OGRSurface*>(rest.get())->get_Area() / inner.toMultiPolygon()->get_Area();
    };
    CHECK(outside_share(*shapes[0], *shapes[1]) < 1e-4);
    CHECK(outside_share(*shapes[1], *shapes[2]) < 1e-4);
    // The text names the banks' coverage and the farthest.
    r = run_patrolmap({"isochrones", sample, "--minutes", "5,10"});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "8 banks: "));
    CHECK(contains(r.out, "8 within 10 min"));
    CHECK(run_patrolmap({"isochrones", sample, "--minutes", "10,5"}).exit_code == 2);
    CHECK(run_patrolmap({"isochrones", sample, "--from", "S99"}).exit_code == 2);
}

TEST_CASE("within a case: the public list never shows a case's exact place") {
    const geo::District d = geo::read_district(sample);
    auto r = run_patrolmap({"within", sample, "--of", "I00012", "--radius", "200", "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["hits"].size() > 0);
    double last = 0;
    bool self = false;
    for (const auto& h : j["hits"]) {
        CHECK(h["distance_m"].get<double>() >= last);
        CHECK(h["distance_m"].get<double>() <= 200);
        last = h["distance_m"].get<double>();
        self = self || h["id"] == "I00012";
    }
    CHECK(self);
    r = run_patrolmap({"within", sample, "--of", "I00012", "--radius", "200", "--network", "--json"});
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["hits"].size() <= j["hits"].size());  // along the streets is never shorter
    // --public: the case and its neighbours at their 100 m cells.
    r = run_patrolmap({"within", sample, "--of", "I00012", "--radius", "200", "--layers", "incidents", "--json", "--public"});
    REQUIRE(r.exit_code == 0);
    j = nlohmann::json::parse(r.out);
    const auto exact = run_patrolmap({"within", sample, "--of", "I00012", "--radius", "200", "--layers", "incidents", "--json"});
    const auto e = nlohmann::json::parse(exact.out);
    REQUIRE(j["hits"].size() == e["hits"].size());
    for (std::size_t k = 0; k < j["hits"].size(); ++k) CHECK(j["hits"][k]["lonlat"] != e["hits"][k]["lonlat"]);
    CHECK(j["of"]["lonlat"] != e["of"]["lonlat"]);
    CHECK(run_patrolmap({"within", sample, "--of", "I99999"}).exit_code == 2);
    CHECK(run_patrolmap({"within", sample, "--of", "I00012", "--layers", "roads"}).exit_code == 2);
}
