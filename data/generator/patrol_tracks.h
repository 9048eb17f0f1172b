#pragma once
// The sample's week of patrols (issue 13): 2021-W24 planned for every officer by the weekly
// planner, as issued (so the progress board has a plan to count against), and the phone track
// of every officer's day walked from it: along the streets of the planned legs, off the road to
// each building and back, a stay there, with the noise, gaps and the odd wrong turn of a real
// phone. The truth it was made from is returned too, for the tests of the matcher and of the
// visits found: the street spans walked and which stops were really visited (a few are not:
// nobody was home, the officer knocked and went on).
#include <cstdint>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/tracks/map_match.h"

namespace sample {

inline constexpr const char* kPatrolWeek = "2021-W24";

struct PatrolStay {
    std::string building_id;
    geo::Timestamp start{}, end{};           // at the door
    std::size_t fixes = 0;                   // fixes the phone logged meanwhile (indoors: few)
};

struct PatrolDayTruth {
    std::string track_id;
    std::vector<geo::EdgeSpan> walked;       // on the walking graph of the district's roads
    std::vector<std::string> visited;        // buildings stayed at (a real visit)
    std::vector<PatrolStay> stays;           // the same, with times
    std::vector<std::string> knocked;        // planned stops where the officer did not stay
    bool wrong_turn = false;
};

struct PatrolWeek {
    std::vector<geo::PlannedVisit> planned;  // as issued
    std::vector<geo::Track> tracks;          // one per officer and working day with stops
    std::vector<PatrolDayTruth> truth;       // one per track, same order
};

// `district` with roads, buildings, officers and sites; deterministic for a seed.
PatrolWeek simulate_patrol_week(const geo::District& district, std::uint64_t seed);

}  // namespace sample
