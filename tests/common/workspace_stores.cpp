#include "tests/common/workspace_stores.h"

#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <thread>

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
        // Every database is made from template1: with PostGIS there, a new workspace's database
        // has it already (create_workspace would spend over a second enabling it in each).
        if (db->ok()) db->sql("\\c template1\nCREATE EXTENSION IF NOT EXISTS postgis;");
        std::filesystem::create_directories(dir / "state");
        ::setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
    }
    // "PG:... dbname=wsN ..." -> "wsN"
    static std::string database_of(const std::string& conn) {
        const auto at = conn.find("dbname=") + 7;
        return conn.substr(at, conn.find(' ', at) - at);
    }
    std::string new_database(const std::string& template_conn) {
        const std::string name = "ws" + std::to_string(++databases);
        const std::string from = template_conn.empty() ? "" : " TEMPLATE " + database_of(template_conn);
        REQUIRE_MESSAGE(db->sql("CREATE DATABASE " + name + from + ";"), "cannot create database " << name << from);
        std::string conn = db->connection();
        return conn.replace(conn.find("dbname=postgres"), 15, "dbname=" + name);
    }
    void settle(const std::string& conn) const {
        const std::string query = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database_of(conn) + "';";
        std::string sessions;
        for (int tries = 0; tries < 3000; ++tries) {
            REQUIRE(db->sql(query, sessions));
            if (std::atoi(sessions.c_str()) == 0) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        FAIL("PostgreSQL still holds " << sessions << " session(s) on " << database_of(conn) << " after 30 s");
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
        auto fresh = [dir, count] { return (dir->path() / ("ws" + std::to_string(++*count) + ".gpkg")).string(); };
        body({"GeoPackage", fresh,
              [fresh](const std::string& from) {
                  const std::string to = fresh();
                  std::filesystem::copy_file(from, to);
                  return to;
              },
              [](const std::string&) {},
              [](const std::string& ws) {
                  std::filesystem::remove(ws);
                  std::filesystem::remove(ws + "-journal");
              }});
    }
    SUBCASE("PostGIS") {
        REQUIRE_MESSAGE(std::filesystem::exists(kPgBin / "initdb"), "PostgreSQL 15 is not installed (.ci/install-deps installs it)");
        Cluster& c = cluster();
        REQUIRE_MESSAGE(c.db->ok(), "the throw-away PostgreSQL cluster did not start");
        body({"PostGIS", [&c] { return c.new_database(""); }, [&c](const std::string& from) { return c.new_database(from); },
              [&c](const std::string& ws) { c.settle(ws); },
              [&c](const std::string& ws) { REQUIRE(c.db->sql("DROP DATABASE " + Cluster::database_of(ws) + " WITH (FORCE);")); }});
    }
}

}  // namespace test
