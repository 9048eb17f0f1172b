#include "tests/common/city_workspace.h"

#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <cstdlib>

#include "geo/io/district_rows.h"
#include "geo/io/station_access.h"
#include "geo/io/workspace_store.h"

namespace test {
namespace {

std::string as_user(std::string connection, const std::string& user) {
    return connection.replace(connection.find("user=postgres"), 13, "user=" + user);
}

}  // namespace

CityWorkspace::CityWorkspace() {
    ::chmod(dir.path().c_str(), 0755);  // the cluster runs as 'postgres' when the tests run as root
    std::filesystem::create_directories(dir / "state");
    ::setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);  // the app's edit journal for a database
    pg = std::make_unique<TemporaryPostgres>(dir, 30000 + static_cast<int>(::getpid() % 20000));
    REQUIRE_MESSAGE(pg->ok(), "cannot start PostgreSQL (.ci/install-deps installs it)");
    REQUIRE(pg->sql("CREATE DATABASE city;"));
    admin = pg->connection();
    admin.replace(admin.find("dbname=postgres"), 15, "dbname=city");
    wang = as_user(admin, "wang");
    li = as_user(admin, "li");

    geo::Metadata m;
    m.name = "永康市（测试）";
    m.crs = "EPSG:4549";
    geo::create_workspace(admin, m);
    geo::add_station(admin, geo::Station{"S01", "江南派出所", "Jiangnan", "st_jiangnan", {}});
    geo::add_station(admin, geo::Station{"S02", "西城派出所", "Xicheng", "st_xicheng", {}});
    REQUIRE(pg->sql("\\c city\nCREATE ROLE wang LOGIN IN ROLE st_jiangnan; CREATE ROLE li LOGIN IN ROLE st_xicheng;"));
    geo::District d;
    for (const auto& [id, at, station] : {std::tuple{"P1", geo::XY{500000, 3200000}, "S01"},
                                          std::tuple{"P2", geo::XY{500100, 3200100}, "S02"}}) {
        geo::Poster p;
        p.id = id;
        p.location = at;
        p.station_id = station;
        d.posters.push_back(p);
    }
    geo::commit_changes(admin, geo::read_metadata(admin), {{geo::LayerKind::posters, geo::to_rows(d, geo::LayerKind::posters), false}});
}

std::string CityWorkspace::sql_as(const std::string& role, const std::string& statements) const {
    std::string out;
    if (!pg->sql("\\c city\nSET ROLE " + role + ";\n" + statements, out)) return "refused";
    return out;
}

}  // namespace test
