// Real, messy public data committed in data/external (see its SOURCES.md):
// Portland police calls for service (CC0) and an OSM extract of Monaco (ODbL).
#include <doctest/doctest.h>

#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/summary/district_summary.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"
#include "tests/common/workspace_builders.h"

using namespace geo;

namespace {
std::string in_zip(const std::string& name) { return "/vsizip/" + test::external("incidents/" + name).string(); }
}  // namespace

TEST_CASE("Portland: districts and calls for service import from their zips") {
    REQUIRE(std::filesystem::exists(test::external("incidents/portland_cfs_2016-08.zip")));
    test::ScratchDir dir;
    const auto ws = dir / "portland.gpkg";
    Metadata m;
    m.name = "Portland";
    m.timezone = "America/Los_Angeles";
    create_workspace(ws, m);

    // Police districts as the neighbourhood layer; they carry no population, said so with --set.
    ImportOptions districts;
    districts.kind = LayerKind::neighbourhoods;
    districts.source = in_zip("portland_police_districts.zip");
    districts.field_map = {{"id", "DISTRICT"}, {"name", "DISTRICT"}};
    districts.constants = {{"residents", "0"}, {"transients", "0"}};
    const ImportResult d = import_layer(ws, districts);
    CHECK(d.imported == 60);
    CHECK(d.crs_chosen);
    CHECK(d.workspace_crs == "EPSG:32610");  // UTM 10N, from Oregon North feet

    ImportOptions calls;
    calls.kind = LayerKind::incidents;
    calls.source = in_zip("portland_cfs_2016-08.zip");
    calls.field_map = {{"time", "occ_date"}, {"fraud_type", "CATEGORY"}};
    calls.value_map["fraud_type"] = {{"*", "other"}};

    // All or nothing: the bad record makes the plain import fail and change nothing.
    const std::string before = test::read_text(ws);
    CHECK_THROWS_WITH_AS(import_layer(ws, calls), doctest::Contains("portland_cfs_2016-08.zip feature"), BadInput);
    CHECK(test::read_text(ws) == before);

    calls.skip_invalid = true;
    const ImportResult r = import_layer(ws, calls);
    CHECK(r.imported + r.rejected.size() == 19376);
    // The record with x = 0 (its point is a no-location placeholder) is among the rejected.
    bool bad_record_reported = false;
    for (const auto& rej : r.rejected)
        if (rej.feature == "19375" && rej.reason.find("placeholder for no location") != std::string::npos)
            bad_record_reported = true;
    CHECK(bad_record_reported);
    CHECK(r.rejected.size() < 10);
    CHECK(std::filesystem::exists(r.report_path));

    const District district = read_district(ws);
    // DBF dates have no time of day: local midnight in Portland, UTC-7 in August.
    CHECK(format_iso8601_utc(district.incidents.front().time).substr(10) == "T07:00:00Z");
    const DistrictSummary s = summarise(district);
    REQUIRE(s.months.size() == 1);
    CHECK(s.months[0].year == 2016);
    CHECK(s.months[0].month == 8);
    // CATEGORY is kept as it came, for per-category analyses.
    CHECK(to_text(district.incidents.front().extras.at("CATEGORY")).size() > 0);
}

TEST_CASE("OSM PBF: roads with class and one-way, buildings as polygons, no flags needed") {
    REQUIRE(std::filesystem::exists(test::external("roads/monaco.osm.pbf")));
    test::ScratchDir dir;
    const auto ws = dir / "monaco.gpkg";
    create_workspace(ws, Metadata{});
    ImportOptions roads;
    roads.kind = LayerKind::roads;
    roads.source = test::external("roads/monaco.osm.pbf").string();
    const ImportResult r = import_layer(ws, roads);
    CHECK(r.workspace_crs == "EPSG:32632");
    CHECK(r.imported > 1000);
    ImportOptions buildings = roads;
    buildings.kind = LayerKind::buildings;
    const ImportResult b = import_layer(ws, buildings);
    CHECK(b.imported > 1000);
    // A few closed ways of two nodes are mapping slips: left out and said so.
    REQUIRE(b.notes.size() == 1);
    CHECK(b.notes[0].find("building ways with no area") != std::string::npos);

    const District d = read_district(ws);
    std::map<RoadClass, int> by_class;
    int oneway = 0;
    for (const auto& road : d.roads) {
        ++by_class[road.road_class];
        oneway += road.oneway;
        CHECK(road.speed_kmh > 0);
    }
    for (RoadClass c : {RoadClass::provincial, RoadClass::arterial, RoadClass::local, RoadClass::alley, RoadClass::path})
        CHECK_MESSAGE(by_class[c] > 0, name_of(c));
    CHECK(oneway > 100);  // Monaco is full of one-way streets
    int polygons = 0;
    for (const auto& b : d.buildings) polygons += !b.footprint.empty();
    CHECK(polygons == static_cast<int>(d.buildings.size()));
    CHECK(to_text(d.roads.front().extras.at("highway")).size() > 0);
}
