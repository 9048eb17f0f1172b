#pragma once
// Numbers and the filter as the side panels print them.
#include <string>

#include "app/gui/app_state.h"
#include "geo/planning/left_out_reason.h"

namespace gui {

// 1234567.4 -> "1,234,567" (rounded to whole units).
std::string grouped(double value);

// What the app's filter keeps besides the time window, in the UI's language:
// "诈骗类型：投资理财、网络贷款；受害人年龄：60岁以上", or "all cases" when it keeps everything.
std::string filter_description(const geo::IncidentFilter& filter);

// Why the plan left a building out, in the UI's language (in English, geo::english's words).
std::string left_out_text(const geo::LeftOutReason& reason);

// "2021-06-21" -> "Mon" / "周一"; empty for a date that does not parse. (DayRoute::weekday is
// the route sheet's Chinese.)
std::string weekday_of(const std::string& date);

}  // namespace gui
