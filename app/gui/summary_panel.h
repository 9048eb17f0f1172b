#pragma once
// The workspace summary: layers, totals, outcomes and incidents by month. Every number
// comes from geo::summarise; the incident figures follow the app's time window and filter.
#include "app/gui/app_state.h"

namespace gui {

// Recomputes state.summary when the filter or the data changed, then draws it.
void draw_summary_panel(AppState& state);

}  // namespace gui
