#include "tests/common/temporary_postgres.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/common/workspace_builders.h"

namespace test {
namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }
bool run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

}  // namespace

TemporaryPostgres::TemporaryPostgres(const ScratchDir& dir, int port) : dir_(dir.path()), port_(port) {
    as_ = ::geteuid() == 0 ? "runuser -u postgres -- " : "";
    if (::geteuid() == 0) run("chown postgres " + quoted(dir_.string()));
    ok_ = run(as_ + quoted((kPgBin / "initdb").string()) + " -A trust -N -U postgres -D " + quoted((dir_ / "data").string())) &&
          run(as_ + quoted((kPgBin / "pg_ctl").string()) + " -D " + quoted((dir_ / "data").string()) + " -w -l " +
              quoted((dir_ / "log").string()) + " -o \"-k " + dir_.string() + " -p " + std::to_string(port_) +
              " -c listen_addresses=''"
              // A throw-away cluster need not survive a power cut: without flushing to disk the
              // storage tests' commits and CREATE DATABASEs cost milliseconds, not the disk's
              // fsyncs. What they test (transactions, locks, a killed client rolled back) is the
              // same.
              " -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start");
}

TemporaryPostgres::~TemporaryPostgres() {
    if (ok_) run(as_ + quoted((kPgBin / "pg_ctl").string()) + " -D " + quoted((dir_ / "data").string()) + " -m immediate stop");
}

bool TemporaryPostgres::sql(const std::string& statements) const {
    std::string ignored;
    return sql(statements, ignored);
}

bool TemporaryPostgres::sql(const std::string& statements, std::string& output) const {
    write_text(dir_ / "script.sql", statements);
    const bool done = run(quoted((kPgBin / "psql").string()) + " -q -A -t -X -v ON_ERROR_STOP=1 -h " + quoted(dir_.string()) + " -p " +
                          std::to_string(port_) + " -U postgres -d postgres -f " + quoted((dir_ / "script.sql").string()) + " -o " +
                          quoted((dir_ / "out.txt").string()));
    std::ifstream in(dir_ / "out.txt");
    std::ostringstream text;
    text << in.rdbuf();
    output = text.str();
    return done;
}

std::string TemporaryPostgres::connection() const {
    return "PG:host=" + dir_.string() + " port=" + std::to_string(port_) + " dbname=postgres user=postgres";
}

}  // namespace test
