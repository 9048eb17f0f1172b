#include "geo/review/review_map.h"

#include "geo/hotspots/hotspot_analysis.h"
#include "geo/hotspots/study_area.h"

namespace geo {
namespace {

Envelope square_of(const Grid& grid, std::size_t cell) {
    const XY c = cell_centre(grid, cell);
    const double h = grid.cell_m / 2;
    return Envelope{c.x - h, c.y - h, c.x + h, c.y + h};
}

}  // namespace

ReviewMap review_map(const District& district, const IncidentFilter& filter, const TimeWindow& week,
                     const ReviewMapOptions& options) {
    ReviewMap out;
    out.extent = analysis_extent(district);
    IncidentFilter f = filter;
    f.window = week;
    for (std::uint32_t i : filter_incidents(district, f)) out.week_cases.push_back(district.incidents[i].location);

    out.quarter = TimeWindow{week.to - std::chrono::hours(24 * 7 * options.weeks), week.to};
    f.window = out.quarter;
    const auto quarter = filter_incidents(district, f);
    out.quarter_cases = quarter.size();
    if (quarter.empty() || out.extent.empty()) return out;

    GridGiOptions gi;
    gi.cell_m = options.cell_m;
    gi.weights = DistanceBand{options.band_m};
    const GridGi hot = grid_gi_star(district, quarter, gi);
    for (std::size_t k = 0; k < hot.cells.size(); ++k)
        if (hot.gi.bin[k] > 0) out.hot.push_back({square_of(hot.grid, hot.cells[k]), hot.gi.bin[k]});

    EmergingOptions em;
    em.cell_m = options.emerging_cell_m;
    em.weights = DistanceBand{options.emerging_band_m};
    const EmergingHotspots emerging = emerging_hotspots(district, quarter, em);
    for (const auto& c : emerging.cells)
        if (c.trend_class == TrendClass::new_spot || c.trend_class == TrendClass::intensifying)
            out.emerging.push_back({square_of(emerging.grid, c.cell), 0});
    return out;
}

}  // namespace geo
