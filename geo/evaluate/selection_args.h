#pragma once
// The analysis commands' (hotspots, change, evaluate) shared selection flags, from text to the
// filter they mean: --from / --to dates, --type names, --where conditions, --horizon durations.
// Every error is a BadInput naming the flag, as the commands report it.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "geo/evaluate/field_condition.h"
#include "geo/query/incident_filter.h"

namespace geo {

struct SelectionArgs {
    std::string from;                 // ISO 8601 date or date-time; "" = from the start
    std::string to;                   // ISO 8601; a date alone includes that whole day; "" = to the end
    std::vector<std::string> types;   // fraud type names; empty = all
    std::vector<std::string> where;   // FIELD=VALUE on extra fields, all must hold
};

struct Selection {
    IncidentFilter filter;
    std::vector<FieldCondition> where;
};

// Times without a zone are in `zone` (the workspace's).
Selection parse_selection(const SelectionArgs& args, const std::string& zone);

// Indices into district.incidents of the incidents the selection keeps, ascending.
// BadInput naming --where for a field no incident carries.
std::vector<std::uint32_t> select_incidents(const District& district, const Selection& selection);

// "30d", "4w", "12h" (whole days, weeks or hours). BadInput naming `flag` otherwise.
std::chrono::seconds parse_duration(const std::string& text, const std::string& flag);

// An ISO 8601 date or date-time in `zone`. BadInput naming `flag` otherwise.
Timestamp parse_time_flag(const std::string& text, const std::string& zone, const std::string& flag);

// "minx,miny,maxx,maxy" in metres. BadInput naming --extent otherwise.
Envelope parse_extent(const std::string& text);

}  // namespace geo
