#pragma once
// Everything the weekly review (会商) shows for one ISO week, computed once: the printed review,
// `review --json`, the text table and the app's dashboard all print this one struct, so their
// figures cannot disagree.
#include <array>
#include <string>
#include <vector>

#include "geo/planning/completion.h"
#include "geo/review/breakdowns.h"
#include "geo/review/knox.h"
#include "geo/review/repeats.h"
#include "geo/review/review_actions.h"
#include "geo/review/review_map.h"
#include "geo/review/weekly_figures.h"

namespace geo {

struct WeeklyReviewOptions {
    // The near-repeat test pairs every case with those close in space: on a city's year of calls
    // that is billions of pairs. It reads the latest `knox_max_cases` cases of the year (the
    // report says how many and from when).
    std::size_t knox_max_cases = 5000;
    bool actions = true;  // banners, visits, lectures (placement is the slowest part)
    bool map = true;      // hot spots and emerging hot spots of the quarter
    ReviewActionOptions action_options;
};

struct WeeklyReview {
    std::string week_label;  // "2021-W24"
    TimeWindow week;
    std::vector<HeadlineRow> headline;
    std::vector<WeekPoint> series;
    TypeAgeTable type_age;
    std::vector<NeighbourhoodRow> neighbourhoods;
    std::array<std::int64_t, EnumNames<IncidentSource>::names.size()> sources{};
    std::array<WarningTotals, EnumNames<WarningChannel>::names.size()> channels{};
    std::vector<RepeatPlace> repeats;
    KnoxTable knox;
    TimeWindow knox_window;          // the cases the Knox test read
    std::size_t knox_year_cases = 0; // the year's cases before the cap
    std::vector<OfficerCompletion> visits;
    std::array<std::int64_t, EnumNames<PosterKind>::names.size()> put_up{};  // installed in the week
    ReviewActions actions;
    ReviewMap map;
    // The lecture team's talks held in the week (geo/outreach/lectures_held.h).
    std::int64_t lectures_held = 0, lecture_attendance = 0, leaflets = 0;
};

WeeklyReview build_weekly_review(const District& district, const IncidentFilter& filter, const std::string& week_label,
                                 const TimeWindow& week, const WeeklyReviewOptions& options = {});

}  // namespace geo
