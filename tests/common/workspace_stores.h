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
    // A new place holding a copy of the workspace `from` (one `fresh` gave): the file copied,
    // or a database made with `from`'s as its template (nothing may be connected to it then).
    std::function<std::string(const std::string& from)> copy_of;
    // Returns once the store has finished with every client of `ws` that died: a file has no
    // server, so at once; PostgreSQL rolls back a killed client's open transaction when it
    // notices the dead connection, so this waits until no session is left on the database.
    std::function<void(const std::string& ws)> settle;
    // Removes a workspace `fresh` or `copy_of` gave (the file with SQLite's journal beside it;
    // the database), so that a test making hundreds of copies does not fill the disk.
    std::function<void(const std::string& ws)> remove;
    bool is_file() const { return name == "GeoPackage"; }
};

// Runs `body` once for the GeoPackage store and once for the PostGIS one, each in a doctest
// SUBCASE named after the store. Where PostgreSQL is not installed the PostGIS run fails with
// a message saying so (.ci/install-deps installs it). In the PostGIS run the app's edit journal
// of a database workspace (autosave.h: the user's state folder) goes to the cluster's scratch
// folder: XDG_STATE_HOME is set there for this process and the programs it starts.
void for_each_store(const std::function<void(const Store&)>& body);

}  // namespace test
