#pragma once
// The Routes tab's parts (routes_panel.cpp draws the tab): the stop list of one day with its
// ticks, locks and moves; the week's progress board; issuing a plan to the workspace.
#include "app/gui/app_state.h"

namespace gui {

// Plans the review's officer and week with its pinned stops, on this thread; with `must_visit`,
// every building of the officer with that flag in the fewest days, and the pins play no part.
PlannedWeek plan_week_for(const geo::District& district, const std::string& officer_id, const geo::TimeWindow& week,
                          const std::vector<geo::PinnedStop>& pinned, std::optional<geo::VisitFlag> must_visit,
                          double time_budget_s, std::int64_t max_rounds);

// Keeps the shown plan as the officer's issued plan for the week (what the board counts).
void issue_plan(AppState& state);

// Records (or takes back) the visit of a building on a day, at once in the workspace.
void set_visit_done(AppState& state, const std::string& building_id, const std::string& date, const std::string& officer_id,
                    bool done);

// Locks a building to a day (0-based) for the next re-plan; day < 0 unlocks it.
void pin_stop(RouteReview& review, const std::string& building_id, int day);
// The day a building is locked to, or -1.
int pinned_day(const RouteReview& review, const std::string& building_id);

void draw_route_stops(AppState& state, int day);
void draw_progress_board(AppState& state);

}  // namespace gui
