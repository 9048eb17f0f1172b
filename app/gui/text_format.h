#pragma once
// Numbers and the filter as the side panels print them.
#include <string>

#include "app/gui/app_state.h"

namespace gui {

// 1234567.4 -> "1,234,567" (rounded to whole units).
std::string grouped(double value);

// What the app's filter keeps besides the time window, in the UI's language:
// "诈骗类型：投资理财、网络贷款；受害人年龄：60岁以上", or "all cases" when it keeps everything.
std::string filter_description(const geo::IncidentFilter& filter);

}  // namespace gui
