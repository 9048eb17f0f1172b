#include "geo/planning/visit_log.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

namespace geo {

void issue_week_plan(std::vector<PlannedVisit>& planned, const District& district, const WeekPlan& plan,
                     const std::string& officer_id, const std::string& week_label,
                     const std::vector<BuildingPriority>& priorities) {
    std::unordered_map<std::string, double> priority_of;
    for (std::size_t b = 0; b < district.buildings.size() && b < priorities.size(); ++b)
        priority_of.emplace(district.buildings[b].id, priorities[b].priority);
    std::erase_if(planned, [&](const PlannedVisit& v) { return v.officer_id == officer_id && v.week == week_label; });
    for (const DayRoute& day : plan.days)
        for (std::size_t k = 0; k < day.stops.size(); ++k) {
            PlannedVisit v;
            v.officer_id = officer_id;
            v.week = week_label;
            v.date = day.date;
            v.order = static_cast<int>(k + 1);
            v.building_id = day.stops[k].building_id;
            const auto it = priority_of.find(v.building_id);
            // Kept to a millionth: a figure for the board, and one that every store (GDAL's
            // PostgreSQL driver writes doubles with 15 significant digits) gives back exactly.
            v.priority = it == priority_of.end() ? 0.0 : std::round(it->second * 1e6) / 1e6;
            planned.push_back(std::move(v));
        }
}

std::vector<PlannedVisit> issued_plan(const std::vector<PlannedVisit>& planned, const std::string& officer_id,
                                      const std::string& week_label) {
    std::vector<PlannedVisit> out;
    for (const PlannedVisit& v : planned)
        if (v.officer_id == officer_id && v.week == week_label) out.push_back(v);
    std::stable_sort(out.begin(), out.end(),
                     [](const PlannedVisit& a, const PlannedVisit& b) { return std::tie(a.date, a.order) < std::tie(b.date, b.order); });
    return out;
}

bool is_visited(const std::vector<VisitRecord>& visits, const std::string& building_id, const std::string& date) {
    return std::any_of(visits.begin(), visits.end(),
                       [&](const VisitRecord& v) { return v.building_id == building_id && v.date == date; });
}

std::size_t add_visits(std::vector<VisitRecord>& visits, const std::vector<VisitRecord>& new_ones) {
    std::size_t added = 0;
    for (const VisitRecord& v : new_ones) {
        if (is_visited(visits, v.building_id, v.date)) continue;
        visits.push_back(v);
        ++added;
    }
    return added;
}

bool remove_visit(std::vector<VisitRecord>& visits, const std::string& building_id, const std::string& date) {
    return std::erase_if(visits, [&](const VisitRecord& v) { return v.building_id == building_id && v.date == date; }) > 0;
}

VisitLookup::VisitLookup(const std::vector<VisitRecord>& visits) {
    for (const VisitRecord& v : visits) keys_.insert(v.building_id + '\n' + v.date);
}

bool VisitLookup::contains(const std::string& building_id, const std::string& date) const {
    return keys_.count(building_id + '\n' + date) > 0;
}

}  // namespace geo
