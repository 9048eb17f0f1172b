#pragma once
// A throw-away PostgreSQL 15 cluster for the tests that need a database (PostGIS as an import
// source, pgRouting as a reference): initdb into a scratch folder, listening on a Unix socket
// there only (no TCP), stopped when the object dies. As root it runs as the packaged
// 'postgres' user, since PostgreSQL refuses to run as root.
#include <filesystem>
#include <string>

#include "tests/common/fixtures.h"

namespace test {

inline const std::filesystem::path kPgBin = "/usr/lib/postgresql/15/bin";

class TemporaryPostgres {
public:
    // `port` names the socket file; tests that may run at once use different ones.
    TemporaryPostgres(const ScratchDir& dir, int port);
    ~TemporaryPostgres();
    TemporaryPostgres(const TemporaryPostgres&) = delete;
    TemporaryPostgres& operator=(const TemporaryPostgres&) = delete;

    bool ok() const { return ok_; }
    // Runs a script (ON_ERROR_STOP); true when every statement succeeded.
    bool sql(const std::string& statements) const;
    // The same, with the unaligned, tuples-only output (fields split by '|') in `output`.
    bool sql(const std::string& statements, std::string& output) const;
    // GDAL's connection string.
    std::string connection() const;

private:
    std::filesystem::path dir_;
    int port_;
    std::string as_;
    bool ok_ = false;
};

}  // namespace test
