// The workspace contract, run against both stores from the same code (tests/common/
// workspace_stores.h): a GeoPackage file and a PostGIS database give back exactly what was
// written, refuse the same bad changes leaving everything as it was, count and log commits,
// and merge what two programs record.
#include <doctest/doctest.h>

#include "data/generator/jiangnan.h"
#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "tests/common/workspace_builders.h"
#include "tests/common/workspace_stores.h"

using namespace geo;

TEST_CASE("stores: the whole sample written and read back is the sample, field by field") {
    const District sample = sample::generate_jiangnan();
    test::for_each_store([&](const test::Store& store) {
        const std::string ws = store.fresh();
        write_district(ws, sample);
        const District back = read_district(ws);
        CHECK(back.metadata.name == sample.metadata.name);
        CHECK(back.metadata.crs == sample.metadata.crs);
        CHECK(back.neighbourhoods.size() == sample.neighbourhoods.size());
        for (std::size_t i = 0; i < sample.neighbourhoods.size() && i < back.neighbourhoods.size(); ++i) {
            CHECK(back.neighbourhoods[i].id == sample.neighbourhoods[i].id);
            CHECK(back.neighbourhoods[i].age_share == sample.neighbourhoods[i].age_share);
            CHECK(back.neighbourhoods[i].area == sample.neighbourhoods[i].area);
        }
        REQUIRE(back.incidents.size() == sample.incidents.size());
        for (std::size_t i = 0; i < sample.incidents.size(); ++i) {
            CHECK(back.incidents[i].id == sample.incidents[i].id);
            CHECK(back.incidents[i].time == sample.incidents[i].time);
            CHECK(back.incidents[i].location == sample.incidents[i].location);
            CHECK(back.incidents[i].loss_yuan == sample.incidents[i].loss_yuan);
        }
        CHECK(back.buildings.size() == sample.buildings.size());
        for (std::size_t i = 0; i < sample.buildings.size() && i < back.buildings.size(); ++i)
            CHECK(back.buildings[i].flags == sample.buildings[i].flags);
        CHECK(back.warnings.size() == sample.warnings.size());
        // In a database tracks and plans take their officer's station (table_stations.h), the sample's S01.
        District expected = sample;
        for (auto& t : expected.tracks) t.station_id = store.is_file() ? "" : "S01";
        for (auto& p : expected.planned_visits) p.station_id = store.is_file() ? "" : "S01";
        CHECK(back.tracks == expected.tracks);
        CHECK(back.planned_visits == expected.planned_visits);
        CHECK(back.roads.size() == sample.roads.size());
    });
}

TEST_CASE("stores: create, import, refuse a clashing import whole, count and log the commits") {
    test::for_each_store([&](const test::Store& store) {
        const std::string ws = store.fresh();
        Metadata m;
        m.name = "江南";
        m.crs = "EPSG:4549";
        create_workspace(ws, m);
        CHECK_THROWS_AS(create_workspace(ws, m), BadInput);  // there already
        const std::int64_t start = read_metadata(ws).change;
        ImportOptions o;
        o.kind = LayerKind::neighbourhoods;
        o.source = test::fixture("neighbourhoods.geojson").string();
        CHECK(import_layer(ws, o).imported == 2);
        CHECK(read_metadata(ws).change == start + 1);
        // The same features again clash on their ids: refused, nothing written.
        CHECK_THROWS_AS(import_layer(ws, o), BadInput);
        CHECK(read_metadata(ws).change == start + 1);
        CHECK(count_features(ws, LayerKind::neighbourhoods) == 2);
        import_layer(ws, test::incidents_from(test::fixture("incidents.geojson")));
        const auto log = changes_since(ws, start);
        REQUIRE(log.size() == 2);
        CHECK(log[0].tables == "neighbourhoods");
        CHECK(log[1].tables == "incidents");
        CHECK(read_district(ws).incidents.size() == count_features(ws, LayerKind::incidents));
    });
}

TEST_CASE("stores: visits two programs record are merged, lectures and tracks added, each one commit") {
    test::for_each_store([&](const test::Store& store) {
        const std::string ws = store.fresh();
        District d = sample::generate_jiangnan();
        d.tracks.resize(2);
        write_district(ws, d);
        const District read = read_district(ws);
        const VisitTables base{read.planned_visits, read.visits};
        const std::string s01 = store.is_file() ? "" : "S01";  // in a database, the officer's station
        const VisitRecord a{read.buildings[0].id, "2021-06-14", "P01", "app", "2021-06-14T10:00:00Z", s01};
        const VisitRecord b{read.buildings[1].id, "2021-06-15", "P02", "b.csv", "2021-06-15T10:00:00Z", s01};
        commit_visits(ws, base, {base.planned, {a}});
        commit_visits(ws, base, {base.planned, {b}});  // read before a was recorded: a stays
        CHECK(read_district(ws).visits == std::vector<VisitRecord>{a, b});
        commit_lectures(ws, {{"S1", "2021-06-22", "investment", 120, 50, "cli", "2021-06-22T12:00:00Z"}});
        Track t = read.tracks[0];
        t.id = "P01-2021-06-21-phone";
        t.source = "monday.gpx";
        commit_tracks(ws, {t});
        const District after = read_district(ws);
        CHECK(after.lectures.size() == 1);
        CHECK(after.tracks.size() == 3);
        CHECK(after.metadata.change == read.metadata.change + 4);
    });
}
