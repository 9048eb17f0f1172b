#include "app/cli/scratch_postgres.h"

#include <unistd.h>

#include <cstdlib>

#include "geo/util/error.h"

namespace cli {
namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }
bool run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

}  // namespace

ScratchPostgres::ScratchPostgres() {
    if (!std::filesystem::exists(kPostgresBin / "initdb"))
        throw geo::IoError("PostgreSQL 15 is not installed (" + (kPostgresBin / "initdb").string() +
                           "): give a PG: connection, or install postgresql-15 and postgis (.ci/install-deps)");
    std::string pattern = (std::filesystem::temp_directory_path() / "patrolmap-pg-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw geo::IoError("cannot make a temporary folder for PostgreSQL");
    dir_ = pattern;
    // The port only names the socket file (no TCP): from the pid, so runs at once do not clash.
    port_ = 30000 + static_cast<int>(::getpid() % 10000);
    if (::geteuid() == 0) {
        as_ = "runuser -u postgres -- ";
        run("chown postgres " + quoted(dir_.string()));
        std::filesystem::permissions(dir_, std::filesystem::perms::owner_all | std::filesystem::perms::group_exec |
                                               std::filesystem::perms::others_exec);
    }
    const std::string data = quoted((dir_ / "data").string());
    if (!run(as_ + quoted((kPostgresBin / "initdb").string()) + " -A trust -U postgres -D " + data))
        throw geo::IoError("initdb failed in " + dir_.string());
    started_ = run(as_ + quoted((kPostgresBin / "pg_ctl").string()) + " -D " + data + " -w -l " + quoted((dir_ / "log").string()) +
                   " -o \"-k " + dir_.string() + " -p " + std::to_string(port_) + " -c listen_addresses=''\" start");
    if (!started_) throw geo::IoError("PostgreSQL did not start; see " + (dir_ / "log").string());
}

ScratchPostgres::~ScratchPostgres() {
    if (started_)
        run(as_ + quoted((kPostgresBin / "pg_ctl").string()) + " -D " + quoted((dir_ / "data").string()) + " -m fast stop");
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

std::string ScratchPostgres::connection() const {
    return "PG:host=" + dir_.string() + " port=" + std::to_string(port_) + " dbname=postgres user=postgres";
}

}  // namespace cli
