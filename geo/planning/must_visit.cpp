#include "geo/planning/must_visit.h"

#include <set>

namespace geo {

std::string_view visit_flag_name(VisitFlag flag) {
    switch (flag) {
        case VisitFlag::elderly_alone: return "elderly_alone";
        case VisitFlag::past_victim: return "past_victim";
        case VisitFlag::no_app: return "no_app";
    }
    return "";
}

std::optional<VisitFlag> parse_visit_flag(std::string_view name) {
    for (const VisitFlag f : {VisitFlag::elderly_alone, VisitFlag::past_victim, VisitFlag::no_app})
        if (visit_flag_name(f) == name) return f;
    return std::nullopt;
}

bool has_flag(const Building& building, VisitFlag flag) {
    switch (flag) {
        case VisitFlag::elderly_alone: return building.flags.elderly_alone;
        case VisitFlag::past_victim: return building.flags.past_victim;
        case VisitFlag::no_app: return building.flags.no_app;
    }
    return false;
}

std::vector<std::string> flagged_buildings_of(const District& district, const std::string& officer_id, VisitFlag flag) {
    // The officer's neighbourhoods as plan_week finds them, so that every id is one it accepts.
    std::set<std::string> hoods;
    for (const Neighbourhood& n : district.neighbourhoods)
        if (n.officer_id == officer_id) hoods.insert(n.id);
    std::vector<std::string> ids;
    for (const Building& b : district.buildings)
        if (hoods.contains(b.neighbourhood_id) && has_flag(b, flag)) ids.push_back(b.id);
    return ids;
}

EveryStopSummary every_stop_summary(const WeekPlan& plan) {
    EveryStopSummary s;
    s.listed = plan.candidates;
    for (const DayRoute& day : plan.days) s.served += day.stops.size();
    s.days_used = days_used(plan);
    s.days = plan.days.size();
    return s;
}

}  // namespace geo
