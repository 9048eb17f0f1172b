// Stations sharing a city workspace in PostGIS (issue 14): a station's users read every station's
// rows and write only their own, enforced by the database's row-level security (psql as the
// station's user is refused too) and said clearly by PatrolMap before anything is written.
#include <doctest/doctest.h>

#include <algorithm>

#include "geo/edit/autosave.h"
#include "geo/edit/edit_history.h"
#include "geo/io/district_rows.h"
#include "geo/io/station_access.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "tests/common/city_workspace.h"

using namespace geo;

namespace {

Poster poster(const std::string& id, XY at, const std::string& station) {
    Poster p;
    p.id = id;
    p.location = at;
    p.station_id = station;
    return p;
}

const Poster& find(const District& d, const std::string& id) {
    const auto it = std::find_if(d.posters.begin(), d.posters.end(), [&](const Poster& p) { return p.id == id; });
    REQUIRE_MESSAGE(it != d.posters.end(), "no poster " << id);
    return *it;
}

}  // namespace

TEST_CASE("Row-level security: a station's user reads another station's poster but the database refuses to change it") {
    test::CityWorkspace city;
    const WriterScope wang = writer_scope(city.wang);
    CHECK_FALSE(wang.all_stations);
    REQUIRE(wang.stations.size() == 1);
    CHECK(wang.stations[0].id == "S01");
    CHECK(wang.may_write("S01"));
    CHECK_FALSE(wang.may_write("S02"));
    CHECK(writer_scope(city.admin).all_stations);

    // Reads the whole city.
    const District seen = read_district(city.wang);
    CHECK(seen.posters.size() == 2);
    CHECK(find(seen, "P2").station_id == "S02");
    CHECK(seen.stations.size() == 2);

    // psql as wang: the other station's poster is not updated or deleted, a row for it is not
    // inserted; his own is.
    CHECK(city.sql_as("wang", "UPDATE posters SET kind = 'banner' WHERE id = 'P2' RETURNING id;") == "");
    CHECK(city.sql_as("wang", "DELETE FROM posters WHERE id = 'P2' RETURNING id;") == "");
    CHECK(city.sql_as("wang", "INSERT INTO posters (id, station_id) VALUES ('P9', 'S02');") == "refused");
    CHECK(city.sql_as("wang", "UPDATE posters SET station_id = 'S02' WHERE id = 'P1';") == "refused");  // no giving rows away
    CHECK(city.sql_as("wang", "INSERT INTO stations (id) VALUES ('S03');") == "refused");
    CHECK(city.sql_as("wang", "UPDATE posters SET kind = 'banner' WHERE id = 'P1' RETURNING id;").find("P1") != std::string::npos);
    const District after = read_district(city.admin);
    CHECK(find(after, "P2").kind == PosterKind::poster);
    CHECK(find(after, "P1").kind == PosterKind::banner);
    CHECK(after.posters.size() == 2);
}

TEST_CASE("A station's user saving poster edits: their own are written, another station's refused naming it") {
    test::CityWorkspace city;
    District d = read_district(city.wang);
    EditHistory h;
    const XY p2 = find(d, "P2").location;
    h.perform(d, MovePoster{"P2", p2, {p2.x + 10, p2.y}});
    CHECK_THROWS_WITH_AS(save_posters(city.wang, d, h), doctest::Contains("P2"), BadInput);
    CHECK_THROWS_WITH_AS(save_posters(city.wang, d, h), doctest::Contains("station S02"), BadInput);
    CHECK(find(read_district(city.admin), "P2").location == p2);  // nothing written

    h.undo(d);
    const XY p1 = find(d, "P1").location;
    h.perform(d, MovePoster{"P1", p1, {p1.x + 10, p1.y}});
    h.perform(d, AddPoster{poster("P3", {500050, 3200050}, ""), std::nullopt});  // a new one takes wang's station
    save_posters(city.wang, d, h);
    const District after = read_district(city.admin);
    CHECK(find(after, "P1").location == XY{p1.x + 10, p1.y});
    CHECK(find(after, "P1").station_id == "S01");
    CHECK(find(after, "P3").station_id == "S01");
    CHECK(find(after, "P2").location == p2);
    CHECK(find(after, "P2").station_id == "S02");

    // li (S02) cannot delete wang's new poster, and can move her own.
    District l = read_district(city.li);
    EditHistory lh;
    lh.perform(l, DeletePoster{find(l, "P3"), 2});
    CHECK_THROWS_WITH_AS(save_posters(city.li, l, lh), doctest::Contains("P3"), BadInput);
    lh.undo(l);
    lh.perform(l, MovePoster{"P2", p2, {p2.x, p2.y + 5}});
    save_posters(city.li, l, lh);
    CHECK(find(read_district(city.admin), "P2").location == XY{p2.x, p2.y + 5});
    CHECK(read_district(city.admin).posters.size() == 3);
}

TEST_CASE("A station's user importing: rows without a station become theirs, another station's rows are refused") {
    test::CityWorkspace city;
    District mine;
    mine.incidents.push_back(Incident{});
    mine.incidents.back().id = "I1";
    mine.incidents.back().location = {500000, 3200000};
    commit_changes(city.wang, read_metadata(city.wang), {{LayerKind::incidents, to_rows(mine, LayerKind::incidents), false}});
    CHECK(read_district(city.admin).incidents.at(0).station_id == "S01");

    District theirs;
    theirs.incidents.push_back(mine.incidents.back());
    theirs.incidents.back().id = "I2";
    theirs.incidents.back().station_id = "S02";
    CHECK_THROWS_WITH_AS(commit_changes(city.wang, read_metadata(city.wang),
                                        {{LayerKind::incidents, to_rows(theirs, LayerKind::incidents), false}}),
                         doctest::Contains("I2 belongs to station S02"), BadInput);
    District station;
    station.stations.push_back(Station{"S03", "", "", "", {}});
    CHECK_THROWS_WITH_AS(commit_changes(city.wang, read_metadata(city.wang),
                                        {{LayerKind::stations, to_rows(station, LayerKind::stations), false}}),
                         doctest::Contains("administrator"), BadInput);
    CHECK_THROWS_WITH_AS(add_station(city.wang, Station{"S03", "", "", "st_s03", {}}), doctest::Contains("administrator"), BadInput);
    CHECK(read_district(city.admin).incidents.size() == 1);
    CHECK(read_district(city.admin).stations.size() == 2);

    // Replacing the layer replaces wang's own rows only.
    commit_changes(city.admin, read_metadata(city.admin), {{LayerKind::incidents, to_rows(theirs, LayerKind::incidents), false}});
    District again = mine;
    again.incidents.back().id = "I3";
    commit_changes(city.wang, read_metadata(city.wang), {{LayerKind::incidents, to_rows(again, LayerKind::incidents), true}});
    std::vector<std::string> ids;
    for (const auto& i : read_district(city.admin).incidents) ids.push_back(i.id + "/" + i.station_id);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"I2/S02", "I3/S01"});
}
