#pragma once
// Keeping the visit record (model/visits.h) up to date: issuing a week's plan, adding visits
// done (from the app's ticks or a CSV) without counting one twice, taking a tick back.
// Pure functions over the district's two lists; the caller writes them with commit_visits.
#include <string>
#include <unordered_set>
#include <vector>

#include "geo/model/visits.h"
#include "geo/planning/week_plan.h"

namespace geo {

// The plan's stops as issued: replaces any plan of that officer and week issued before
// (a re-plan supersedes the old sheets); other officers and weeks are untouched.
// `priorities`: the ones the plan was made with, one per district building.
void issue_week_plan(std::vector<PlannedVisit>& planned, const District& district, const WeekPlan& plan,
                     const std::string& officer_id, const std::string& week_label,
                     const std::vector<BuildingPriority>& priorities);

// The stops of `officer_id`'s issued plan for `week_label`, in day and stop order.
std::vector<PlannedVisit> issued_plan(const std::vector<PlannedVisit>& planned, const std::string& officer_id,
                                      const std::string& week_label);

// Adds the visits not recorded yet (same building and date); returns how many were new.
std::size_t add_visits(std::vector<VisitRecord>& visits, const std::vector<VisitRecord>& new_ones);

// Removes the visit of that building on that date; false when there was none.
bool remove_visit(std::vector<VisitRecord>& visits, const std::string& building_id, const std::string& date);

bool is_visited(const std::vector<VisitRecord>& visits, const std::string& building_id, const std::string& date);

// The same question for many stops at once (a year of visits is tens of thousands of records):
// built once from the list, answered by hashing.
class VisitLookup {
public:
    VisitLookup() = default;
    explicit VisitLookup(const std::vector<VisitRecord>& visits);
    bool contains(const std::string& building_id, const std::string& date) const;

private:
    std::unordered_set<std::string> keys_;  // building_id '\n' date
};

}  // namespace geo
