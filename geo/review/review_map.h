#pragma once
// The review's map of the week: the week's cases over the hot spots of the last quarter (Gi* on
// 100 m cells, hotspot_analysis.h) and the cells that are emerging hot spots (new or
// intensifying, emerging.h). Plain shapes in the workspace CRS, for the PDF and the app.
#include <vector>

#include "geo/change/emerging.h"
#include "geo/model/district.h"
#include "geo/query/incident_filter.h"
#include "geo/query/time_window.h"

namespace geo {

struct ReviewMapCell {
    Envelope square;  // metres
    int bin = 0;      // Gi* confidence bin, 1..3 (90, 95, 99%) for hot spots
};

struct ReviewMapOptions {
    int weeks = 13;                  // the quarter the hot spots are read over
    double cell_m = 100;             // hot-spot cells (hotspot_analysis' default)
    double band_m = 300;
    double emerging_cell_m = 200;    // emerging.h's defaults
    double emerging_band_m = 400;
};

struct ReviewMap {
    Envelope extent;                       // what to show: the district
    std::vector<XY> week_cases;            // the week's cases, filtered
    std::vector<ReviewMapCell> hot;        // hot cells of the quarter, bins 1..3
    std::vector<ReviewMapCell> emerging;   // emerging cells (new or intensifying), bin unused
    TimeWindow quarter;                    // the weeks the hot spots were read over
    std::size_t quarter_cases = 0;
};

ReviewMap review_map(const District& district, const IncidentFilter& filter, const TimeWindow& week,
                     const ReviewMapOptions& options = {});

}  // namespace geo
