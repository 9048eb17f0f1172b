#pragma once
// The record of home visits (issue 5): what each officer's saved weekly plan holds, and which
// buildings were visited on which day. The progress board (geo/planning/completion.h) compares
// the two. Both live in the workspace beside the layers (tables, not map features).
#include <string>
#include <vector>

namespace geo {

// One stop of an officer's weekly plan as it was issued (printed or saved from the app).
struct PlannedVisit {
    std::string officer_id;
    std::string week;         // ISO week, "2021-W24"
    std::string date;         // local day of the visit, "2021-06-15"
    int order = 0;            // 1.. within the day
    std::string building_id;
    double priority = 0;      // the visit priority when planned
    std::string station_id = {};  // the officer's station (a city workspace's; empty in a GeoPackage)
    friend bool operator==(const PlannedVisit&, const PlannedVisit&) = default;
};

// A building visited on a day: ticked in the app or imported from a CSV.
struct VisitRecord {
    std::string building_id;
    std::string date;         // local day, "2021-06-15"
    std::string officer_id;   // who visited; empty when the source did not say
    std::string source;       // "app", or the CSV file's name
    std::string recorded;     // when it was recorded, ISO 8601 UTC
    std::string station_id = {};  // the visiting officer's station, else the building's (city workspace only)
    friend bool operator==(const VisitRecord&, const VisitRecord&) = default;
};

// Both tables, as a program read them or means to write them.
struct VisitTables {
    std::vector<PlannedVisit> planned;
    std::vector<VisitRecord> visits;
};

// What a program changed (`mine` against the `base` it read) applied to the tables as they are
// now (`theirs`, which other programs may have changed since): the three-way merge that lets two
// programs record visits at once without either losing the other's.
// - Visits are keyed by building and date: the ones `mine` added are added unless `theirs` has
//   them already; the ones it removed are removed; every other visit of `theirs` stays.
// - Plans are kept per officer and week: a plan `mine` issued or re-issued (its stops differ from
//   `base`'s) replaces that officer's plan for that week in `theirs` (the latest issue wins, as
//   on paper); every other plan of `theirs` stays.
VisitTables merge_visit_tables(const VisitTables& base, const VisitTables& mine, const VisitTables& theirs);

}  // namespace geo
