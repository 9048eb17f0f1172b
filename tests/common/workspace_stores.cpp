#include "tests/common/workspace_stores.h"

#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <memory>

#include "tests/common/temporary_postgres.h"

namespace test {
namespace {

// One cluster per test process (doctest runs each case in its own process under ctest, so two
// processes never share one); the port names its socket only and is made from the pid.
struct Cluster {
    ScratchDir dir;
    std::unique_ptr<TemporaryPostgres> db;
    int databases = 0;
    Cluster() {
        ::chmod(dir.path().c_str(), 0755);
        db = std::make_unique<TemporaryPostgres>(dir, 40000 + static_cast<int>(::getpid() % 20000));
    }
};

Cluster& cluster() {
    static Cluster c;
    return c;
}

}  // namespace

void for_each_store(const std::function<void(const Store&)>& body) {
    SUBCASE("GeoPackage") {
        auto dir = std::make_shared<ScratchDir>();
        auto count = std::make_shared<int>(0);
        body({"GeoPackage", [dir, count] { return (dir->path() / ("ws" + std::to_string(++*count) + ".gpkg")).string(); }});
    }
    SUBCASE("PostGIS") {
        REQUIRE_MESSAGE(std::filesystem::exists(kPgBin / "initdb"), "PostgreSQL 15 is not installed (.ci/install-deps installs it)");
        Cluster& c = cluster();
        REQUIRE_MESSAGE(c.db->ok(), "the throw-away PostgreSQL cluster did not start");
        body({"PostGIS", [&c] {
                  const std::string name = "ws" + std::to_string(++c.databases);
                  REQUIRE(c.db->sql("CREATE DATABASE " + name + ";"));
                  std::string conn = c.db->connection();
                  return conn.replace(conn.find("dbname=postgres"), 15, "dbname=" + name);
              }});
    }
}

}  // namespace test
