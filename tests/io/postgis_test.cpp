// PostGIS as a source: a throw-away PostgreSQL 15 cluster with PostGIS 3 in a scratch folder,
// on a Unix socket only (no TCP), started and stopped by the test.
#include <unistd.h>

#include <sys/stat.h>

#include <cmath>
#include <cstdlib>

#include <doctest/doctest.h>

#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"
#include "tests/common/temporary_postgres.h"
#include "tests/common/workspace_builders.h"

using namespace geo;

namespace {


}  // namespace

TEST_CASE("PostGIS: a CGCS2000 table imports with mapped fields and zoned times") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::kPgBin / "initdb"), "PostgreSQL 15 is not installed (.ci/install-deps installs it)");
    test::ScratchDir dir;
    ::chmod(dir.path().c_str(), 0755);
    test::TemporaryPostgres db(dir, 54329);
    REQUIRE(db.ok());
    REQUIRE(db.sql(R"(
        CREATE EXTENSION postgis;
        CREATE TABLE calls (case_id text, reported timestamptz, kind text, loss numeric,
                            geom geometry(Point, 4490));
        INSERT INTO calls VALUES
          ('PG-1', '2021-05-03 14:20:00+08', 'investment', 52000, ST_SetSRID(ST_MakePoint(120.025, 28.895), 4490)),
          ('PG-2', '2021-05-04 01:00:00+00', 'loan', 800.5, ST_SetSRID(ST_MakePoint(120.035, 28.895), 4490));
    )"));

    test::ScratchDir ws_dir;
    const auto ws = test::workspace_with_neighbourhoods(ws_dir);
    ImportOptions o;
    o.kind = LayerKind::incidents;
    o.source = db.connection();
    o.source_layer = "calls";
    o.field_map = {{"id", "case_id"}, {"time", "reported"}, {"fraud_type", "kind"}, {"loss_yuan", "loss"}};
    CHECK(import_layer(ws, o).imported == 2);
    const District d = read_district(ws);
    REQUIRE(d.incidents.size() == 2);
    const Incident& first = d.incidents[0].id == "PG-1" ? d.incidents[0] : d.incidents[1];
    CHECK(format_iso8601_utc(first.time) == "2021-05-03T06:20:00Z");
    CHECK(first.fraud_type == FraudType::investment);
    CHECK(first.loss_yuan == 52000);

    // The same points from GeoJSON (WGS84) land within 1 cm of the CGCS2000 ones.
    const auto ws2 = test::workspace_with_neighbourhoods(ws_dir, "ws2.gpkg");
    import_layer(ws2, test::incidents_from(test::fixture("incidents.geojson")));
    for (const auto& i : read_district(ws2).incidents)
        if (i.id == "I1") CHECK(std::hypot(i.location.x - first.location.x, i.location.y - first.location.y) < 0.01);

    // A missing table is bad input naming the connection, never its password.
    o.source = db.connection() + " password=secret";
    o.source_layer = "nope";
    CHECK_THROWS_WITH_AS(import_layer(ws, o), doctest::Contains("no layer 'nope'"), BadInput);
    try {
        import_layer(ws, o);
    } catch (const BadInput& e) {
        CHECK(std::string(e.what()).find("secret") == std::string::npos);
    }
}
