#pragma once
// The lecture team's plan (讲师团): which venues to speak at, week by week and team by team, and
// what about. Each venue is scored as of the week's Monday by
//
//   risk      = Σ over the cases within radius_m before Monday, at most lookback_days old,
//               of 0.5^(age_days / half_life_days) × mix[victim's age band]
//               (mix: the venue's audience age mix; a victim of unknown age counts 1/4)
//   per_1000  = 1000 × risk / population of the venue's neighbourhood (residents + transients)
//   score     = audience / 1000 × (per_1000 + floor_per_1000) × (neglect_factor when the
//               venue's neighbourhood has had no lecture in the last neglect_weeks)
//
// i.e. how many people in the room the recent cases around them speak to; the floor keeps a
// quiet but large audience in play. Each week the highest scores take the week's slots (teams ×
// per_team_week), no venue again within min_gap_weeks; the week's venues are split among the
// teams west to east, a team's two talks side by side. The topics are the two fraud types whose
// recent cases weigh most for that audience; with no case nearby, the audience's usual ones
// (the elderly: investment and health products; the young: online shopping and order brushing).
// Lectures already held (district.lectures) count as given in their week: a venue spoken at
// three weeks before the plan starts waits out the spacing, and its neighbourhood is not
// neglected; one held inside a planned week takes one of that week's slots, marked held, so
// planning again after ticking a lecture keeps it where it was given.
// Deterministic: ties go to the lower venue id.
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/outreach/lecture_venues.h"
#include "geo/query/time_window.h"

namespace geo {

struct LecturePlanOptions {
    int teams = 10;
    int per_team_week = 2;
    double radius_m = 1000;
    double half_life_days = 30;
    double lookback_days = 120;
    double floor_per_1000 = 0.05;
    int min_gap_weeks = 4;
    int neglect_weeks = 8;
    double neglect_factor = 2;
};

struct VenueScore {
    double risk = 0, per_1000 = 0, score = 0;
    bool neglected = false;
    std::vector<FraudType> topics;  // up to two
};

struct PlannedLecture {
    std::string week;      // "2021-W25"
    int team = 0;          // 1-based
    Timestamp day{};       // local midnight of the day (Tuesday, Thursday, Saturday ...)
    std::size_t venue = 0; // index into LecturePlan::venues
    VenueScore why;
    bool held = false;     // already given (district.lectures): its day is the day it was held
};

struct LecturePlan {
    std::vector<std::string> weeks;        // as asked for, in order
    std::size_t slots_per_week = 0;        // teams x talks per team
    std::vector<LectureVenue> venues;
    std::vector<PlannedLecture> lectures;  // by week, then team, then day
};

// `venue`'s score as of `as_of` (a week's Monday) with `last_lecture_week` the index of the week
// the venue's neighbourhood last had a lecture (negative: never) and `week` this week's index.
VenueScore score_venue(const District& district, const LectureVenue& venue, Timestamp as_of, bool neglected,
                       const LecturePlanOptions& options);

// `weeks` are ISO week labels in order ("2021-W25" ...). BadInput naming the flag for teams or
// talks per team below 1, a negative spacing, or a week that is not one.
LecturePlan plan_lectures(const District& district, const std::vector<std::string>& weeks, const LecturePlanOptions& options);

// "2021-W25..2021-W30" (or one week) -> the labels in between; BadInput naming --weeks.
std::vector<std::string> week_range(const std::string& text, const std::string& zone);

}  // namespace geo
