#pragma once
// The workspace summary: layers, totals, outcomes and incidents by month. Every number
// comes from geo::summarise.
#include <string>

#include "geo/summary/district_summary.h"

namespace gui {

void draw_summary_panel(const std::string& path, const geo::DistrictSummary& summary);

}  // namespace gui
