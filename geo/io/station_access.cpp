#include "geo/io/station_access.h"

#include <algorithm>
#include <map>
#include <regex>

#include "geo/io/district_rows.h"
#include "geo/io/source_reader.h"
#include "geo/io/sql_statements.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

constexpr const char* kStationsTable = "stations";

// The stations the current user writes for, as an array: what every write policy compares a
// row's station_id with. Membership is PostgreSQL's own (pg_has_role), so a user added to a
// station's role writes for it at once; a role named in `stations` that does not exist matches
// no one.
constexpr const char* kWritableStationsFunction =
    "CREATE OR REPLACE FUNCTION patrolmap_writable_stations() RETURNS text[] LANGUAGE sql STABLE AS "
    "'SELECT coalesce(array_agg(s.id ORDER BY s.id), ''{}''::text[]) FROM stations s "
    "JOIN pg_roles r ON r.rolname = s.\"role\" WHERE pg_has_role(current_user, r.oid, ''MEMBER'')'";

// A sub-select, so PostgreSQL evaluates it once per statement rather than once per row.
constexpr const char* kOwnRow = "(station_id = ANY (ARRAY(SELECT unnest(patrolmap_writable_stations()))))";

std::string quoted(const std::string& identifier) { return "\"" + identifier + "\""; }

std::string text_of(const Row& row, const char* field) {
    const FieldValue* v = row.get(field);
    return v ? to_text(*v) : std::string();
}

// Two rows hold the same: the geometry, and every field's value as text (a field one lacks
// counts as empty), so a row read back and one rebuilt from its record compare equal.
bool same_row(const Row& a, const Row& b) {
    if (a.geometry != b.geometry) return false;
    auto covered = [](const Row& x, const Row& y) {
        for (const auto& [name, value] : x.values)
            if (to_text(value) != text_of(y, name.c_str())) return false;
        return true;
    };
    return covered(a, b) && covered(b, a);
}

BadInput not_yours(const WriterScope& scope, const LayerSpec& spec, const Row& row, const std::string& label,
                   const std::string& what) {
    return not_your_row(scope, spec.name, text_of(row, "id"), text_of(row, "station_id"), label, what);
}

// Row-level security on, and every user reading every row: what every secured table has.
void secure_reading(GDALDataset& ds, const std::string& name) {
    run_sql(ds, "ALTER TABLE " + quoted(name) + " ENABLE ROW LEVEL SECURITY", "secure " + name);
    run_sql(ds, "CREATE POLICY patrolmap_read ON " + quoted(name) + " FOR SELECT USING (true)", "secure " + name);
}

}  // namespace

BadInput not_your_row(const WriterScope& scope, std::string_view table, const std::string& row, const std::string& sid,
                      const std::string& label, const std::string& what) {
    return BadInput(label + ": " + std::string(table) + " " + row + " belongs to " +
                    (sid.empty() ? std::string("no station (only the city's administrator changes it)")
                                : "station " + sid + (scope.names.count(sid) && !scope.names.at(sid).empty() ? " (" + scope.names.at(sid) + ")" : "")) +
                    "; you (" + scope.user + ") " + what + " only " +
                    (scope.stations.empty() ? std::string("no station's rows: ask the city's administrator to add you to a station's role")
                                            : scope.stations_text() + "'s rows") +
                    "; nothing was written");
}

bool WriterScope::may_write(const std::string& station_id) const {
    if (all_stations) return true;
    return std::any_of(stations.begin(), stations.end(), [&](const Station& s) { return s.id == station_id; });
}

std::string WriterScope::stations_text() const {
    std::string out;
    for (const auto& s : stations) {
        if (!out.empty()) out += ", ";
        out += s.name.empty() ? s.id : s.name + " (" + s.id + ")";
    }
    return out;
}

WriterScope writer_scope(GDALDataset& ds) {
    WriterScope scope;
    if (!is_postgres(ds)) return scope;
    const auto who = query_rows(ds,
                           "SELECT current_user, (r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, 'USAGE'))::int "
                           "FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = '" +
                               std::string(kMetadataTable) + "'::regclass",
                           "find out who you are in the database");
    if (who.empty() || who[0].size() < 2) throw IoError("cannot find out who you are in the database");
    scope.user = who[0][0];
    scope.all_stations = who[0][1] == "1";
    if (scope.all_stations || !ds.GetLayerByName(kStationsTable)) return scope;
    for (const auto& row : query_rows(ds,
                                 "SELECT s.id, s.name, s.name_en, s.\"role\" FROM stations s JOIN pg_roles r ON r.rolname = s.\"role\" "
                                 "WHERE pg_has_role(current_user, r.oid, 'MEMBER') ORDER BY s.id",
                                 "read your stations"))
        scope.stations.push_back(Station{row[0], row[1], row[2], row[3], {}});
    for (const auto& row : query_rows(ds, "SELECT id, name FROM stations", "read the stations")) scope.names[row[0]] = row[1];
    return scope;
}

WriterScope writer_scope(const fs::path& workspace) {
    if (!is_database_workspace(workspace.string())) {
        read_metadata(workspace);  // a missing or foreign file is refused the same way as elsewhere
        return {};
    }
    ensure_gdal_ready();
    GdalDatasetPtr ds = open_vector(workspace.string(), false);
    if (!ds) throw BadInput(source_label(workspace.string()) + ": cannot connect to the database (" + last_gdal_error() + ")");
    if (!ds->GetLayerByName(std::string(kMetadataTable).c_str()))
        throw BadInput(source_label(workspace.string()) + " is a database but not a PatrolMap workspace");
    return writer_scope(*ds);
}

void secure_table(GDALDataset& ds, std::string_view table_name) {
    if (!is_postgres(ds)) return;
    const std::string name(table_name), table = quoted(name), what = "secure " + name;
    const auto secured = query_rows(ds, "SELECT relrowsecurity::int FROM pg_class WHERE oid = to_regclass('" + table + "')",
                                    "look up " + name + "'s row-level security");
    if (!secured.empty() && secured[0][0] == "1") return;
    secure_reading(ds, name);
    const std::string own = kOwnRow;
    run_sql(ds, "CREATE POLICY patrolmap_add ON " + table + " FOR INSERT WITH CHECK " + own, what);
    run_sql(ds, "CREATE POLICY patrolmap_change ON " + table + " FOR UPDATE USING " + own + " WITH CHECK " + own, what);
    run_sql(ds, "CREATE POLICY patrolmap_remove ON " + table + " FOR DELETE USING " + own, what);
}

void secure_layer(GDALDataset& ds, const LayerSpec& spec) {
    if (!is_postgres(ds)) return;
    if (spec.kind != LayerKind::stations) return secure_table(ds, spec.name);
    secure_reading(ds, std::string(spec.name));
    // No write policy: only the administrator, who bypasses them, writes stations.
    run_sql(ds, kWritableStationsFunction, "define who writes for which station");
}

std::vector<Row> claim_rows(const WriterScope& scope, const LayerSpec& spec, std::vector<Row> rows, const std::string& label) {
    if (scope.all_stations) return rows;
    if (spec.kind == LayerKind::stations && !rows.empty())
        throw BadInput(label + ": only the city's administrator adds or changes stations; you are " + scope.user +
                       "; nothing was written");
    for (auto& row : rows) {
        std::string sid = text_of(row, "station_id");
        if (sid.empty() && scope.stations.size() == 1) row.values["station_id"] = sid = scope.stations.front().id;
        if (sid.empty() && scope.stations.size() > 1)
            throw BadInput(label + ": " + std::string(spec.name) + " " + text_of(row, "id") +
                           " has no station_id and you (" + scope.user + ") write for several stations (" +
                           scope.stations_text() + "): give its station_id; nothing was written");
        if (!scope.may_write(sid)) throw not_yours(scope, spec, row, label, "add or change");
    }
    return rows;
}

std::vector<Row> own_rows_of_rebuild(const WriterScope& scope, const LayerSpec& spec, const std::vector<Row>& before,
                                     std::vector<Row> after, const std::string& label) {
    if (scope.all_stations) return after;
    std::map<std::string, const Row*> others;  // rows the user may not write, by id
    for (const auto& row : before)
        if (!scope.may_write(text_of(row, "station_id"))) others.emplace(text_of(row, "id"), &row);
    std::vector<Row> own;
    for (auto& row : after) {
        const auto other = others.find(text_of(row, "id"));
        if (other == others.end()) {
            own.push_back(std::move(row));
            continue;
        }
        if (!same_row(*other->second, row)) throw not_yours(scope, spec, *other->second, label, "change");
        others.erase(other);  // stays as it is in the database
    }
    if (!others.empty()) throw not_yours(scope, spec, *others.begin()->second, label, "remove");
    return claim_rows(scope, spec, std::move(own), label);
}

void add_station(const fs::path& workspace, const Station& station) {
    const std::string label = source_label(workspace.string());
    static const std::regex kId(R"([A-Za-z0-9_-]{1,32})");
    static const std::regex kRole(R"([a-z_][a-z0-9_]{0,62})");
    if (!std::regex_match(station.id, kId))
        throw BadInput(label + ": station id '" + station.id + "' must be 1 to 32 letters, digits, '-' or '_'");
    if (!station.role.empty() && !std::regex_match(station.role, kRole))
        throw BadInput(label + ": role '" + station.role +
                       "' must be a PostgreSQL name: lower-case letters, digits and '_', starting with a letter");
    const WorkspaceRows now = read_layers(workspace, {LayerKind::stations});
    // A station already there without a role (the sample's, or one copied from a station's own
    // GeoPackage) is given its role; any other is a duplicate.
    bool existing = false;
    for (const auto& row : now.rows.at(LayerKind::stations)) {
        if (text_of(row, "id") != station.id) continue;
        const std::string role = text_of(row, "role");
        if (!role.empty() || station.role.empty())
            throw BadInput(label + ": station " + station.id + " is already there" + (role.empty() ? "" : " (role " + role + ")"));
        existing = true;
    }
    if (is_database_workspace(workspace.string())) {
        if (station.role.empty()) throw BadInput(label + ": a station in a database needs --role: the PostgreSQL role of its users");
        GdalDatasetPtr ds = open_vector(workspace.string(), true);
        if (!ds) throw BadInput(label + ": cannot connect to the database (" + last_gdal_error() + ")");
        const WriterScope scope = writer_scope(*ds);
        if (!scope.all_stations)
            throw BadInput(label + ": only the city's administrator (the owner of the workspace's tables) adds stations; you are " +
                           scope.user);
        const std::string role = quoted(station.role);
        if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction: " + last_gdal_error());
        try {
            if (query_rows(*ds, "SELECT 1 FROM pg_roles WHERE rolname = '" + station.role + "'", "look up the role").empty())
                run_sql(*ds, "CREATE ROLE " + role + " NOLOGIN", "create role " + station.role + " (a superuser or a role with CREATEROLE can)");
            run_sql(*ds, "GRANT USAGE ON SCHEMA public TO " + role, "grant " + station.role + " the schema");
            // Every table of the workspace: read and write (row-level security narrows the
            // writes to the station's rows); stations itself is read only.
            run_sql(*ds,
                "DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tableowner = current_user LOOP EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t, '" +
                    station.role + "'); END LOOP; END $$",
                "grant " + station.role + " the workspace's tables");
            run_sql(*ds, "REVOKE INSERT, UPDATE, DELETE ON stations FROM " + role, "keep stations for the administrator");
            run_sql(*ds, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role, "grant " + station.role + " the id sequences");
            run_sql(*ds, "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + role,
                "grant " + station.role + " tables made later");
            run_sql(*ds, "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + role,
                "grant " + station.role + " sequences made later");
        } catch (const IoError& e) {
            ds->RollbackTransaction();
            throw BadInput(label + ": " + e.what());
        }
        if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit: " + last_gdal_error());
    }
    if (existing) {
        rebuild_layer(
            workspace, LayerKind::stations,
            [&](std::vector<Row> rows) {
                for (auto& row : rows)
                    if (text_of(row, "id") == station.id) {
                        row.values["role"] = station.role;
                        if (!station.name.empty()) row.values["name"] = station.name;
                        if (!station.name_en.empty()) row.values["name_en"] = station.name_en;
                    }
                return rows;
            },
            "stations: " + station.id + " given role " + station.role);
        return;
    }
    District d;
    d.stations.push_back(station);
    commit_changes(workspace, now.metadata, {{LayerKind::stations, to_rows(d, LayerKind::stations), false}});
}

}  // namespace geo
