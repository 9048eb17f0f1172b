#pragma once
// A throw-away PostgreSQL cluster for bench-city when no server is given: initdb into a fresh
// temporary folder, listening on a Unix socket there only (no TCP), stopped and deleted when the
// object dies. The tests' own helper (tests/common/temporary_postgres) does the same for
// doctest; this one is for the executable, which cannot link the tests' library. As root it runs
// as the packaged 'postgres' user, since PostgreSQL refuses to run as root.
#include <filesystem>
#include <string>

namespace cli {

inline const std::filesystem::path kPostgresBin = "/usr/lib/postgresql/15/bin";

class ScratchPostgres {
public:
    // IoError when PostgreSQL 15 is not installed or the cluster does not start (its log is
    // named in the message).
    ScratchPostgres();
    ~ScratchPostgres();
    ScratchPostgres(const ScratchPostgres&) = delete;
    ScratchPostgres& operator=(const ScratchPostgres&) = delete;

    // GDAL's connection string to the database `postgres` (PostGIS can be created there).
    std::string connection() const;
    const std::filesystem::path& folder() const { return dir_; }

private:
    std::filesystem::path dir_;
    int port_ = 0;
    std::string as_;  // "runuser -u postgres -- " as root
    bool started_ = false;
};

}  // namespace cli
