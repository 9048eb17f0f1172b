#pragma once
// The two stores a workspace lives in (geo/io/workspace_store.h): a GeoPackage file and a
// PostGIS database. Storage tests run each case once per store from the same code: for_each_store
// hands the body a fresh, empty place for a workspace in each (a file name in a scratch folder;
// a new database in a throw-away PostgreSQL cluster started once per test process).
#include <functional>
#include <string>

#include "tests/common/fixtures.h"

namespace test {

struct Store {
    std::string name;  // "GeoPackage" or "PostGIS", for messages
    // A new place for a workspace, different on every call: a .gpkg path or a PG: connection.
    std::function<std::string()> fresh;
};

// Runs `body` once for the GeoPackage store and once for the PostGIS one, each in a doctest
// SUBCASE named after the store. Where PostgreSQL is not installed the PostGIS run fails with
// a message saying so (.ci/install-deps installs it).
void for_each_store(const std::function<void(const Store&)>& body);

}  // namespace test
