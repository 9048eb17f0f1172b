#pragma once
// Per-cell trend classes in the spirit of ArcGIS's Emerging Hot Spot Analysis: a space-time
// cube of weekly incident counts per grid cell, Gi* on every week's counts to say where the
// week was hot, and the Mann-Kendall test on each cell's weekly counts to say whether cases rise
// or fall there. ArcGIS runs Mann-Kendall on the Gi* z-scores and has more classes (consecutive,
// oscillating, historical, cold spots); this is a smaller, stated set.
//
// A cell is *hot in a week* when that week's Gi* (hotspot_analysis.h's cells and weights, the
// cells of the same week only: no space-time neighbours across weeks) has z > 0 and a
// Benjamini-Hochberg adjusted p <= alpha over that week's cells (0.10: ArcGIS's 90% level; its
// emerging hot-spot tool also corrects for the false discovery rate — without it, 5% of cells
// come out hot by chance every week, and over a year nearly every cell once). With H the weeks
// hot, T the weeks in the cube, "mostly hot" meaning H >= persistent_share · T (0.9, ArcGIS's
// 90%), and the trend significant when Mann-Kendall's p <= alpha, the rules, first match wins:
//   none          never hot, or hot now and then but not in the final week and not mostly hot
//                 (ArcGIS: no pattern detected);
//   new           hot in the final week, every hot week in the unbroken run of hot weeks that
//                 ends with it, and not mostly hot (ArcGIS's new and consecutive hot spots: it
//                 has just emerged);
//   intensifying  mostly hot, hot in the final week, counts trending up;
//   diminishing   mostly hot, and either hot in the final week with counts trending down, or
//                 not hot in the final week (ArcGIS's historical hot spot: it has faded);
//   persistent    mostly hot, hot in the final week, no significant trend;
//   sporadic      hot in the final week and in some earlier week outside the final run, not
//                 mostly hot: on again, off again (ArcGIS's sporadic, without its cold-spot test).
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "geo/change/mann_kendall.h"
#include "geo/hotspots/study_area.h"
#include "geo/hotspots/spatial_weights.h"
#include "geo/model/district.h"
#include "geo/query/time_window.h"

namespace geo {

enum class TrendClass { none, new_spot, intensifying, persistent, diminishing, sporadic };

template <> struct EnumNames<TrendClass> {
    static constexpr std::array<std::string_view, 6> names = {
        "none", "new", "intensifying", "persistent", "diminishing", "sporadic"};
};

struct EmergingRules {
    double alpha = 0.10;             // for a hot week and for a significant trend
    double persistent_share = 0.9;   // share of weeks hot that makes a cell "mostly hot"
    bool fdr = true;                 // judge a week's hot cells on BH-adjusted p-values
};

// The rules above for one cell: `hot` per week in order, `trend` of its weekly counts.
TrendClass classify_trend(const std::vector<bool>& hot, const MannKendall& trend, const EmergingRules& rules);

struct EmergingOptions {
    double cell_m = 200;
    WeightsSpec weights = DistanceBand{400};
    EmergingRules rules;
    std::optional<Envelope> extent;  // as analysis_grid()'s (study_area.h)
};

struct CellTrend {
    std::size_t cell = 0;            // index in the grid (study_area.h)
    std::size_t incidents = 0;       // over all weeks
    std::size_t hot_weeks = 0;
    bool hot_final_week = false;
    MannKendall trend;               // of the weekly counts
    TrendClass trend_class = TrendClass::none;
};

struct EmergingHotspots {
    Grid grid;
    std::vector<TimeWindow> weeks;   // ISO weeks in the workspace zone, earliest to latest incident
    std::vector<CellTrend> cells;    // the study cells, ascending
};

// `incidents` are indices into district.incidents. BadInput when there are none.
EmergingHotspots emerging_hotspots(const District& district, const std::vector<std::uint32_t>& incidents,
                                   const EmergingOptions& options);

}  // namespace geo
