#pragma once
// The workspace: one GeoPackage holding a district's layers and a metadata table.
//
// Every change (a save, an import, a visit commit) is one SQLite transaction on the file itself,
// through GDAL's GPKG driver: a failing change or a crash (SQLite's rollback journal) leaves the
// workspace exactly as it was, and SQLite's locks order the writers of several programs (the
// app, `patrolmap visits --import`, QGIS) instead of one copying the file over another's work.
// The transaction's first statement is a write, so it holds the write lock before it reads:
// what a change checks (ids already there, what others changed) cannot change before it commits.
// Readers (read_district) read inside one transaction too, so they see one state, old or new.
//
// No lost update: the metadata's change counter (Metadata::change) goes up by one per commit
// and each commit is logged (patrolmap_changes: counter, time, tables, what). A program passes
// the counter it read; a change that would silently undo another program's since then is
// refused, naming the rows, or merged where a merge is sound (visits; posters through the edit
// history, autosave.h).
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/io/row.h"
#include "geo/model/district.h"
#include "geo/model/layer_schema.h"

class GDALDataset;

namespace geo {

struct LayerChange {
    LayerKind kind;
    std::vector<Row> rows;   // validated rows, in the workspace CRS
    bool replace = false;    // delete the layer's features first
};

// A workspace is a GeoPackage file or a PostGIS database named by a GDAL connection string
// ("PG:dbname=city host=db.example user=jiangnan"): the same schema, validation and
// all-or-nothing commits in both (a transaction each; in PostgreSQL writers queue on a lock of
// the metadata table, readers see one snapshot). Every function below takes either.
bool is_database_workspace(const std::string& path);

// Creates a new workspace; BadInput if the file exists or the database already holds one (a
// database must exist; PostGIS is enabled in it when missing). Layers are created now when the
// metadata names a CRS, else on the first import.
void create_workspace(const std::filesystem::path& path, const Metadata& metadata);

// BadInput when the file is missing or not a PatrolMap workspace.
Metadata read_metadata(const std::filesystem::path& path);
// The same from a workspace the caller has open (its metadata table must be there).
Metadata read_metadata(GDALDataset& ds);
District read_district(const std::filesystem::path& path);
std::vector<Row> read_rows(const std::filesystem::path& path, LayerKind kind);
// The metadata and the rows of some layers, from one open and one committed state (what an
// import checks against). Layers not created yet give no rows.
struct WorkspaceRows {
    Metadata metadata;
    std::map<LayerKind, std::vector<Row>> rows;
};
WorkspaceRows read_layers(const std::filesystem::path& path, const std::vector<LayerKind>& kinds);
// Feature count per layer (0 for a layer not created yet).
std::size_t count_features(const std::filesystem::path& path, LayerKind kind);

// Applies the changes in one transaction; `updated` becomes now and `change` one more.
// `metadata` is the workspace's as the caller read it, with the CRS the caller chose if it had
// none. Refused with BadInput, nothing written, when since `metadata.change` another program
// added rows with ids the changes add, replaced or added to a layer the changes replace, or set
// a different CRS; the message names the rows and the changes. Returns the metadata committed.
Metadata commit_changes(const std::filesystem::path& path, const Metadata& metadata,
                        const std::vector<LayerChange>& changes);

// What `patrolmap settings` changes by hand: the URLs the QR codes on contact cards and posters
// open (metadata keys qr_platform_url, qr_app_url). A field left unset stays as it is. One
// commit like any other (the change counter goes up, the log names the keys); the caller
// checks the URLs. Returns the metadata committed.
struct WorkspaceSettings {
    std::optional<std::string> platform_url;
    std::optional<std::string> app_url;
};
Metadata commit_settings(const std::filesystem::path& path, const WorkspaceSettings& settings);

// Replaces `kind`'s rows by what `rebuild` makes of them as they are in the file, inside one
// transaction (so nothing another program commits can come between the read and the write);
// `rebuild` may throw BadInput to refuse, and nothing is written. `summary` is logged.
Metadata rebuild_layer(const std::filesystem::path& path, LayerKind kind,
                       const std::function<std::vector<Row>(std::vector<Row>)>& rebuild,
                       const std::string& summary);

// Writes what the caller changed in the visit tables (`mine` against the `base` it read) into
// the tables as they are now, merged (merge_visit_tables, model/visits.h): visits recorded by
// another program meanwhile are kept. Returns the metadata and the tables as committed.
struct VisitCommit {
    Metadata metadata;
    VisitTables tables;
};
// Lectures held, added in one transaction (a venue's lecture on a day it already has one replaces
// it); returns the new metadata. Other programs' records stay (lecture_table.h's merge).
Metadata commit_lectures(const std::filesystem::path& path, const std::vector<LectureRecord>& added);

VisitCommit commit_visits(const std::filesystem::path& path, const VisitTables& base, const VisitTables& mine);

// GPS tracks added in one transaction (a track with an id already there is replaced: the same
// file imported again); other programs' tracks stay. Returns the new metadata.
Metadata commit_tracks(const std::filesystem::path& path, const std::vector<Track>& added);

// The commits after change `after` (a reader's Metadata::change), oldest first.
struct ChangeEntry {
    std::int64_t change = 0;
    std::string at;       // ISO 8601 UTC
    std::string tables;   // the tables it wrote, comma-separated
    std::string summary;  // what it did, with ids: "import: 3 incidents added (I1, I2, I3)"
};
std::vector<ChangeEntry> changes_since(const std::filesystem::path& path, std::int64_t after);

// A layer style as the GeoPackage's `layer_styles` table holds it (the table QGIS reads a
// layer's default style from, and writes when a user saves one into the file).
struct StoredStyle {
    std::string table;        // the layer's table ("incidents")
    std::string geometry_column = "geom";
    std::string name;         // the style's name as QGIS lists it; ours start "PatrolMap: "
    std::string description;
    std::string qml;
    bool is_default = true;   // the one QGIS applies when it loads the layer
};
// Replaces PatrolMap's styles (those named "PatrolMap: ...") in `layer_styles`, creating the
// table when missing; a style a user saved from QGIS stays, though ours become the defaults.
// One transaction; not a change to the data, so the change counter stays.
void write_layer_styles(const std::filesystem::path& path, const std::vector<StoredStyle>& styles);
std::vector<StoredStyle> read_layer_styles(const std::filesystem::path& path);

// Writes a whole district as a new workspace: a file, replacing `path` atomically, or a database
// holding no workspace yet, in one transaction. Metadata is written as given (the sample
// generator fixes its times).
void write_district(const std::filesystem::path& path, const District& district);

}  // namespace geo
