#include "geo/planning/completion.h"

#include <set>
#include <unordered_map>

#include "geo/util/time_parse.h"

namespace geo {

std::vector<std::string> local_dates(const TimeWindow& window, const std::string& zone) {
    std::vector<std::string> out;
    // Noon of each day: a day 23 or 25 hours long (daylight saving) neither skips nor repeats.
    for (Timestamp t = window.from + std::chrono::hours(12); t < window.to; t += std::chrono::hours(24)) {
        out.push_back(format_local(t, zone, "%Y-%m-%d"));
    }
    return out;
}

std::vector<OfficerCompletion> weekly_completion(const District& district, const std::string& week_label,
                                                 const TimeWindow& week) {
    const std::vector<std::string> days = local_dates(week, district.metadata.timezone);
    const std::set<std::string> in_week(days.begin(), days.end());

    // Buildings visited this week, and whose neighbourhood's officer answers for each building.
    std::set<std::string> visited;
    for (const VisitRecord& v : district.visits)
        if (in_week.count(v.date)) visited.insert(v.building_id);
    std::unordered_map<std::string, std::string> officer_of_neighbourhood;
    for (const Neighbourhood& n : district.neighbourhoods) officer_of_neighbourhood.emplace(n.id, n.officer_id);
    std::unordered_map<std::string, const Building*> building_by_id;
    for (const Building& b : district.buildings) building_by_id.emplace(b.id, &b);

    std::vector<OfficerCompletion> out;
    for (const Officer& officer : district.officers) {
        OfficerCompletion c;
        c.officer_id = officer.id;
        c.officer_name = officer.name;
        std::set<std::string> planned;
        for (const PlannedVisit& p : district.planned_visits) {
            if (p.officer_id != officer.id || p.week != week_label) continue;
            c.issued = true;
            if (!planned.insert(p.building_id).second) continue;
            c.priority_planned += p.priority;
            if (visited.count(p.building_id)) {
                ++c.done;
                c.priority_done += p.priority;
            }
        }
        c.planned = planned.size();
        for (const std::string& id : visited) {
            const auto b = building_by_id.find(id);
            if (b == building_by_id.end()) continue;
            const auto o = officer_of_neighbourhood.find(b->second->neighbourhood_id);
            const bool own = o != officer_of_neighbourhood.end() && o->second == officer.id;
            const bool on_plan = planned.count(id) > 0;
            if (on_plan || own) c.households_done += static_cast<std::size_t>(b->second->households);
            if (own && !on_plan) ++c.off_plan;
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace geo
