#pragma once
// Gi* on the district: incidents counted per grid cell, or per neighbourhood (counts or rates
// per 1,000 people). The statistic itself is getis_ord.h; this file decides what the features
// and their values are.
#include <cstdint>
#include <optional>
#include <vector>

#include "geo/hotspots/study_area.h"
#include "geo/hotspots/getis_ord.h"
#include "geo/model/district.h"

namespace geo {

struct GridGiOptions {
    double cell_m = 100;
    WeightsSpec weights = DistanceBand{300};
    bool fdr = false;
    std::optional<Envelope> extent;  // as analysis_grid()'s (study_area.h)
};

// The features are the study cells (study_area.h: centre inside the neighbourhoods' union, or
// every cell without neighbourhoods), zero-count cells included: a cold spot is a place with
// few cases, and a grid without its empty cells would make every cell look average. Incidents
// outside every study cell are not counted.
struct GridGi {
    Grid grid;
    std::vector<std::size_t> cells;  // study cell indices (study_area.h), ascending; one feature each
    std::vector<double> counts;      // incidents per feature
    GiStarResult gi;
};

// `incidents` are indices into district.incidents (filter_incidents' answer).
GridGi grid_gi_star(const District& district, const std::vector<std::uint32_t>& incidents,
                    const GridGiOptions& options);

struct NeighbourhoodGiOptions {
    WeightsSpec weights = KNearest{8};
    bool per_1000 = false;  // incidents per 1,000 residents + transients instead of counts
    bool fdr = false;
};

// The features are the neighbourhoods, at their area centroids; with per_1000, those without
// population (no rate) are left out.
struct NeighbourhoodGi {
    std::vector<std::size_t> neighbourhoods;  // indices into district.neighbourhoods
    std::vector<double> values;               // count or rate per feature
    GiStarResult gi;
};

// `incident_neighbourhood` is neighbourhood_of_incidents(district).
NeighbourhoodGi neighbourhood_gi_star(const District& district,
                                      const std::vector<std::int32_t>& incident_neighbourhood,
                                      const std::vector<std::uint32_t>& incidents,
                                      const NeighbourhoodGiOptions& options);

}  // namespace geo
