#pragma once
// A city workspace in a throw-away PostgreSQL cluster, for the tests of stations and their users
// (geo/io/station_access.h): stations S01 (江南派出所, role st_jiangnan, login user wang) and S02
// (西城派出所, role st_xicheng, user li), one poster each (P1 of S01, P2 of S02), written by the
// administrator (the cluster's superuser).
#include <memory>
#include <string>

#include "tests/common/fixtures.h"
#include "tests/common/temporary_postgres.h"

namespace test {

struct CityWorkspace {
    ScratchDir dir;
    std::unique_ptr<TemporaryPostgres> pg;
    std::string admin, wang, li;  // GDAL connections to the city database as each user

    CityWorkspace();
    // Runs statements in the city database as `role` (SET ROLE): their output, or "refused"
    // when PostgreSQL refused one of them.
    std::string sql_as(const std::string& role, const std::string& statements) const;
};

}  // namespace test
