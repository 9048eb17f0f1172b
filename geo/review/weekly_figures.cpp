#include "geo/review/weekly_figures.h"

#include <algorithm>
#include <cmath>

namespace geo {
namespace {

double weeks_in(const TimeWindow& w) { return std::chrono::duration<double>(w.to - w.from).count() / (7 * 86400.0); }

Timestamp earliest_case(const District& d) {
    Timestamp t = Timestamp::max();
    for (const auto& i : d.incidents) t = std::min(t, i.time);
    return t;
}

}  // namespace

CaseTotals case_totals(const District& district, const IncidentFilter& filter, const TimeWindow& window) {
    IncidentFilter f = filter;
    f.window = window;
    CaseTotals t;
    for (const auto& i : district.incidents) {
        if (!f.matches(i)) continue;
        ++t.cases;
        t.loss_yuan += i.loss_yuan;
        t.dissuaded += i.outcome == Outcome::dissuaded;
        t.payment_stopped += i.outcome == Outcome::payment_stopped;
    }
    return t;
}

void WarningTotals::add(const Warning& w) {
    ++warnings;
    dissuaded += w.outcome == WarningOutcome::dissuaded;
    payment_stopped += w.outcome == WarningOutcome::payment_stopped;
    lost += w.outcome == WarningOutcome::lost;
    protected_yuan += w.amount_protected_yuan;
}

WarningTotals warning_totals(const District& district, const TimeWindow& window) {
    WarningTotals t;
    for (const auto& w : district.warnings)
        if (window.contains(w.time)) t.add(w);
    return t;
}

std::vector<HeadlineRow> headline_rows(const District& district, const IncidentFilter& filter, const TimeWindow& week) {
    const std::string& zone = district.metadata.timezone;
    const Timestamp first_case = earliest_case(district);
    std::vector<HeadlineRow> rows;
    auto add = [&](std::string label, TimeWindow current, TimeWindow previous) {
        HeadlineRow row;
        row.label = std::move(label);
        row.current = current;
        row.previous = previous;
        row.now = case_totals(district, filter, current);
        row.before = case_totals(district, filter, previous);
        row.warned_now = warning_totals(district, current);
        row.warned_before = warning_totals(district, previous);
        row.available = previous.from >= window_containing(first_case, TimeStep::week, zone).from;
        row.cases = compare_poisson_counts(row.now.cases, row.before.cases, weeks_in(current), weeks_in(previous));
        rows.push_back(std::move(row));
    };
    add("this week", week, shifted(week, TimeStep::week, -1, zone));
    const TimeWindow four{shifted(week, TimeStep::week, -3, zone).from, week.to};
    add("last 4 weeks", four, TimeWindow{shifted(week, TimeStep::week, -7, zone).from, four.from});
    // Year to date: ISO weeks 1.. of this week's year, against the same weeks a year before.
    const std::string label = window_label(week, TimeStep::week, zone);  // "2021-W24"
    const int week_number = std::stoi(label.substr(6));
    const TimeWindow ytd{shifted(week, TimeStep::week, -(week_number - 1), zone).from, week.to};
    const TimeWindow last_year{shifted(week, TimeStep::week, -(week_number - 1) - 52, zone).from,
                               shifted(week, TimeStep::week, -52, zone).to};
    add("year to date", ytd, last_year);
    return rows;
}

std::vector<WeekPoint> weekly_series(const District& district, const IncidentFilter& filter, const TimeWindow& week, int weeks,
                                     int baseline) {
    const std::string& zone = district.metadata.timezone;
    const int total = weeks + baseline;
    std::vector<std::int64_t> counts(static_cast<std::size_t>(total));
    std::vector<TimeWindow> windows(static_cast<std::size_t>(total));
    for (int k = 0; k < total; ++k) {
        windows[static_cast<std::size_t>(k)] = shifted(week, TimeStep::week, k - total + 1, zone);
        counts[static_cast<std::size_t>(k)] = case_totals(district, filter, windows[static_cast<std::size_t>(k)]).cases;
    }
    const Timestamp first_case = earliest_case(district);
    std::vector<WeekPoint> out;
    for (int k = baseline; k < total; ++k) {
        WeekPoint p;
        p.window = windows[static_cast<std::size_t>(k)];
        p.label = window_label(p.window, TimeStep::week, zone);
        p.cases = counts[static_cast<std::size_t>(k)];
        p.warnings = warning_totals(district, p.window).warnings;
        std::vector<double> before;
        for (int j = k - baseline; j < k; ++j)
            if (windows[static_cast<std::size_t>(j)].to > first_case) before.push_back(static_cast<double>(counts[static_cast<std::size_t>(j)]));
        if (before.size() >= 4) {
            double mean = 0;
            for (double v : before) mean += v;
            mean /= static_cast<double>(before.size());
            double ss = 0;
            for (double v : before) ss += (v - mean) * (v - mean);
            const double sd = std::sqrt(ss / static_cast<double>(before.size() - 1));
            p.expected = mean;
            p.low = std::max(0.0, mean - 2 * sd);
            p.high = mean + 2 * sd;
            p.spike = static_cast<double>(p.cases) > *p.high;
        }
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace geo
