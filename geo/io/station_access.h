#pragma once
// Which rows a workspace's user may write, and the database rules that enforce it.
//
// A city workspace in PostGIS holds many stations' rows (layer_schema.h: `stations`, and a
// `station_id` on every layer). A station's users are the members of the PostgreSQL role the
// station names: they read every station's rows and write only their own. PostgreSQL enforces
// that by row-level security on every layer (a policy per command, keyed on station_id), so a
// client that skips our checks, psql or QGIS, is refused just the same. The checks here come
// first only to say so clearly, naming the row and its station, before anything is written.
// The owner of the workspace's tables (who ran `patrolmap new`) or a superuser is the city's
// administrator and writes every row. A GeoPackage has no users: every row is writable.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "geo/io/gdal_handles.h"
#include "geo/io/row.h"
#include "geo/io/sql_statements.h"
#include "geo/model/district.h"
#include "geo/model/layer_schema.h"
#include "geo/util/error.h"

namespace geo {

struct WriterScope {
    bool all_stations = true;       // a GeoPackage, or the city's administrator
    std::string user;               // the database user; empty for a file
    std::vector<Station> stations;  // the stations the user writes for (when !all_stations)
    std::map<std::string, std::string> names;  // every station's name by id, for messages

    bool may_write(const std::string& station_id) const;
    // "江南派出所 (S01)" or "江南派出所 (S01), 西城派出所 (S02)"; empty for all stations.
    std::string stations_text() const;
};

// The scope of the user the workspace is opened as. BadInput when it cannot be opened.
WriterScope writer_scope(const std::filesystem::path& workspace);

// Adds a station to a PostGIS workspace as its administrator: the row, and, when the role does
// not exist yet, the role (NOLOGIN: a group its users join), with the grants its members need.
// A GeoPackage takes the row only. BadInput for a duplicate id, a role name PostgreSQL would
// not take, or a user who is not the administrator.
void add_station(const std::filesystem::path& workspace, const Station& station);

// ---- used by the workspace store inside its transactions --------------------------------

WriterScope writer_scope(GDALDataset& ds);

// PostGIS: row-level security on a table with a station_id column (a layer, or a table beside
// them: visit plans, visits, lectures, tracks): every user reads every row; inserts, updates and
// deletes only of rows whose station_id is one of the user's stations. Once per table: a table
// secured already is left as it is (a workspace made before a table had it gets it on its
// owner's next write). Nothing for a GeoPackage.
void secure_table(GDALDataset& ds, std::string_view table);
// secure_table for a layer just created; the stations layer itself is read by all and written
// by the administrator only.
void secure_layer(GDALDataset& ds, const LayerSpec& spec);

// The refusal of a write of another station's row: "<label>: <table> <row> belongs to station
// S02 (西城派出所); you (wang) <what> only 江南派出所 (S01)'s rows; nothing was written".
BadInput not_your_row(const WriterScope& scope, std::string_view table, const std::string& row,
                      const std::string& station_id, const std::string& label, const std::string& what);

// Rows a user is about to add: an empty station_id becomes the user's station (when the user has
// exactly one); BadInput, naming `label`, the layer, the row and its station, for a row of a
// station the user does not write for. Unchanged for the administrator.
std::vector<Row> claim_rows(const WriterScope& scope, const LayerSpec& spec, std::vector<Row> rows,
                            const std::string& label);

// A layer rebuilt as a whole (a save of the posters): the rows to write back after the user's
// own rows are deleted (row-level security deletes no others). Other stations' rows must come
// back unchanged; BadInput naming the first one changed or removed otherwise.
std::vector<Row> own_rows_of_rebuild(const WriterScope& scope, const LayerSpec& spec,
                                     const std::vector<Row>& before, std::vector<Row> after,
                                     const std::string& label);

}  // namespace geo
