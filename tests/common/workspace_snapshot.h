#pragma once
// Everything a workspace holds, read back through PatrolMap in one comparable value, so a test
// can say "every table is as it was" of either store (a refused import, a killed write): for a
// file that is weaker than comparing its bytes, which says nothing of a database.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "geo/io/row.h"
#include "geo/io/workspace_store.h"

namespace test {

struct WorkspaceSnapshot {
    geo::Metadata metadata;
    std::vector<std::string> changes;                   // the change log, "change at tables: summary"
    std::map<std::string, std::vector<geo::Row>> rows;  // every layer's rows, in stored order
    std::map<std::string, std::size_t> counts;          // every layer's feature count, as a file stores it
    std::vector<geo::PlannedVisit> planned_visits;
    std::vector<geo::VisitRecord> visits;
    std::vector<geo::LectureRecord> lectures;
    std::vector<geo::Track> tracks;
};

WorkspaceSnapshot snapshot_of(const std::string& ws);

// Equal, or the first difference in words ("incidents: 5 rows, was 0") for the failure message.
std::string difference(const WorkspaceSnapshot& now, const WorkspaceSnapshot& before);

}  // namespace test
