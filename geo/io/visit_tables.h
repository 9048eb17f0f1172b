#pragma once
// The two visit tables of a workspace GeoPackage (attribute tables without geometry):
// patrolmap_visit_plans (the officers' issued weekly plans) and patrolmap_visits (visits done).
// Workspaces made before them simply have none; they are created on the first write.
#include <string_view>
#include <vector>

#include <gdal_priv.h>

#include "geo/model/visits.h"

namespace geo {

inline constexpr std::string_view kVisitPlansTable = "patrolmap_visit_plans";
inline constexpr std::string_view kVisitsTable = "patrolmap_visits";

std::vector<PlannedVisit> read_planned_visits(GDALDataset& ds);
std::vector<VisitRecord> read_visit_records(GDALDataset& ds);

// Replaces both tables' rows (creating the tables when missing). Inside the caller's
// transaction; IoError when GDAL refuses. A station's user in a city workspace replaces only
// their station's rows (row-level security deletes no others; table_stations.h picks the rows
// to write back).
void write_visit_tables(GDALDataset& ds, const std::vector<PlannedVisit>& planned,
                        const std::vector<VisitRecord>& visits);

}  // namespace geo
