#pragma once
// The lectures-held table of a workspace GeoPackage (patrolmap_lectures, no geometry). Workspaces
// made before it have none; it is created on the first write.
#include <string_view>
#include <vector>

#include <gdal_priv.h>

#include "geo/model/lectures.h"

namespace geo {

inline constexpr std::string_view kLecturesTable = "patrolmap_lectures";

std::vector<LectureRecord> read_lecture_records(GDALDataset& ds);

// Replaces the table's rows (creating it when missing), inside the caller's transaction.
// A station's user in a city workspace replaces only their station's rows (row-level security
// deletes no others; table_stations.h picks the rows to write back).
void write_lecture_table(GDALDataset& ds, const std::vector<LectureRecord>& lectures);

// `theirs` with `added` applied: a lecture at the same venue on the same day replaces the one
// there (a corrected attendance), every other one stays. Sorted by date, then venue.
std::vector<LectureRecord> merge_lectures(std::vector<LectureRecord> theirs, const std::vector<LectureRecord>& added);

}  // namespace geo
