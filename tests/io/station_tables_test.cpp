// The tables beside the layers in a city workspace (issue 14): weekly plans, visits, lectures
// held and tracks belong to stations as the layers' rows do. A station's user reads every
// station's rows and writes only their own: the database refuses the rest (psql as the user),
// and PatrolMap says so first, naming the table, the row and its station, writing nothing.
// One cluster for the whole case: starting one costs seconds.
#include <doctest/doctest.h>

#include <algorithm>

#include "geo/io/district_rows.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "tests/common/city_workspace.h"

using namespace geo;

namespace {

constexpr std::int64_t kJune15 = 1623715200;  // 2021-06-15T00:00:00Z

// The layers the tables' stations come from: officer O1 and building B1 of S01, O2, B2 and the
// site V2 of S02.
void write_station_layers(const std::string& admin) {
    District d;
    for (const auto& [id, station] : {std::pair{"O1", "S01"}, std::pair{"O2", "S02"}}) {
        Officer o;
        o.id = id, o.station_id = station, o.post = XY{500000, 3200000};
        d.officers.push_back(o);
    }
    for (const auto& [id, station] : {std::pair{"B1", "S01"}, std::pair{"B2", "S02"}}) {
        Building b;
        b.id = id, b.station_id = station, b.location = {500010, 3200010};
        d.buildings.push_back(b);
    }
    Site v;
    v.id = "V2", v.station_id = "S02", v.location = {500200, 3200200};
    d.sites.push_back(v);
    commit_changes(admin, read_metadata(admin),
                   {{LayerKind::officers, to_rows(d, LayerKind::officers), false},
                    {LayerKind::buildings, to_rows(d, LayerKind::buildings), false},
                    {LayerKind::sites, to_rows(d, LayerKind::sites), false}});
}

Track track(const std::string& id, const std::string& officer, const std::string& source) {
    Track t;
    t.id = id, t.officer_id = officer, t.source = source;
    for (int i = 0; i < 3; ++i) t.points.push_back({{500000.0 + 10 * i, 3200000}, Timestamp(std::chrono::seconds(kJune15 + 60 * i))});
    return t;
}

template <class Records, class Match>
const auto& find_in(const Records& records, Match match, const std::string& what) {
    const auto it = std::find_if(records.begin(), records.end(), match);
    REQUIRE_MESSAGE(it != records.end(), "no " << what);
    return *it;
}

// Every row of the four tables, with its station, in one comparable order.
std::vector<std::string> table_rows(const District& d) {
    std::vector<std::string> out;
    for (const auto& p : d.planned_visits) out.push_back("plan " + p.officer_id + " " + p.date + " " + p.building_id + " " + p.station_id);
    for (const auto& v : d.visits) out.push_back("visit " + v.building_id + " " + v.date + " " + v.officer_id + " " + v.station_id);
    for (const auto& l : d.lectures)
        out.push_back("lecture " + l.venue_id + " " + l.date + " " + std::to_string(l.attendance) + " " + l.station_id);
    for (const auto& t : d.tracks) out.push_back("track " + t.id + " " + t.source + " " + t.station_id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("Plans, visits, lectures and tracks: a station's user reads every station's, writes only their own") {
    test::CityWorkspace city;
    write_station_layers(city.admin);

    // The administrator writes rows of both stations without naming any: each takes its
    // officer's, building's or venue's station.
    commit_visits(city.admin, {},
                  {{{"O1", "2021-W24", "2021-06-15", 1, "B1", 2}, {"O2", "2021-W24", "2021-06-15", 1, "B2", 3}},
                   {{"B1", "2021-06-15", "O1", "app", "2021-06-15T09:00:00Z"}, {"B2", "2021-06-15", "", "visits.csv", "2021-06-15T09:00:00Z"}}});
    commit_lectures(city.admin, {{"V2", "2021-06-22", "investment", 120, 50, "cli", "2021-06-22T12:00:00Z"}});
    commit_tracks(city.admin, {track("O2-2021-06-15-phone", "O2", "li.gpx")});
    const District start = read_district(city.admin);
    CHECK(table_rows(start) == std::vector<std::string>{
                                   "lecture V2 2021-06-22 120 S02",
                                   "plan O1 2021-06-15 B1 S01",
                                   "plan O2 2021-06-15 B2 S02",
                                   "track O2-2021-06-15-phone li.gpx S02",
                                   "visit B1 2021-06-15 O1 S01",
                                   "visit B2 2021-06-15  S02",  // no officer: the building's station
                               });

    {  // psql as S01's user: S02's rows are read, not changed, removed or added to; S01's are
        CHECK(city.sql_as("wang", "SELECT count(*) FROM patrolmap_visit_plans WHERE station_id = 'S02';") == "1\n");
        CHECK(city.sql_as("wang", "UPDATE patrolmap_visit_plans SET priority = 9 WHERE officer_id = 'O2' RETURNING officer_id;") == "");
        CHECK(city.sql_as("wang", "DELETE FROM patrolmap_visits WHERE building_id = 'B2' RETURNING building_id;") == "");
        CHECK(city.sql_as("wang", "UPDATE patrolmap_lectures SET attendance = 1 RETURNING venue_id;") == "");
        CHECK(city.sql_as("wang", "DELETE FROM tracks RETURNING id;") == "");
        CHECK(city.sql_as("wang", "INSERT INTO patrolmap_lectures (venue_id, date, station_id) VALUES ('V2', '2021-06-29', 'S02');") ==
              "refused");
        CHECK(city.sql_as("wang", "INSERT INTO patrolmap_visits (building_id, date) VALUES ('B1', '2021-06-16');") == "refused");
        CHECK(city.sql_as("wang", "UPDATE patrolmap_visits SET station_id = 'S02' WHERE building_id = 'B1';") == "refused");
        CHECK(city.sql_as("wang", "UPDATE patrolmap_visits SET source = 'psql' WHERE building_id = 'B1' RETURNING building_id;") ==
              "B1\n");
        const District after = read_district(city.admin);
        CHECK(find_in(after.visits, [](const VisitRecord& v) { return v.building_id == "B1"; }, "visit of B1").source == "psql");
        CHECK(find_in(after.planned_visits, [](const PlannedVisit& p) { return p.officer_id == "O2"; }, "plan of O2").priority == 3);
        CHECK(table_rows(after) == table_rows(start));
    }

    {  // PatrolMap as S01's user: another station's rows refused naming them, nothing written; its own written
        const District seen = read_district(city.wang);  // reads the whole city
        CHECK(table_rows(seen) == table_rows(start));
        const VisitTables base{seen.planned_visits, seen.visits};

        VisitTables reissued = base;  // O2's plan issued again by S01's user, as `routes` would
        for (auto& p : reissued.planned)
            if (p.officer_id == "O2") p.building_id = "B1", p.station_id.clear();
        CHECK_THROWS_WITH_AS(commit_visits(city.wang, base, reissued),
                             doctest::Contains("patrolmap_visit_plans O2 2021-W24 2021-06-15 stop 1 belongs to station S02 (西城派出所)"),
                             BadInput);
        VisitTables unticked = base;  // S02's visit of B2 removed
        std::erase_if(unticked.visits, [](const VisitRecord& v) { return v.building_id == "B2"; });
        CHECK_THROWS_WITH_AS(commit_visits(city.wang, base, unticked), doctest::Contains("patrolmap_visits B2 on 2021-06-15 belongs to station S02"),
                             BadInput);
        CHECK_THROWS_WITH_AS(commit_visits(city.wang, base, unticked), doctest::Contains("you (wang) remove only 江南派出所 (S01)'s rows"),
                             BadInput);
        VisitTables by_o2 = base;  // a visit by S02's officer
        by_o2.visits.push_back({"B1", "2021-06-16", "O2", "app", "2021-06-16T09:00:00Z"});
        CHECK_THROWS_WITH_AS(commit_visits(city.wang, base, by_o2), doctest::Contains("patrolmap_visits B1 on 2021-06-16 belongs to station S02"),
                             BadInput);
        // S02's lecture at V2 that day corrected (the merge replaces a venue's lecture of a day).
        CHECK_THROWS_WITH_AS(commit_lectures(city.wang, {{"V2", "2021-06-22", "investment", 90, 50, "app", "2021-06-22T13:00:00Z"}}),
                             doctest::Contains("patrolmap_lectures V2 on 2021-06-22 belongs to station S02"), BadInput);
        CHECK_THROWS_WITH_AS(commit_tracks(city.wang, {track("O2-2021-06-15-phone", "O2", "wang.gpx")}),
                             doctest::Contains("tracks O2-2021-06-15-phone belongs to station S02"), BadInput);
        const District unchanged = read_district(city.admin);
        CHECK(table_rows(unchanged) == table_rows(start));
        CHECK(unchanged.metadata.change == start.metadata.change);

        // Its own: a visit ticked and O1's plan re-issued, a lecture its team held (at S02's venue:
        // the team's station, S01), a track of O1 from a file named as S02's (which stays).
        VisitTables mine = base;
        mine.visits.push_back({"B1", "2021-06-16", "", "app", "2021-06-16T09:00:00Z"});
        for (auto& p : mine.planned)
            if (p.officer_id == "O1") p.priority = 5, p.station_id.clear();
        const VisitCommit done = commit_visits(city.wang, base, mine);
        commit_lectures(city.wang, {{"V2", "2021-06-29", "health_product", 40, 20, "app", "2021-06-29T12:00:00Z"}});
        commit_tracks(city.wang, {track("O1-2021-06-15-phone", "O1", "li.gpx")});
        CHECK(done.tables.visits.size() == 3);
        const District after = read_district(city.admin);
        CHECK(table_rows(after) == std::vector<std::string>{
                                       "lecture V2 2021-06-22 120 S02",
                                       "lecture V2 2021-06-29 40 S01",
                                       "plan O1 2021-06-15 B1 S01",
                                       "plan O2 2021-06-15 B2 S02",
                                       "track O1-2021-06-15-phone li.gpx S01",
                                       "track O2-2021-06-15-phone li.gpx S02",
                                       "visit B1 2021-06-15 O1 S01",
                                       "visit B1 2021-06-16  S01",
                                       "visit B2 2021-06-15  S02",
                                   });
        CHECK(find_in(after.planned_visits, [](const PlannedVisit& p) { return p.officer_id == "O1"; }, "plan of O1").priority == 5);
        CHECK(after.metadata.change == start.metadata.change + 3);
    }

    {  // A city workspace made before these tables' rows had stations: read as before, written
       // by its administrator only, whose next write gives the table its column and policies.
        REQUIRE(city.pg->sql("\\c city\n"
                             "ALTER TABLE patrolmap_lectures DISABLE ROW LEVEL SECURITY;"
                             "DROP POLICY patrolmap_read ON patrolmap_lectures; DROP POLICY patrolmap_add ON patrolmap_lectures;"
                             "DROP POLICY patrolmap_change ON patrolmap_lectures; DROP POLICY patrolmap_remove ON patrolmap_lectures;"
                             "ALTER TABLE patrolmap_lectures DROP COLUMN station_id;"));
        CHECK(read_district(city.wang).lectures.size() == 2);
        const LectureRecord july{"V2", "2021-07-06", "investment", 60, 30, "cli", "2021-07-06T12:00:00Z"};
        CHECK_THROWS_WITH_AS(commit_lectures(city.wang, {july}),
                             doctest::Contains("patrolmap_lectures was made before its rows belonged to stations"), BadInput);
        commit_lectures(city.admin, {july});
        CHECK(city.sql_as("wang", "SELECT venue_id || ' ' || date || ' ' || coalesce(station_id, '-') FROM patrolmap_lectures ORDER BY date;") ==
              "V2 2021-06-22 -\nV2 2021-06-29 -\nV2 2021-07-06 S02\n");
        CHECK(city.sql_as("wang", "UPDATE patrolmap_lectures SET attendance = 1 RETURNING venue_id;") == "");
    }
}
