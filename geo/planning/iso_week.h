#pragma once
// "2021-W24" -> the ISO 8601 week it names, Monday 00:00 to the next Monday 00:00 in `zone`:
// how `patrolmap routes --week` reads its flag. The inverse of window_label (time_window.h).
#include <optional>
#include <string>

#include "geo/query/time_window.h"

namespace geo {

// nullopt when `label` is not YYYY-Www or names a week the year does not have (W53 of a
// 52-week year); BadInput for an unknown zone.
std::optional<TimeWindow> parse_iso_week(const std::string& label, const std::string& zone);

}  // namespace geo
