#include "geo/change/change.h"

#include <algorithm>

#include "geo/summary/district_summary.h"
#include "geo/util/error.h"

namespace geo {
namespace {

// Counts and losses per window; `windows` are consecutive, so a binary search finds each.
struct Tally {
    std::vector<std::size_t> incidents;
    std::vector<double> loss_yuan;
    explicit Tally(std::size_t windows) : incidents(windows, 0), loss_yuan(windows, 0.0) {}
    void add(std::size_t w, const Incident& incident) {
        ++incidents[w];
        loss_yuan[w] += incident.loss_yuan;
    }
};

ChangeSeries series_of(const Tally& tally, const std::vector<TimeWindow>& windows,
                       const std::vector<std::string>& labels, std::string id, std::string name) {
    ChangeSeries s{std::move(id), std::move(name), {}};
    for (std::size_t w = 0; w < windows.size(); ++w) {
        PeriodFigures f{windows[w], labels[w], tally.incidents[w], tally.loss_yuan[w], std::nullopt, std::nullopt};
        if (w > 0) {
            f.incidents_change_pct = change_pct(double(tally.incidents[w - 1]), double(tally.incidents[w]));
            f.loss_change_pct = change_pct(tally.loss_yuan[w - 1], tally.loss_yuan[w]);
        }
        s.periods.push_back(std::move(f));
    }
    return s;
}

}  // namespace

ChangeReport period_changes(const District& district, const IncidentFilter& filter, TimeStep step,
                            const std::vector<std::int32_t>* incident_neighbourhood) {
    const bool by_neighbourhood = incident_neighbourhood != nullptr;
    if (by_neighbourhood && incident_neighbourhood->size() != district.incidents.size())
        throw InternalError("period_changes: one neighbourhood per incident expected");
    ChangeReport report;
    report.step = step;
    const std::string& zone = district.metadata.timezone;
    const std::vector<std::uint32_t> kept = filter_incidents(district, filter);

    std::vector<TimeWindow> windows;
    if (!kept.empty()) {
        const auto [first, last] = std::minmax_element(kept.begin(), kept.end(), [&](std::uint32_t a, std::uint32_t b) {
            return district.incidents[a].time < district.incidents[b].time;
        });
        windows = windows_covering(district.incidents[*first].time, district.incidents[*last].time, step, zone);
    }
    std::vector<std::string> labels;
    for (const auto& w : windows) labels.push_back(window_label(w, step, zone));
    const auto window_of = [&](Timestamp t) {
        const auto it = std::upper_bound(windows.begin(), windows.end(), t,
                                         [](Timestamp value, const TimeWindow& w) { return value < w.to; });
        return static_cast<std::size_t>(it - windows.begin());
    };

    Tally whole(windows.size());
    Tally outside(windows.size());
    std::vector<Tally> per_hood(by_neighbourhood ? district.neighbourhoods.size() : 0, Tally(windows.size()));
    for (std::uint32_t i : kept) {
        const Incident& incident = district.incidents[i];
        const std::size_t w = window_of(incident.time);
        if (w >= windows.size()) throw InternalError("period_changes: an incident outside its windows");
        whole.add(w, incident);
        if (!by_neighbourhood) continue;
        const std::int32_t n = (*incident_neighbourhood)[i];
        if (n >= 0) per_hood[static_cast<std::size_t>(n)].add(w, incident);
        else outside.add(w, incident);
    }
    report.district = series_of(whole, windows, labels, "", "");
    if (!by_neighbourhood) return report;
    for (std::size_t n = 0; n < per_hood.size(); ++n)
        report.neighbourhoods.push_back(series_of(per_hood[n], windows, labels, district.neighbourhoods[n].id,
                                                  district.neighbourhoods[n].name));
    if (std::any_of(outside.incidents.begin(), outside.incidents.end(), [](std::size_t c) { return c > 0; }))
        report.outside = series_of(outside, windows, labels, "-", "");
    return report;
}

}  // namespace geo
