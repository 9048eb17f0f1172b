#pragma once
// `patrolmap evaluate`: how well would last period's heatmap have picked this period's cases?
// The heatmap (geo/density/heatmap.h, with the same options and defaults as `patrolmap
// heatmap`) is built from the incidents before `train_until` and scored on those in
// [train_until, train_until + horizon) with hit rate, PAI and PEI at 5% and 10% of the study
// area (hit_rate.h), beside a naive forecast: each cell's count in the `horizon` before
// `train_until`. A recency half-life counts ages back from `train_until`.
//
// The grid is the heatmap's: cells of cell_m from the extent's lower-left corner (--extent, or
// the neighbourhoods' extent snapped to the cell grid). The study area is the cells whose
// centre lies in the neighbourhoods' union, or every cell without neighbourhoods; test
// incidents outside it are not scored (they are counted in `test_outside`). Cells are in the
// raster's order (north row first, west to east), which is the order ties are broken in.
#include <chrono>
#include <optional>
#include <vector>

#include "geo/density/grid.h"
#include "geo/density/heatmap.h"
#include "geo/density/kernels.h"
#include "geo/evaluate/field_condition.h"
#include "geo/evaluate/hit_rate.h"
#include "geo/model/district.h"
#include "geo/query/incident_filter.h"

namespace geo {

struct EvaluateOptions {
    Timestamp train_until{};
    std::chrono::seconds horizon{std::chrono::days{30}};
    std::optional<double> radius_m;         // the kernel's bandwidth h; none = the heatmap's rule
    double cell_m = 100;
    Kernel kernel = Kernel::quartic;
    std::optional<Envelope> extent;
    std::optional<double> half_life_days;   // recency weight 0.5^(age / half-life), age before train_until
    HeatmapWeight weight = HeatmapWeight::none;  // --weight loss: the heatmap weighs by yuan (tests still count cases)
    std::optional<Timestamp> train_from;    // --from: training starts here (default: all history)
    IncidentFilter filter;                  // types and other sets; its window is ignored
    std::vector<FieldCondition> where;      // --where on extra fields
};

struct ForecastScore {
    AreaShareScore at_5;    // a = 0.05
    AreaShareScore at_10;   // a = 0.10
};

struct Evaluation {
    Grid grid;
    double radius_m = 0;               // the bandwidth used
    bool radius_is_default = false;
    std::size_t study_cells = 0;
    std::size_t train_incidents = 0;   // feeding the heatmap
    std::size_t naive_incidents = 0;   // in the horizon before train_until, in study cells
    std::size_t test_incidents = 0;    // scored: in the test window and a study cell
    std::size_t test_outside = 0;      // in the test window but outside every study cell
    ForecastScore kde;
    ForecastScore naive;
};

// BadInput (naming the flag) for a horizon that is not positive, no training incidents, no
// test incidents in the study area, or any heatmap option make_heatmap refuses.
Evaluation evaluate_forecasts(const District& district, const EvaluateOptions& options);

}  // namespace geo
