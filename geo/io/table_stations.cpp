#include "geo/io/table_stations.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "geo/io/lecture_table.h"
#include "geo/io/sql_statements.h"
#include "geo/io/track_table.h"
#include "geo/io/visit_tables.h"
#include "geo/util/error.h"

namespace geo {
namespace {

constexpr std::size_t kIdsPerQuery = 500;  // keeps each IN (...) list a few kB
constexpr std::string_view kSquarePrefix = "square-";  // a lecture on a neighbourhood's square

std::string sql_text(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// The stations of some rows of a layer, by id; ids without a row or a station are left out.
std::map<std::string, std::string> stations_of(GDALDataset& ds, std::string_view layer, const std::set<std::string>& ids) {
    std::map<std::string, std::string> out;
    OGRLayer* l = ds.GetLayerByName(std::string(layer).c_str());
    if (ids.empty() || !l || l->GetLayerDefn()->GetFieldIndex("station_id") < 0) return out;
    const std::vector<std::string> list(ids.begin(), ids.end());
    for (std::size_t k = 0; k < list.size(); k += kIdsPerQuery) {
        std::string in;
        for (std::size_t j = k; j < list.size() && j < k + kIdsPerQuery; ++j) in += (j > k ? "," : "") + sql_text(list[j]);
        for (const auto& row : query_rows(ds, "SELECT id, station_id FROM \"" + std::string(layer) + "\" WHERE id IN (" + in + ")",
                                          "read the stations of " + std::string(layer)))
            if (!row[1].empty()) out[row[0]] = row[1];
    }
    return out;
}

std::string found(const std::map<std::string, std::string>& stations, const std::string& id) {
    const auto it = stations.find(id);
    return it == stations.end() ? std::string() : it->second;
}

// Which rows of `after` are rows of `before` as they were (same values, station included), so
// keep the station they have; the others are new or changed.
template <class Record, class Key>
std::vector<bool> unchanged_rows(const std::vector<Record>& before, const std::vector<Record>& after, Key key,
                                 std::vector<bool>& before_kept) {
    std::map<std::string, std::vector<std::size_t>> by_key;
    for (std::size_t j = 0; j < before.size(); ++j) by_key[key(before[j])].push_back(j);
    before_kept.assign(before.size(), false);
    std::vector<bool> unchanged(after.size(), false);
    for (std::size_t i = 0; i < after.size(); ++i) {
        const auto it = by_key.find(key(after[i]));
        if (it == by_key.end()) continue;
        for (const std::size_t j : it->second)
            if (!before_kept[j] && before[j] == after[i]) {
                before_kept[j] = unchanged[i] = true;
                break;
            }
    }
    return unchanged;
}

// The rows of `after` a station's user writes back (see the header), stations of new rows given
// by `derive` first; `after`'s rows take the stations they are written with.
template <class Record, class Key, class Derive>
std::vector<Record> rows_to_write(const WriterScope& scope, std::string_view table, const std::vector<Record>& before,
                                  std::vector<Record>& after, Key key, Derive derive, const std::string& label) {
    std::vector<bool> before_kept;
    const std::vector<bool> unchanged = unchanged_rows(before, after, key, before_kept);
    derive(after, unchanged);
    if (scope.all_stations) return after;
    std::vector<Record> own;
    for (std::size_t i = 0; i < after.size(); ++i) {
        Record& row = after[i];
        if (unchanged[i] && !scope.may_write(row.station_id)) continue;  // stays in the table as it is
        if (row.station_id.empty() && scope.stations.size() == 1) row.station_id = scope.stations.front().id;
        if (row.station_id.empty() && scope.stations.size() > 1)
            throw BadInput(label + ": " + std::string(table) + " " + key(row) + " has no station and you (" + scope.user +
                           ") write for several stations (" + scope.stations_text() + "); nothing was written");
        if (!scope.may_write(row.station_id)) throw not_your_row(scope, table, key(row), row.station_id, label, "add or change");
        own.push_back(row);
    }
    for (std::size_t j = 0; j < before.size(); ++j)
        if (!before_kept[j] && !scope.may_write(before[j].station_id))
            throw not_your_row(scope, table, key(before[j]), before[j].station_id, label, "remove");
    return own;
}

// The new rows' officers' (or, failing that, `fallback`'s ids in `fallback_layer`) stations.
template <class Record, class Fallback>
void derive_from_officer(GDALDataset& ds, std::vector<Record>& rows, const std::vector<bool>& unchanged,
                         std::string_view fallback_layer, Fallback fallback) {
    std::set<std::string> officers, others;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!unchanged[i] && rows[i].station_id.empty()) {
            if (!rows[i].officer_id.empty()) officers.insert(rows[i].officer_id);
            if (!fallback_layer.empty()) others.insert(fallback(rows[i]));
        }
    const auto by_officer = stations_of(ds, "officers", officers);
    const auto by_other = stations_of(ds, fallback_layer, others);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!unchanged[i] && rows[i].station_id.empty()) {
            rows[i].station_id = found(by_officer, rows[i].officer_id);
            if (rows[i].station_id.empty() && !fallback_layer.empty()) rows[i].station_id = found(by_other, fallback(rows[i]));
        }
}

std::string plan_key(const PlannedVisit& p) { return fmt::format("{} {} {} stop {}", p.officer_id, p.week, p.date, p.order); }
std::string visit_key(const VisitRecord& v) { return v.building_id + " on " + v.date; }
std::string lecture_key(const LectureRecord& l) { return l.venue_id + " on " + l.date; }
std::string track_key(const Track& t) { return t.id; }

}  // namespace

VisitTables visit_rows_to_write(GDALDataset& ds, const WriterScope& scope, const VisitTables& before, VisitTables& after,
                                const std::string& label) {
    if (!is_postgres(ds)) return after;  // a GeoPackage: one user, no stations in these tables
    VisitTables out;
    out.planned = rows_to_write(scope, kVisitPlansTable, before.planned, after.planned, plan_key,
                                [&](auto& rows, const auto& unchanged) {
                                    derive_from_officer(ds, rows, unchanged, "", [](const PlannedVisit&) { return std::string(); });
                                },
                                label);
    out.visits = rows_to_write(scope, kVisitsTable, before.visits, after.visits, visit_key,
                               [&](auto& rows, const auto& unchanged) {
                                   derive_from_officer(ds, rows, unchanged, "buildings", [](const VisitRecord& v) { return v.building_id; });
                               },
                               label);
    return out;
}

std::vector<LectureRecord> lecture_rows_to_write(GDALDataset& ds, const WriterScope& scope,
                                                 const std::vector<LectureRecord>& before, std::vector<LectureRecord>& after,
                                                 const std::string& label) {
    if (!is_postgres(ds)) return after;
    // A station's user records their own team's lectures: rows_to_write gives them the user's
    // station. The administrator's get their venue's.
    auto by_venue = [&](std::vector<LectureRecord>& rows, const std::vector<bool>& unchanged) {
        if (!scope.all_stations) return;
        std::set<std::string> sites, squares;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (unchanged[i] || !rows[i].station_id.empty()) continue;
            const std::string& venue = rows[i].venue_id;
            if (venue.starts_with(kSquarePrefix)) squares.insert(venue.substr(kSquarePrefix.size()));
            else sites.insert(venue);
        }
        const auto of_site = stations_of(ds, "sites", sites), of_square = stations_of(ds, "neighbourhoods", squares);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (unchanged[i] || !rows[i].station_id.empty()) continue;
            const std::string& venue = rows[i].venue_id;
            rows[i].station_id = venue.starts_with(kSquarePrefix) ? found(of_square, venue.substr(kSquarePrefix.size()))
                                                                  : found(of_site, venue);
        }
    };
    return rows_to_write(scope, kLecturesTable, before, after, lecture_key, by_venue, label);
}

std::vector<Track> track_rows_to_write(GDALDataset& ds, const WriterScope& scope, const std::vector<Track>& before,
                                       std::vector<Track>& after, const std::string& label) {
    if (!is_postgres(ds)) return after;
    return rows_to_write(scope, kTracksTable, before, after, track_key,
                         [&](auto& rows, const auto& unchanged) {
                             derive_from_officer(ds, rows, unchanged, "", [](const Track&) { return std::string(); });
                         },
                         label);
}

void require_station_column(GDALDataset& ds, const WriterScope& scope, std::string_view table, const std::string& label) {
    if (scope.all_stations || !is_postgres(ds)) return;
    OGRLayer* layer = ds.GetLayerByName(std::string(table).c_str());
    if (layer && layer->GetLayerDefn()->GetFieldIndex("station_id") >= 0) return;
    throw BadInput(label + ": " + std::string(table) +
                   " was made before its rows belonged to stations (it has no station_id); the city's administrator's next "
                   "write of it adds that, and until then only the administrator writes it; nothing was written");
}

}  // namespace geo
