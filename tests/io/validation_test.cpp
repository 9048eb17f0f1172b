// Every kind of bad input is refused with a sentence naming file, feature and field, and a
// refused import leaves every table of the workspace as it was (and a GeoPackage byte for
// byte), in both stores from the same code (tests/common/workspace_stores.h).
#include <doctest/doctest.h>

#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "tests/common/workspace_builders.h"
#include "tests/common/workspace_snapshot.h"
#include "tests/common/workspace_stores.h"

using namespace geo;

namespace {

// What a refused change must leave: every table as it was, and a file's every byte.
struct Unchanged {
    std::string ws;
    bool file;
    test::WorkspaceSnapshot tables = test::snapshot_of(ws);
    std::string bytes = file ? test::read_text(ws) : "";
    Unchanged(const std::string& w, const test::Store& store) : ws(w), file(store.is_file()) {}
    void check() const {
        CHECK_MESSAGE(test::difference(test::snapshot_of(ws), tables).empty(), test::difference(test::snapshot_of(ws), tables));
        if (file) CHECK(test::read_text(ws) == bytes);
    }
};

// Imports `features` as incidents into a fresh workspace; returns the error message ("" if none)
// and checks the workspace did not change when it failed.
std::string incident_error(const test::Store& store, const std::vector<test::PointFeature>& features) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    const Unchanged before(ws, store);
    const auto src = dir / "bad.geojson";
    test::write_text(src, test::point_collection(features));
    try {
        import_layer(ws, test::incidents_from(src));
    } catch (const BadInput& e) {
        before.check();
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const std::string kOk = "\"id\": \"OK\", \"time\": \"2021-05-01T10:00:00\"";

}  // namespace

TEST_CASE("an unparseable time names file, feature and field") {
  test::for_each_store([](const test::Store& store) {
    const std::string e = incident_error(store, {{kOk}, {"\"id\": \"X7\", \"time\": \"next tuesday\""}});
    CHECK(contains(e, "bad.geojson feature X7: field time 'next tuesday' is not ISO 8601"));
    CHECK(contains(e, "nothing was imported"));
  });
}

TEST_CASE("an unknown enum value lists the allowed ones") {
  test::for_each_store([](const test::Store& store) {
    const std::string e = incident_error(store, {{kOk + ", \"fraud_type\": \"lottery\"", 120.025, 28.895}});
    CHECK(contains(e, "field fraud_type 'lottery' is not one of investment, health_product, "
                      "online_shopping, order_brushing, impersonation_police, loan, romance or other"));
  });
}

TEST_CASE("a point outside the district is refused with its coordinates") {
  test::for_each_store([](const test::Store& store) {
    const std::string e = incident_error(store, {{kOk, 121.5, 31.2}});  // Shanghai
    CHECK(contains(e, "bad.geojson feature OK: location (121.5, 31.2)"));
    CHECK(contains(e, "lies outside the district"));
  });
}

TEST_CASE("NaN coordinates from a CSV are refused") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    const Unchanged before(ws, store);
    test::write_text(dir / "nan.csv", "id,lon,lat,time\nN1,nan,28.9,2021-01-01\n");
    ImportOptions o = test::incidents_from(dir / "nan.csv");
    o.lonlat_x = "lon";
    o.lonlat_y = "lat";
    CHECK_THROWS_WITH_AS(import_layer(ws, o), doctest::Contains("nan.csv feature N1: column lon 'nan' is not a finite number"), BadInput);
    before.check();
  });
}

TEST_CASE("huge and negative values are out of range") {
  test::for_each_store([](const test::Store& store) {
    CHECK(contains(incident_error(store, {{kOk + ", \"loss_yuan\": 1e15"}}),
                   "feature OK: field loss_yuan 1e+15 is outside 0..10000000000"));
    CHECK(contains(incident_error(store, {{kOk + ", \"loss_yuan\": -5"}}), "field loss_yuan -5 is outside"));

    test::ScratchDir dir;
    Metadata m;
    m.crs = "EPSG:4549";
    const std::string ws = store.fresh();
    create_workspace(ws, m);
    const Unchanged before(ws, store);
    test::write_text(dir / "nb.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"N","residents":-3,"transients":0},
       "geometry":{"type":"Polygon","coordinates":[[[120.02,28.89],[120.03,28.89],[120.03,28.9],[120.02,28.89]]]}}]})");
    ImportOptions o;
    o.kind = LayerKind::neighbourhoods;
    o.source = (dir / "nb.geojson").string();
    CHECK_THROWS_WITH_AS(import_layer(ws, o),
                         doctest::Contains("nb.geojson feature N: field residents -3 is outside 0..10000000"), BadInput);
    before.check();
  });
}

TEST_CASE("duplicate ids are refused, inside the source and against the workspace") {
  test::for_each_store([](const test::Store& store) {
    CHECK(contains(incident_error(store, {{kOk}, {kOk}}), "field id 'OK' repeats the id of feature 0"));

    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    import_layer(ws, test::incidents_from(test::fixture("incidents.geojson")));
    const Unchanged before(ws, store);
    CHECK_THROWS_WITH_AS(import_layer(ws, test::incidents_from(test::fixture("incidents.geojson"))),
                         doctest::Contains("'I1' is already in the workspace's incidents (use --replace"), BadInput);
    before.check();
  });
}

TEST_CASE("a missing required field says how to map it") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    const Unchanged before(ws, store);
    test::write_text(dir / "notime.geojson", test::point_collection({{"\"id\": \"A\""}}));
    CHECK_THROWS_WITH_AS(import_layer(ws, test::incidents_from(dir / "notime.geojson")),
                         doctest::Contains("notime.geojson: incidents need the field 'time'"), BadInput);
    before.check();
    const std::string e = incident_error(store, {{kOk}, {"\"id\": \"B\", \"time\": null"}});
    CHECK(contains(e, "feature B: field time is missing"));
  });
}

TEST_CASE("empty and wrong-type geometries are refused") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    const Unchanged before(ws, store);
    test::write_text(dir / "nogeom.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"E1","time":"2021-01-01"},"geometry":null}]})");
    CHECK_THROWS_WITH_AS(import_layer(ws, test::incidents_from(dir / "nogeom.geojson")),
                         doctest::Contains("feature E1: has no geometry; incidents need a point"), BadInput);
    ImportOptions polygons = test::incidents_from(test::fixture("neighbourhoods.geojson"));
    polygons.constants = {{"time", "2021-01-01"}};
    CHECK_THROWS_WITH_AS(import_layer(ws, polygons), doctest::Contains("geometry is a Polygon; incidents need a point"), BadInput);
    before.check();
  });
}

TEST_CASE("a self-intersecting polygon is repaired and reported; a degenerate one is refused") {
    //  bow tie:  (0,0)-(1,1)-(1,0)-(0,1)     degenerate: there and back again
    //    \  /
    //     \/
    //     /\       -> two triangles
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    Metadata m;
    m.crs = "EPSG:4549";
    const std::string ws = store.fresh();
    create_workspace(ws, m);
    test::write_text(dir / "bowtie.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"BT","residents":10,"transients":0},
       "geometry":{"type":"Polygon","coordinates":[[[120.02,28.89],[120.03,28.90],[120.03,28.89],[120.02,28.90],[120.02,28.89]]]}}]})");
    ImportOptions o;
    o.kind = LayerKind::neighbourhoods;
    o.source = (dir / "bowtie.geojson").string();
    const ImportResult r = import_layer(ws, o);
    REQUIRE(r.repaired.size() == 1);
    CHECK(contains(r.repaired[0], "bowtie.geojson feature BT: polygon was invalid and has been repaired"));
    const District d = read_district(ws);
    CHECK(d.neighbourhoods.at(0).area.size() == 2);

    const Unchanged before(ws, store);
    test::write_text(dir / "line.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"LN","residents":10,"transients":0},
       "geometry":{"type":"Polygon","coordinates":[[[120.02,28.89],[120.03,28.89],[120.03,28.89],[120.02,28.89]]]}}]})");
    o.source = (dir / "line.geojson").string();
    o.replace = true;
    CHECK_THROWS_WITH_AS(import_layer(ws, o), doctest::Contains("feature LN: polygon"), BadInput);
    CHECK(read_district(ws).neighbourhoods.size() == 1);
    before.check();  // the --replace did not delete the layer's features
  });
}

// The report goes beside a file workspace, or, for a database, into the current folder.
TEST_CASE("--skip-invalid imports the valid features and writes a report of the rest") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    const std::filesystem::path was = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    test::write_text(dir / "mixed.geojson", test::point_collection({
        {"\"id\": \"G1\", \"time\": \"2021-05-01\""},
        {"\"id\": \"B1\", \"time\": \"yesterday\""},
        {"\"id\": \"G2\", \"time\": \"2021-05-02\""},
        {"\"id\": \"B2\", \"time\": \"2021-05-02\", \"outcome\": \"arrested\""},
    }));
    ImportOptions o = test::incidents_from(dir / "mixed.geojson");
    o.skip_invalid = true;
    const ImportResult r = import_layer(ws, o);
    CHECK(r.imported == 2);
    REQUIRE(r.rejected.size() == 2);
    CHECK(r.rejected[0].feature == "B1");
    CHECK(r.rejected[0].field == "time");
    CHECK(r.rejected[1].field == "outcome");
    const std::string report = test::read_text(r.report_path);
    CHECK(report.rfind("file,feature,field,reason\n", 0) == 0);
    CHECK(contains(report, "mixed.geojson,B1,time,'yesterday' is not ISO 8601"));
    CHECK(contains(report, "mixed.geojson,B2,outcome,\"'arrested' is not one of"));
    if (!store.is_file()) CHECK(std::filesystem::path(r.report_path).parent_path() == dir.path());
    CHECK(read_district(ws).incidents.size() == 2);
    std::filesystem::current_path(was);
  });
}

TEST_CASE("a malformed or missing file is named in the error, and the workspace is untouched") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    const Unchanged before(ws, store);
    test::write_text(dir / "broken.geojson", "{\"type\": \"FeatureCollection\", \"features\": [ {");
    CHECK_THROWS_WITH_AS(import_layer(ws, test::incidents_from(dir / "broken.geojson")),
                         doctest::Contains("broken.geojson: GDAL cannot read it"), BadInput);
    CHECK_THROWS_WITH_AS(import_layer(ws, test::incidents_from(dir / "absent.geojson")),
                         doctest::Contains("absent.geojson: no such file"), BadInput);
    before.check();
  });
}

TEST_CASE("a workspace CRS that is not metric is refused") {
  test::for_each_store([](const test::Store& store) {
    Metadata m;
    m.crs = "EPSG:4326";
    const std::string ws = store.fresh();
    CHECK_THROWS_WITH_AS(create_workspace(ws, m), doctest::Contains("not a projected CRS in metres"), BadInput);
    // Nothing made: no file, and the database holds no workspace (a new one can be made there).
    if (store.is_file()) CHECK_FALSE(std::filesystem::exists(ws));
    CHECK_THROWS_AS(read_metadata(ws), BadInput);
    m.crs = "EPSG:999999";
    CHECK_THROWS_AS(create_workspace(ws, m), BadInput);
    m.crs = "EPSG:4549";
    CHECK_NOTHROW(create_workspace(ws, m));
  });
}
