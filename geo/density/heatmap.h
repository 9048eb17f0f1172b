#pragma once
// A district's incidents as a kernel density heatmap: the selection, the weights, the grid and
// the bandwidth chosen as `patrolmap heatmap` documents them, then kde.h's exact surface.
//
// - Grid: cells of cell_m metres. By default over the neighbourhoods' extent snapped outward to
//   the CRS's cell grid (grid.h: snapped_grid), or, with no neighbourhoods, over the selected
//   incidents' extent grown by the bandwidth, snapped alike. --extent gives the lower-left
//   corner exactly, and whole cells cover the rest (grid_from_corner).
// - Bandwidth: radius_m, or the rule of bandwidth.h over the selected incidents.
// - Weights per incident: 1, or loss_yuan (--weight loss); times 0.5^(age / half-life) with
//   --half-life, age counted back from the reference: the window's end (--to) or, without one,
//   1 s after the latest selected incident. An incident at the reference weighs 1, one
//   half-life earlier 0.5.
// - Values: weight units per km² at each cell centre, or with per_capita the same per 1,000
//   people (per_capita.h).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/density/grid.h"
#include "geo/density/kde.h"
#include "geo/density/kernels.h"
#include "geo/model/district.h"
#include "geo/query/incident_filter.h"

namespace geo {

enum class HeatmapWeight { none, loss };

struct HeatmapOptions {
    IncidentFilter filter;                  // time window and fraud types (any of its sets)
    Kernel kernel = Kernel::quartic;
    std::optional<double> radius_m;         // bandwidth h; none = the rule of bandwidth.h
    double cell_m = 100;
    std::optional<Envelope> extent;         // none = the neighbourhoods' extent, snapped
    HeatmapWeight weight = HeatmapWeight::none;
    std::optional<double> half_life_days;   // recency decay; none = no decay
    bool per_capita = false;
};

struct Heatmap {
    Grid grid;
    std::vector<double> values;  // rows north first, in `units`
    std::string units;           // "incidents per km²", "yuan lost per 1,000 people", ...
    double max_value = 0;
    double radius_m = 0;         // the bandwidth used
    bool radius_is_default = false;
    std::size_t incidents = 0;   // selected
    std::optional<Timestamp> decay_reference;  // with a half-life: where age 0 is
};

// Above this many cells a grid is refused (--cell too small for the extent): 50 million cells
// take 400 MB as doubles.
constexpr double max_heatmap_cells = 50e6;

// BadInput naming the flag (--cell, --radius, --half-life, --extent, --per-capita) for values
// that are not positive and finite, an empty or inverted extent, a grid over
// max_heatmap_cells, no default bandwidth (fewer than two distinct selected incidents) or
// per-capita without any neighbourhood that has people.
Heatmap make_heatmap(const District& district, const HeatmapOptions& options, const KdeRun& run = {});

// The weight of one incident (see the top of this file); `reference` matters only with a half-life.
double incident_weight(const Incident& incident, HeatmapWeight weight,
                       std::optional<double> half_life_days, Timestamp reference);

// What the surface's values count, e.g. "decay-weighted incidents per km²".
std::string heatmap_units(HeatmapWeight weight, bool decayed, bool per_capita);

// --weight and --kernel values; BadInput naming the flag and listing the allowed values.
HeatmapWeight parse_weight_flag(std::string_view text);
Kernel parse_kernel_flag(std::string_view text);

}  // namespace geo
