#pragma once
// Which buildings an every-stop week must serve when they are named by a flag (issue 16's
// `patrolmap routes --every FLAG` and the app's "Must visit" choice share this one selection),
// and how a plan served them (the "served all N stops in D of 5 days" line both print).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/model/district.h"
#include "geo/planning/week_plan.h"

namespace geo {

// The building flags a dispatcher may ask every building of to be visited.
enum class VisitFlag { elderly_alone, past_victim, no_app };

// "elderly_alone", "past_victim", "no_app": the stored names (layer_schema.h's flags).
std::string_view visit_flag_name(VisitFlag flag);
std::optional<VisitFlag> parse_visit_flag(std::string_view name);
bool has_flag(const Building& building, VisitFlag flag);

// The ids of the buildings with the flag in the neighbourhoods whose officer is `officer_id`,
// in district order: WeekPlanOptions::every_stop for that officer. Empty for an officer without
// neighbourhoods or flagged buildings.
std::vector<std::string> flagged_buildings_of(const District& district, const std::string& officer_id, VisitFlag flag);

// How an every-stop plan served its list. `listed` counts the plan's candidates (the listed
// buildings, once each); the ones not served are the plan's `unserved` and `unreachable`.
struct EveryStopSummary {
    std::size_t listed = 0;
    std::size_t served = 0;
    std::size_t days_used = 0;
    std::size_t days = 0;  // working days of the week
    bool all_served() const { return served == listed; }
};
EveryStopSummary every_stop_summary(const WeekPlan& plan);

}  // namespace geo
