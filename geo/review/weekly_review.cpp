#include "geo/review/weekly_review.h"

#include <algorithm>
#include <numeric>

#include "geo/outreach/lectures_held.h"

namespace geo {
namespace {

constexpr auto kDay = std::chrono::hours(24);

// The Knox test over the year up to the week, the latest `max_cases` of it at most.
void add_knox(const District& district, const IncidentFilter& filter, const TimeWindow& week, std::size_t max_cases,
              WeeklyReview& out) {
    IncidentFilter year = filter;
    year.window = TimeWindow{week.to - 364 * kDay, week.to};
    std::vector<std::uint32_t> cases = filter_incidents(district, year);
    out.knox_year_cases = cases.size();
    out.knox_window = *year.window;
    if (max_cases > 0 && cases.size() > max_cases) {
        std::stable_sort(cases.begin(), cases.end(), [&](std::uint32_t a, std::uint32_t b) {
            return district.incidents[a].time > district.incidents[b].time;
        });
        cases.resize(max_cases);
        Timestamp earliest = week.to;
        for (std::uint32_t i : cases) earliest = std::min(earliest, district.incidents[i].time);
        out.knox_window.from = earliest;
        std::sort(cases.begin(), cases.end());
    }
    std::vector<XY> points;
    std::vector<Timestamp> times;
    for (std::uint32_t i : cases) points.push_back(district.incidents[i].location), times.push_back(district.incidents[i].time);
    KnoxOptions o;
    o.distance_bands_m = {100, 200, 400};
    o.time_bands_days = {7, 14, 30};
    out.knox = knox_test(points, times, o);
}

}  // namespace

WeeklyReview build_weekly_review(const District& district, const IncidentFilter& filter, const std::string& week_label,
                                 const TimeWindow& week, const WeeklyReviewOptions& options) {
    WeeklyReview r;
    r.week_label = week_label;
    r.week = week;
    r.headline = headline_rows(district, filter, week);
    r.series = weekly_series(district, filter, week);
    r.type_age = cases_by_type_and_age(district, filter, week);
    r.neighbourhoods = neighbourhoods_by_rate(district, filter, week);
    r.sources = cases_by_source(district, filter, week);
    r.channels = warnings_by_channel(district, week);
    r.repeats = repeat_places(district, filter, week);
    add_knox(district, filter, week, options.knox_max_cases, r);
    r.visits = weekly_completion(district, week_label, week);
    for (const auto& p : district.posters)
        if (p.installed && week.contains(*p.installed)) ++r.put_up[static_cast<std::size_t>(p.kind)];
    const LecturesHeld held = lectures_held_in(district, week);
    r.lectures_held = held.lectures;
    r.lecture_attendance = held.attendance;
    r.leaflets = held.leaflets;
    if (options.actions) r.actions = review_actions(district, filter, week, options.action_options);
    if (options.map) r.map = review_map(district, filter, week);
    return r;
}

}  // namespace geo
