#pragma once
// The Dashboard tab (会商看板, issue 10): the weekly review on screen. The week's headline
// table (this week, the last 4 weeks, the year to date against their previous periods, with
// the two-Poisson test), the 26-week chart with its expected band, the neighbourhoods ranked
// per 1,000 people with their officer (a click flies the map there), cases by fraud type x age
// band and by source, warnings by channel. Every figure comes from geo/review under the app's
// filter; the panel only lays them out.
#include <optional>

#include "app/gui/app_state.h"

namespace gui {

void draw_dashboard_panel(AppState& state);

// The ISO week the dashboard shows when the picker has not moved: the one holding the end of
// the time window, or the last week with cases under "all time"; none without cases.
std::optional<geo::TimeWindow> dashboard_anchor_week(const AppState& state);

// Computes the figures for `week` under `filter` (what the panel caches).
DashboardView::Figures dashboard_figures(const geo::District& district, const geo::IncidentFilter& filter,
                                         const geo::TimeWindow& week);

}  // namespace gui
