#pragma once
// What the weekly review (会商) decides to do next, from the week's cases:
//   - banners to hang near the week's new cases (the placement engine over those cases, the
//     banners already hanging counted as placed);
//   - buildings to visit first next week (the weekly planner's priorities);
//   - neighbourhoods for the lecture team (讲师团): the highest case rates of the last four
//     weeks, with the fraud types and age bands that dominate there, so that the talk fits the
//     audience (the elderly hear about investment and health products, the young about online
//     shopping and order brushing).
// Pure functions of the district; the PDF, the JSON and the dashboard print them.
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/incident_filter.h"
#include "geo/query/time_window.h"

namespace geo {

struct BannerAction {
    XY at;
    std::string place;              // the streets there ("金城路 × 溪坦街"), or ""
    std::string neighbourhood;      // name of the neighbourhood it stands in, or ""
    std::size_t cases_in_reach = 0; // of the week's cases
};

struct VisitAction {
    std::string building_id, address, neighbourhood, officer;
    double priority = 0;
    std::vector<std::string> reasons;  // Chinese, short (talking_points.h)
};

struct LectureAction {
    std::string neighbourhood_id, neighbourhood, officer;
    std::int64_t cases = 0;                 // in the last 4 weeks
    std::optional<double> per_1000;
    std::vector<FraudType> top_types;       // most frequent first, up to 2
    std::vector<AgeBand> top_ages;          // most frequent known bands first, up to 2
};

struct ReviewActions {
    std::vector<BannerAction> banners;
    std::size_t week_cases = 0;             // the cases the banners were placed for
    std::size_t week_cases_covered_before = 0;  // of those, within reach of a banner already hanging
    std::size_t week_cases_in_reach = 0;    // of those, within reach of a suggested banner
    double banner_radius_m = 0;
    std::vector<VisitAction> visits;
    std::vector<LectureAction> lectures;
};

struct ReviewActionOptions {
    std::size_t banners = 3;
    double banner_radius_m = 300;
    double banner_spacing_m = 150;
    std::size_t max_scene_candidates = 1000;  // the week's scenes are banner candidates up to this many cases
    std::size_t visits = 10;
    std::size_t lectures = 3;
};

ReviewActions review_actions(const District& district, const IncidentFilter& filter, const TimeWindow& week,
                             const ReviewActionOptions& options = {});

}  // namespace geo
