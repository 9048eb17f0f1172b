// patrolmap bench-city on a small city (20,000 incidents) and its own throw-away cluster: it
// loads through our writer and ogr2ogr, and the one-station month reads only that month from
// either store (the rows each returned, PostgreSQL's plan on the indexes) and gives the same
// raster from both. Timings are printed, never asserted.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "tests/common/run_command.h"
#include "tests/common/temporary_postgres.h"

using test::run_patrolmap;

namespace {

long long number(std::string text) {
    std::erase(text, ',');
    return std::stoll(text);
}

}  // namespace

TEST_CASE("bench-city: a small city loads, and one station's month reads only its rows and equal rasters from both stores") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::kPgBin / "initdb"), "PostgreSQL 15 is not installed (.ci/install-deps installs it)");
    const auto r = run_patrolmap({"bench-city", "--incidents", "20000", "--batch", "5000"});
    INFO(r.out);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("rasters: equal") != std::string::npos);

    std::smatch loaded;
    REQUIRE(std::regex_search(r.out, loaded, std::regex(R"(PatrolMap writer: ([\d,]+) rows)")));
    CHECK(number(loaded[1]) == 20000);
    REQUIRE(std::regex_search(r.out, loaded, std::regex(R"(ogr2ogr \(CSV[^:]*: ([\d,]+) rows)")));
    CHECK(number(loaded[1]) == 20000);

    std::smatch rows;
    REQUIRE(std::regex_search(r.out, rows,
                              std::regex(R"(rows read: PostGIS ([\d,]+) of ([\d,]+), GeoPackage ([\d,]+) of ([\d,]+); the station's June holds ([\d,]+))")));
    const long long pg_read = number(rows[1]), pg_total = number(rows[2]);
    const long long gpkg_read = number(rows[3]), gpkg_total = number(rows[4]);
    const long long june = number(rows[5]);
    CHECK(pg_total == 20000);
    CHECK(gpkg_total == 1000);  // a 20th: incident i is station i mod 20's
    CHECK(june > 0);
    // The month of one station and at most a few rows a second outside it: a 12th of a 20th.
    CHECK(pg_read >= june);
    CHECK(pg_read <= june + 2);
    CHECK(gpkg_read >= june);
    CHECK(gpkg_read <= june + 2);
    CHECK(pg_read * 100 < pg_total);

    // PostgreSQL served it from an index, not by reading the table.
    const auto plan_at = r.out.find("PostgreSQL's plan:");
    REQUIRE(plan_at != std::string::npos);
    const std::string plan = r.out.substr(plan_at, r.out.find("rows read:") - plan_at);
    CHECK(plan.find("Seq Scan") == std::string::npos);
    CHECK(plan.find("incidents_station_time_idx") != std::string::npos);
}
