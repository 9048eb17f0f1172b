// merge_visit_tables (model/visits.h): here, beside the visit tables' store, because the store
// is its one caller; pure, so tested without a file.
#include <map>
#include <set>
#include <utility>

#include "geo/model/visits.h"

namespace geo {
namespace {

using VisitKey = std::pair<std::string, std::string>;  // building, date
using PlanKey = std::pair<std::string, std::string>;   // officer, week

VisitKey key_of(const VisitRecord& v) { return {v.building_id, v.date}; }
PlanKey key_of(const PlannedVisit& p) { return {p.officer_id, p.week}; }

std::map<PlanKey, std::vector<PlannedVisit>> by_plan(const std::vector<PlannedVisit>& planned) {
    std::map<PlanKey, std::vector<PlannedVisit>> out;
    for (const auto& p : planned) out[key_of(p)].push_back(p);
    return out;
}

}  // namespace

VisitTables merge_visit_tables(const VisitTables& base, const VisitTables& mine, const VisitTables& theirs) {
    VisitTables out;

    std::set<VisitKey> in_base, in_mine;
    for (const auto& v : base.visits) in_base.insert(key_of(v));
    for (const auto& v : mine.visits) in_mine.insert(key_of(v));
    std::set<VisitKey> seen;
    for (const auto& v : theirs.visits) {
        const VisitKey k = key_of(v);
        const bool removed_by_me = in_base.count(k) && !in_mine.count(k);
        if (!removed_by_me && seen.insert(k).second) out.visits.push_back(v);
    }
    for (const auto& v : mine.visits)
        if (!in_base.count(key_of(v)) && seen.insert(key_of(v)).second) out.visits.push_back(v);

    const auto base_plans = by_plan(base.planned), mine_plans = by_plan(mine.planned);
    std::set<PlanKey> issued_by_me;  // plans mine issued, re-issued or withdrew
    for (const auto& [k, stops] : mine_plans) {
        auto it = base_plans.find(k);
        if (it == base_plans.end() || it->second != stops) issued_by_me.insert(k);
    }
    for (const auto& [k, stops] : base_plans)
        if (!mine_plans.count(k)) issued_by_me.insert(k);
    for (const auto& p : theirs.planned)
        if (!issued_by_me.count(key_of(p))) out.planned.push_back(p);
    for (const auto& p : mine.planned)
        if (issued_by_me.count(key_of(p))) out.planned.push_back(p);
    return out;
}

}  // namespace geo
