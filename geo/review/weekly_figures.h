#pragma once
// The figures of the weekly review (会商), CompStat style: what happened this week against last
// week, the last four weeks against the four before and the year to date against the same
// weeks last year, each with the two-Poisson test of whether the change is more than chance;
// and the weekly series with its expected band, so a spike shows at a glance.
// Pure functions over the district; the review's PDF, JSON and the app's dashboard print them.
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/incident_filter.h"
#include "geo/query/time_window.h"
#include "geo/review/poisson_test.h"

namespace geo {

// What is counted in a window: cases, money lost, cases dissuaded and payments stopped.
struct CaseTotals {
    std::int64_t cases = 0;
    double loss_yuan = 0;
    std::int64_t dissuaded = 0;
    std::int64_t payment_stopped = 0;
    friend bool operator==(const CaseTotals&, const CaseTotals&) = default;
};

// `filter`'s window is replaced by `window`; its other conditions (types, sources ...) hold.
CaseTotals case_totals(const District& district, const IncidentFilter& filter, const TimeWindow& window);

// The early warnings (预警) of a window: how many, how many people were dissuaded (劝阻), how
// many payments stopped (止付), how many lost all the same, and the money kept (挽回).
// Warnings carry no fraud type or victim, so only the window applies to them.
struct WarningTotals {
    std::int64_t warnings = 0;
    std::int64_t dissuaded = 0;
    std::int64_t payment_stopped = 0;
    std::int64_t lost = 0;
    double protected_yuan = 0;
    void add(const Warning& w);
    friend bool operator==(const WarningTotals&, const WarningTotals&) = default;
};
WarningTotals warning_totals(const District& district, const TimeWindow& window);

struct HeadlineRow {
    std::string label;            // "this week", "last 4 weeks", "year to date"
    TimeWindow current, previous;
    CaseTotals now, before;
    WarningTotals warned_now, warned_before;
    PoissonComparison cases;      // the case counts, as a rate per week
    bool available = true;        // false when the previous period lies before the data
};

// Rows for the ISO week `week` (a window from parse_iso_week): the week against the one before;
// the 4 weeks ending with it against the 4 before; the weeks of the year up to it against the
// same ISO weeks a year earlier (unavailable when the data starts later).
std::vector<HeadlineRow> headline_rows(const District& district, const IncidentFilter& filter, const TimeWindow& week);

struct WeekPoint {
    std::string label;  // "2021-W24"
    TimeWindow window;
    std::int64_t cases = 0;
    std::int64_t warnings = 0;  // early warnings that week (not filtered by fraud type)
    // Mean and sample sd of the `baseline` weeks before this one (when there are at least 4):
    // the expected band is mean ± 2 sd; `spike` when the week is above it.
    std::optional<double> expected, low, high;
    bool spike = false;
};

// `weeks` ISO weeks ending with `week`, each with its band from the `baseline` weeks before it.
std::vector<WeekPoint> weekly_series(const District& district, const IncidentFilter& filter, const TimeWindow& week,
                                     int weeks = 26, int baseline = 8);

}  // namespace geo
