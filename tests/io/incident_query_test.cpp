// Reading only the incidents an analysis needs (geo/io/incident_query.h), against both stores
// from one code path: the box, the window and the station go to the store, which returns those
// rows (and at most the incidents a second outside the window), not the table; the result is
// the same from either store.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

#include "geo/io/gdal_handles.h"
#include "geo/io/incident_query.h"
#include "geo/io/workspace_store.h"
#include "geo/query/time_window.h"
#include "geo/util/time_parse.h"
#include "tests/common/workspace_stores.h"

using namespace geo;

namespace {

constexpr double kX0 = 500000, kY0 = 3195000;  // EPSG:4549, the sample's district
const std::string kZone = "Asia/Shanghai";

Timestamp local(const std::string& text) { return *parse_iso8601(text, kZone); }

Row incident(const std::string& id, double dx, double dy, Timestamp time, const std::string& station) {
    Row r;
    r.geometry = XY{kX0 + dx, kY0 + dy};
    r.values = {{"id", id}, {"time", time}, {"station_id", station}};
    return r;
}

// June 2021 in Shanghai, inside the box [0, 1000] x [0, 1000] (metres from kX0, kY0):
//
//   1000 +------------------+
//        |  C (S02, 15 Jun) |        F (S01, 10 Jun, 5 km east: outside the box)
//    500 |  B (S01, 30 Jun 23:59:59)
//        |  A (S01, 1 Jun 00:00)    D (S01, 1 Jul 00:00: outside)  E (S01, 31 May 23:59:59: outside)
//      0 +------------------+
//        0                 1000
// and 200 incidents of S01 in 2020 in the box, which no query for June may return.
std::string workspace_for_queries(const test::Store& store) {
    const std::string ws = store.fresh();
    if (is_database_workspace(ws)) {
        // PostGIS there before the workspace is made, as a database's owner does once: GDAL's
        // driver looks for it when it connects, and makes bytea geometries without it.
        GdalDatasetPtr ds = open_vector(ws, true);
        REQUIRE(ds);
        ds->ExecuteSQL("CREATE EXTENSION IF NOT EXISTS postgis", nullptr, nullptr);
    }
    Metadata m;
    m.name = "queries";
    m.crs = "EPSG:4549";
    m.timezone = kZone;
    create_workspace(ws, m);
    std::vector<Row> rows = {
        incident("A", 100, 100, local("2021-06-01T00:00:00"), "S01"),
        incident("B", 200, 500, local("2021-06-30T23:59:59"), "S01"),
        incident("C", 300, 900, local("2021-06-15T12:00:00"), "S02"),
        incident("D", 400, 100, local("2021-07-01T00:00:00"), "S01"),
        incident("E", 500, 100, local("2021-05-31T23:59:59"), "S01"),
        incident("F", 5000, 100, local("2021-06-10T08:00:00"), "S01"),
    };
    for (int i = 0; i < 200; ++i)
        rows.push_back(incident("OLD" + std::to_string(i), 5.0 * i, 700, local("2020-03-01T00:00:00") + std::chrono::hours{i}, "S01"));
    commit_changes(ws, read_metadata(ws), {{LayerKind::incidents, rows, false}});
    ensure_incident_indexes(ws);
    return ws;
}

std::vector<std::string> ids(const District& d) {
    std::vector<std::string> out;
    for (const auto& i : d.incidents) out.push_back(i.id);
    return out;
}

IncidentQuery june_in_box(const std::string& station) {
    IncidentQuery q;
    q.box = Envelope{kX0, kY0, kX0 + 1000, kY0 + 1000};
    q.window = window_containing(local("2021-06-15T00:00:00"), TimeStep::month, kZone);
    q.station_id = station;
    return q;
}

std::vector<std::string> index_names(const std::string& ws) {
    GdalDatasetPtr ds = open_vector(ws, false);
    REQUIRE(ds);
    const bool pg = is_database_workspace(ws);
    const std::string sql = pg ? "SELECT indexname FROM pg_indexes WHERE tablename = 'incidents'"
                               : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents'";
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    REQUIRE(result);
    std::vector<std::string> out;
    for (auto& f : *result) out.push_back(f->GetFieldAsString(0));
    ds->ReleaseResultSet(result);
    return out;
}

}  // namespace

TEST_CASE("incident query: one station's month in a box reads those rows from either store, in time order") {
    test::for_each_store([](const test::Store& store) {
        const std::string ws = workspace_for_queries(store);
        const QueriedDistrict got = read_incident_query(ws, june_in_box("S01"));
        CHECK(ids(got.district) == std::vector<std::string>{"A", "B"});
        // D and E lie within a second of the window, which the store may return; the 2020
        // incidents, C (another station) and F (outside the box) it must not.
        CHECK(got.rows_read >= 2);
        CHECK(got.rows_read <= 4);
        CHECK(got.district.metadata.timezone == kZone);
    });
}

TEST_CASE("incident query: without a station every station's incidents in the window and box") {
    test::for_each_store([](const test::Store& store) {
        const std::string ws = workspace_for_queries(store);
        CHECK(ids(read_incident_query(ws, june_in_box("")).district) == std::vector<std::string>{"A", "C", "B"});
        IncidentQuery window_only = june_in_box("");
        window_only.box.reset();
        CHECK(ids(read_incident_query(ws, window_only).district) == std::vector<std::string>{"A", "F", "C", "B"});
    });
}

TEST_CASE("incident query: no filter gives every incident, as read_district does") {
    test::for_each_store([](const test::Store& store) {
        const std::string ws = workspace_for_queries(store);
        const QueriedDistrict all = read_incident_query(ws, IncidentQuery{});
        CHECK(all.rows_read == 206);
        std::vector<std::string> whole = ids(read_district(ws));
        std::vector<std::string> queried = ids(all.district);
        std::sort(whole.begin(), whole.end());
        std::sort(queried.begin(), queried.end());
        CHECK(queried == whole);
    });
}

TEST_CASE("incident query: the time and station indexes are made once, in either store") {
    test::for_each_store([](const test::Store& store) {
        const std::string ws = workspace_for_queries(store);
        ensure_incident_indexes(ws);  // again: nothing new, no error
        const std::vector<std::string> names = index_names(ws);
        CHECK(std::count(names.begin(), names.end(), "incidents_time_idx") == 1);
        CHECK(std::count(names.begin(), names.end(), "incidents_station_time_idx") == 1);
    });
}
