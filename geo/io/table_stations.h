#pragma once
// The stations of the rows of the tables beside the layers in a city workspace (visit plans,
// visits, lectures held, tracks), and which of them a station's user writes back.
//
// Each row's station is the one its users would name (set when the row is written without one):
// - a plan stop: its officer's (the officers layer's station_id);
// - a visit: the visiting officer's, else the visited building's;
// - a track: its officer's;
// - a lecture: the station whose lecture team held it, that is the station of the user who
//   records it; recorded by the city's administrator, the venue's (its site's, or for
//   "square-<id>" the neighbourhood's).
// A row still without one becomes the user's station (as claim_rows does for layers), or, the
// administrator's, stays without: only the administrator changes it.
//
// A commit rewrites such a table as a whole: the merge of what the program changed with what
// is there now. A station's user writes back only their station's rows (the DELETE before the
// rewrite removes no others: row-level security, secure_table). Every other row must come out
// of the merge exactly as it went in; else BadInput names the table, the row and its station,
// and nothing is written (the database would refuse it too, less clearly).
// A GeoPackage has no station_id in these tables and one user: everything is written, as before.
#include <string>
#include <string_view>
#include <vector>

#include <gdal_priv.h>

#include "geo/io/station_access.h"
#include "geo/model/lectures.h"
#include "geo/model/tracks.h"
#include "geo/model/visits.h"

namespace geo {

// `after` (every row the tables are to hold, as merged) with its stations filled in; returns the
// rows to write as `scope`'s user: all of `after` for the administrator, else the user's
// station's. `before` is what the tables hold now; `label` names the workspace in messages.
VisitTables visit_rows_to_write(GDALDataset& ds, const WriterScope& scope, const VisitTables& before, VisitTables& after,
                                const std::string& label);
std::vector<LectureRecord> lecture_rows_to_write(GDALDataset& ds, const WriterScope& scope,
                                                 const std::vector<LectureRecord>& before, std::vector<LectureRecord>& after,
                                                 const std::string& label);
std::vector<Track> track_rows_to_write(GDALDataset& ds, const WriterScope& scope, const std::vector<Track>& before,
                                       std::vector<Track>& after, const std::string& label);

// Before a station's user writes `table` in PostgreSQL: BadInput when it has no station_id
// column (a city workspace made before these tables' rows had stations; only the tables' owner
// may add it, which their next write of the table does).
void require_station_column(GDALDataset& ds, const WriterScope& scope, std::string_view table, const std::string& label);

}  // namespace geo
