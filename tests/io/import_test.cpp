// Import from each source format into a workspace: fields, times, CRS and extras, in both stores
// from the same code (tests/common/workspace_stores.h).
#include <cmath>

#include <doctest/doctest.h>

#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/util/time_parse.h"
#include "tests/common/workspace_builders.h"
#include "tests/common/workspace_stores.h"

using namespace geo;

namespace {
const Incident& by_id(const District& d, const std::string& id) {
    for (const auto& i : d.incidents)
        if (i.id == id) return i;
    FAIL("no incident " << id);
    return d.incidents.front();
}
}  // namespace

TEST_CASE("GeoJSON neighbourhoods import with every field, extras kept, in the workspace CRS") {
  test::for_each_store([](const test::Store& store) {
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    const District d = read_district(ws);
    REQUIRE(d.neighbourhoods.size() == 2);
    const Neighbourhood& a = d.neighbourhoods[0].id == "NB-A" ? d.neighbourhoods[0] : d.neighbourhoods[1];
    CHECK(a.name == "金城小区");
    CHECK(a.name_en == "Jincheng Estate");
    CHECK(a.residents == 1200);
    CHECK(a.transients == 300);
    CHECK(a.households == 460);
    CHECK(a.officer_id == "P01");
    CHECK(a.app_adoption.value() == doctest::Approx(0.93));
    CHECK(a.liaison == "江南反诈联络群-01");
    CHECK(std::get<std::int64_t>(a.extras.at("district_code")) == 330784);
    // 0.01° x 0.01° at 28.9°N is about 975 m x 1109 m.
    CHECK(area_m2(a.area) == doctest::Approx(975.3 * 1108.8).epsilon(0.01));
    CHECK(d.metadata.crs == "EPSG:4549");
  });
}

TEST_CASE("GeoJSON incidents: ISO times with and without zone and date-only, enums, defaults") {
  test::for_each_store([](const test::Store& store) {
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    const ImportResult r = import_layer(ws, test::incidents_from(test::fixture("incidents.geojson")));
    CHECK(r.imported == 5);
    const District d = read_district(ws);
    REQUIRE(d.incidents.size() == 5);
    CHECK(format_iso8601_utc(by_id(d, "I1").time) == "2021-05-03T06:20:00Z");
    CHECK(format_iso8601_utc(by_id(d, "I2").time) == "2021-05-04T01:00:00Z");  // Asia/Shanghai
    CHECK(format_iso8601_utc(by_id(d, "I3").time) == "2021-05-31T16:00:00Z");  // local midnight
    CHECK(format_iso8601_utc(by_id(d, "I4").time) == "2021-06-02T01:00:00Z");
    CHECK(by_id(d, "I1").fraud_type == FraudType::investment);
    CHECK(by_id(d, "I1").victim_age_band == AgeBand::age_60_plus);
    CHECK(by_id(d, "I1").loss_yuan == 52000);
    CHECK(std::get<std::string>(by_id(d, "I1").extras.at("memo")) == "理财群");
    CHECK(by_id(d, "I2").outcome == Outcome::dissuaded);
    CHECK(by_id(d, "I2").source == IncidentSource::bank_warning);
    CHECK(by_id(d, "I3").recovered_yuan == 1000);
    // Defaults for what the source leaves out.
    CHECK(by_id(d, "I5").fraud_type == FraudType::other);
    CHECK(by_id(d, "I5").victim_age_band == AgeBand::unknown);
    CHECK(by_id(d, "I5").outcome == Outcome::unknown);
    CHECK(by_id(d, "I5").loss_yuan == 0);
  });
}

TEST_CASE("CSV with --lonlat columns, Chinese text kept") {
  test::for_each_store([](const test::Store& store) {
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    ImportOptions o = test::incidents_from(test::fixture("incidents.csv"));
    o.lonlat_x = "lon";
    o.lonlat_y = "lat";
    CHECK(import_layer(ws, o).imported == 4);
    const District d = read_district(ws);
    CHECK(by_id(d, "C1").fraud_type == FraudType::loan);
    CHECK(by_id(d, "C2").loss_yuan == 45000);
    CHECK(std::get<std::string>(by_id(d, "C3").extras.at("memo")) == "冒充公检法");
    CHECK(by_id(d, "C1").extras.count("lon") == 0);  // the coordinates became the geometry
  });
}

TEST_CASE("CSV with a WKT column and --time-format") {
  test::for_each_store([](const test::Store& store) {
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    ImportOptions o = test::incidents_from(test::fixture("incidents_wkt.csv"));
    o.wkt_column = "wkt";
    o.time_format = "%Y%m%d %H%M";
    CHECK(import_layer(ws, o).imported == 3);
    const District d = read_district(ws);
    CHECK(format_iso8601_utc(by_id(d, "W1").time) == "2021-08-01T01:30:00Z");
    CHECK(format_iso8601_utc(by_id(d, "W3").time) == "2021-08-03T14:15:00Z");
  });
}

TEST_CASE("--field maps their names to ours, --set gives constants, --map-values translates") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    const auto src = dir / "theirs.geojson";
    test::write_text(src, test::point_collection({
        {"\"case_no\": \"A-1\", \"when\": \"2021-03-01T10:00:00\", \"kind\": \"理财\""},
        {"\"case_no\": \"A-2\", \"when\": \"2021-03-02T10:00:00\", \"kind\": \"刷单\""},
        {"\"case_no\": \"A-3\", \"when\": \"2021-03-03T10:00:00\", \"kind\": \"其他\""},
    }));
    ImportOptions o = test::incidents_from(src);
    o.field_map = {{"id", "case_no"}, {"time", "when"}, {"fraud_type", "kind"}};
    o.constants = {{"source", "patrol"}};
    o.value_map["fraud_type"] = {{"理财", "investment"}, {"刷单", "order_brushing"}, {"*", "other"}};
    CHECK(import_layer(ws, o).imported == 3);
    const District d = read_district(ws);
    CHECK(by_id(d, "A-1").fraud_type == FraudType::investment);
    CHECK(by_id(d, "A-2").fraud_type == FraudType::order_brushing);
    CHECK(by_id(d, "A-3").fraud_type == FraudType::other);
    CHECK(by_id(d, "A-1").source == IncidentSource::patrol);
    // The source's own column stays, so the original wording is never lost.
    CHECK(std::get<std::string>(by_id(d, "A-2").extras.at("kind")) == "刷单");
  });
}

TEST_CASE("--datum gcj02 moves an Amap point back to WGS84 before projecting") {
  test::for_each_store([](const test::Store& store) {
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    ImportOptions plain = test::incidents_from(test::fixture("incidents_gcj02.csv"));
    plain.lonlat_x = "lon";
    plain.lonlat_y = "lat";
    ImportOptions corrected = plain;
    corrected.datum = ChineseDatum::gcj02;
    const std::string ws2 = store.fresh();
    test::workspace_with_neighbourhoods_at(ws2);
    import_layer(ws, plain);
    import_layer(ws2, corrected);
    const XY as_given = read_district(ws).incidents.at(0).location;
    const XY fixed = read_district(ws2).incidents.at(0).location;
    // GCJ-02 shifts Yongkang by roughly 550 m, mostly east: the correction moves it back west.
    const double shift = std::hypot(as_given.x - fixed.x, as_given.y - fixed.y);
    CHECK(shift > 300);
    CHECK(shift < 800);
    CHECK(fixed.x < as_given.x);
  });
}

TEST_CASE("a workspace created without a CRS takes Gauss-Krueger in China and UTM elsewhere") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    Metadata m;
    m.name = "no crs yet";
    const std::string cn = store.fresh(), us_ws = store.fresh();
    create_workspace(cn, m);
    ImportOptions o;
    o.kind = LayerKind::neighbourhoods;
    o.source = test::fixture("neighbourhoods.geojson").string();
    const ImportResult r = import_layer(cn, o);
    CHECK(r.crs_chosen);
    CHECK(r.workspace_crs == "EPSG:4549");
    CHECK(read_metadata(cn).crs == "EPSG:4549");

    create_workspace(us_ws, m);
    const auto src = dir / "portland.geojson";
    test::write_text(src, test::point_collection({{"\"id\": \"P\", \"time\": \"2016-08-01\"", -122.68, 45.52}}));
    const ImportResult us = import_layer(us_ws, test::incidents_from(src));
    CHECK(us.workspace_crs == "EPSG:32610");
  });
}

TEST_CASE("--replace swaps the layer's features; a second plain import adds") {
  test::for_each_store([](const test::Store& store) {
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    import_layer(ws, test::incidents_from(test::fixture("incidents.geojson")));
    ImportOptions csv = test::incidents_from(test::fixture("incidents.csv"));
    csv.lonlat_x = "lon";
    csv.lonlat_y = "lat";
    import_layer(ws, csv);
    CHECK(read_district(ws).incidents.size() == 9);
    csv.replace = true;
    const ImportResult r = import_layer(ws, csv);
    CHECK(r.replaced == 9);
    CHECK(read_district(ws).incidents.size() == 4);
  });
}
