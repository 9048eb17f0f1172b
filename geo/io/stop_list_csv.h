#pragma once
// The buildings a station wants all visited this week (issue 16's every-stop plans: a campaign
// list), from a CSV with a building id column (building_id, building or 楼栋编号; other columns
// ignored), read through GDAL's CSV driver as visit_csv.h, or a file of one id per line (with or
// without such a header).
//
// All or nothing: an unknown building or an empty id throws BadInput naming the file, the line
// and the id. Blank lines are skipped; an id listed twice is kept once.
#include <filesystem>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct ListedStop {
    std::string building_id;
    std::string where;  // "stops.csv line 4": for messages about the building later on
};

std::vector<ListedStop> read_stop_list_csv(const std::filesystem::path& csv, const District& district);

}  // namespace geo
