#pragma once
// Visits done, from a CSV the volunteers or the station's own system keep: one row per visit,
// a building id column (building_id, building or 楼栋编号) and a date column (date, visited_on
// or 日期: "2021-06-15", "2021/6/15" or an ISO 8601 time, read in the workspace's zone), and
// optionally who visited (officer_id, officer or 民警). Read through GDAL's CSV driver.
//
// All or nothing: the first bad row throws BadInput naming the file, the line and the field:
// an unknown building or officer, a date that is not one, a date in the future or before 2000.
#include <filesystem>
#include <vector>

#include "geo/model/district.h"

namespace geo {

// `now`: dates after its local day are refused. `recorded`: stamped on every record.
std::vector<VisitRecord> read_visit_csv(const std::filesystem::path& csv, const District& district, Timestamp now,
                                        const std::string& recorded);

}  // namespace geo
