#include "geo/change/emerging.h"

#include <algorithm>

#include "geo/hotspots/getis_ord.h"
#include "geo/util/error.h"

namespace geo {

TrendClass classify_trend(const std::vector<bool>& hot, const MannKendall& trend, const EmergingRules& rules) {
    const std::size_t weeks = hot.size();
    const auto hot_weeks = static_cast<std::size_t>(std::count(hot.begin(), hot.end(), true));
    if (hot_weeks == 0) return TrendClass::none;
    const bool final_hot = hot.back();
    const bool mostly_hot = static_cast<double>(hot_weeks) >= rules.persistent_share * static_cast<double>(weeks);
    std::size_t final_run = 0;
    while (final_run < weeks && hot[weeks - 1 - final_run]) ++final_run;
    if (final_hot && final_run == hot_weeks && !mostly_hot) return TrendClass::new_spot;
    if (mostly_hot) {
        const bool significant = trend.p <= rules.alpha && trend.z != 0;
        if (!final_hot) return TrendClass::diminishing;
        if (significant && trend.z > 0) return TrendClass::intensifying;
        if (significant && trend.z < 0) return TrendClass::diminishing;
        return TrendClass::persistent;
    }
    return final_hot ? TrendClass::sporadic : TrendClass::none;
}

EmergingHotspots emerging_hotspots(const District& district, const std::vector<std::uint32_t>& incidents,
                                   const EmergingOptions& options) {
    if (incidents.empty()) throw BadInput("no incidents match: nothing to find trends in");
    EmergingHotspots out;
    out.grid = analysis_grid(district, options.cell_m, options.extent);
    const StudyFeatures study = study_features(district, out.grid);
    const std::vector<std::int64_t>& feature_of = study.feature_of;
    const std::vector<XY>& centres = study.centres;
    for (std::size_t c : study.cells) out.cells.push_back(CellTrend{c, 0, 0, false, {}, TrendClass::none});

    const std::string& zone = district.metadata.timezone;
    Timestamp first = district.incidents.at(incidents.front()).time, last = first;
    for (std::uint32_t i : incidents) {
        first = std::min(first, district.incidents.at(i).time);
        last = std::max(last, district.incidents.at(i).time);
    }
    out.weeks = windows_covering(first, last, TimeStep::week, zone);
    const std::size_t weeks = out.weeks.size();
    const std::size_t features = out.cells.size();

    // counts[f * weeks + w]: the cube, one row of weeks per study cell.
    std::vector<double> counts(features * weeks, 0.0);
    for (std::uint32_t i : incidents) {
        const Incident& incident = district.incidents[i];
        const auto cell = cell_index(out.grid, incident.location);
        if (!cell || feature_of[*cell] < 0) continue;
        const auto w = static_cast<std::size_t>(
            std::upper_bound(out.weeks.begin(), out.weeks.end(), incident.time,
                             [](Timestamp t, const TimeWindow& window) { return t < window.to; }) -
            out.weeks.begin());
        const auto f = static_cast<std::size_t>(feature_of[*cell]);
        counts[f * weeks + w] += 1;
        ++out.cells[f].incidents;
    }

    const SpatialWeights weights = make_weights(centres, options.weights);
    std::vector<std::vector<bool>> hot(features, std::vector<bool>(weeks, false));
    std::vector<double> week_counts(features);
    for (std::size_t w = 0; w < weeks; ++w) {
        for (std::size_t f = 0; f < features; ++f) week_counts[f] = counts[f * weeks + w];
        const GiStarResult gi = getis_ord_gi_star(week_counts, weights, options.rules.fdr);
        const std::vector<double>& p = options.rules.fdr ? gi.p_fdr : gi.p;
        for (std::size_t f = 0; f < features; ++f) hot[f][w] = gi.z[f] > 0 && p[f] <= options.rules.alpha;
    }
    std::vector<double> series(weeks);
    for (std::size_t f = 0; f < features; ++f) {
        CellTrend& cell = out.cells[f];
        std::copy(counts.begin() + static_cast<std::ptrdiff_t>(f * weeks),
                  counts.begin() + static_cast<std::ptrdiff_t>((f + 1) * weeks), series.begin());
        cell.trend = mann_kendall(series);
        cell.hot_weeks = static_cast<std::size_t>(std::count(hot[f].begin(), hot[f].end(), true));
        cell.hot_final_week = weeks > 0 && hot[f].back();
        cell.trend_class = classify_trend(hot[f], cell.trend, options.rules);
    }
    return out;
}

}  // namespace geo
