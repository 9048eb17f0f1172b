// The visit tables in the workspace: written atomically beside the layers, refused when the
// workspace changed since it was read, kept by write_district (in both stores from the same
// code, tests/common/workspace_stores.h); visits from a CSV, all or nothing.
#include <doctest/doctest.h>

#include <chrono>

#include "geo/io/visit_csv.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"
#include "tests/common/fixtures.h"
#include "tests/common/workspace_builders.h"
#include "tests/common/workspace_stores.h"

using namespace geo;

namespace {

std::filesystem::path sample_copy(const test::ScratchDir& dir) {
    const auto path = dir / "ws.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", path);
    return path;
}

Timestamp at(const char* iso) { return *parse_iso8601(iso, "UTC"); }

}  // namespace

TEST_CASE("commit_visits writes plans and visits beside the layers, which stay as they were") {
  test::for_each_store([](const test::Store& store) {
    const std::string ws = store.fresh();
    write_district(ws, read_district(test::source_dir() / "data/jiangnan.gpkg"));
    const District before = read_district(ws);
    CHECK(before.visits.empty());
    // In a database rows take their officer's station, the sample's S01 (table_stations.h).
    const std::string s01 = store.is_file() ? "" : "S01";
    // The sample has every officer's W24 plan issued; a W30 plan is added beside them.
    const std::vector<PlannedVisit> mine = {{"P01", "2021-W30", "2021-07-26", 1, before.buildings[0].id, 3.5, s01}};
    std::vector<PlannedVisit> planned = before.planned_visits;
    planned.insert(planned.end(), mine.begin(), mine.end());
    const std::vector<VisitRecord> visits = {{before.buildings[0].id, "2021-06-14", "P01", "app", "2021-06-14T10:00:00Z", s01}};
    const VisitCommit done = commit_visits(ws, {before.planned_visits, {}}, {planned, visits});
    CHECK(done.metadata.updated >= before.metadata.updated);
    CHECK(done.metadata.change == before.metadata.change + 1);
    CHECK(done.tables.visits == visits);
    const District after = read_district(ws);
    CHECK(after.planned_visits == planned);
    CHECK(after.visits == visits);
    CHECK(after.incidents.size() == before.incidents.size());
    CHECK(after.buildings.size() == before.buildings.size());
    CHECK(after.posters.size() == before.posters.size());

    SUBCASE("a second program's visits, recorded since the first read, are kept, not overwritten") {
        // Program A read `after`; program B records a visit meanwhile; A then takes one of its
        // visits back and records another. Both programs' changes are in the file.
        const VisitRecord b_visit{before.buildings[1].id, "2021-06-15", "P02", "b.csv", "2021-06-15T10:00:00Z", s01};
        commit_visits(ws, {after.planned_visits, after.visits}, {after.planned_visits, {visits[0], b_visit}});
        const VisitRecord a_visit{before.buildings[2].id, "2021-06-16", "P01", "app", "2021-06-16T10:00:00Z", s01};
        const VisitCommit a = commit_visits(ws, {after.planned_visits, after.visits}, {after.planned_visits, {a_visit}});
        CHECK(a.tables.visits == std::vector<VisitRecord>{b_visit, a_visit});
        CHECK(read_district(ws).visits == a.tables.visits);
        CHECK(a.tables.planned == planned);
        // The change log says who wrote what.
        const auto log = changes_since(ws, before.metadata.change);
        REQUIRE(log.size() == 3);
        CHECK(log[2].tables.find("patrolmap_visits") != std::string::npos);
    }
    SUBCASE("write_district keeps them") {
        const std::string copy_ws = store.fresh();
        write_district(copy_ws, after);
        const District copy = read_district(copy_ws);
        CHECK(copy.planned_visits == planned);
        CHECK(copy.visits == visits);
    }
  });
}

TEST_CASE("visits from a CSV: dates in the workspace's zone, blank lines skipped, optional officer") {
    test::ScratchDir dir;
    const District d = read_district(sample_copy(dir));
    const auto csv = dir / "visits.csv";
    test::write_text(csv, "building_id,date,officer_id\n" + d.buildings[0].id + ",2021-06-15,P01\n,,\n" + d.buildings[1].id +
                              ",2021/6/16,\n" + d.buildings[2].id + ",2021-06-16T23:30:00Z,\n");
    const auto visits = read_visit_csv(csv, d, at("2021-07-01T00:00:00Z"), "stamp");
    REQUIRE(visits.size() == 3);
    CHECK(visits[0].officer_id == "P01");
    CHECK(visits[0].date == "2021-06-15");
    CHECK(visits[1].date == "2021-06-16");
    CHECK(visits[2].date == "2021-06-17");  // 23:30 UTC is the next morning in Shanghai
    CHECK(visits[2].source == "visits.csv");
    CHECK(visits[2].recorded == "stamp");
}

TEST_CASE("a bad visit CSV names the file, the line and the field") {
    test::ScratchDir dir;
    const District d = read_district(sample_copy(dir));
    const auto check = [&](const std::string& text, const std::string& expected) {
        const auto csv = dir / "bad.csv";
        test::write_text(csv, text);
        CAPTURE(text);
        try {
            read_visit_csv(csv, d, at("2021-07-01T00:00:00Z"), "");
            FAIL("no error");
        } catch (const BadInput& e) {
            const std::string message = e.what();
            CAPTURE(message);
            CHECK(message.find("bad.csv") != std::string::npos);
            CHECK(message.find(expected) != std::string::npos);
        }
    };
    const std::string b = d.buildings[0].id;
    check("building_id,date\n" + b + ",2021-06-15\nNOPE,2021-06-15\n", "line 3: field building_id: 'NOPE' is not a building");
    check("building_id,date\n" + b + ",2021-02-30\n", "line 2: field date: '2021-02-30' is not a date");
    check("building_id,date\n" + b + ",2021-07-02\n", "2021-07-02 is in the future");
    check("building_id,date\n" + b + ",1999-12-31\n", "before 2000");
    check("building_id,date,officer_id\n" + b + ",2021-06-15,P99\n", "field officer_id: 'P99' is not an officer");
    check("id,when\n" + b + ",2021-06-15\n", "needs a building_id column (found: id, when)");
}
