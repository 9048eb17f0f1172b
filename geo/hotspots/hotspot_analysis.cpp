#include "geo/hotspots/hotspot_analysis.h"

#include <cstdint>

#include "geo/util/error.h"

namespace geo {

GridGi grid_gi_star(const District& district, const std::vector<std::uint32_t>& incidents,
                    const GridGiOptions& options) {
    GridGi out;
    out.grid = analysis_grid(district, options.cell_m, options.extent);
    const StudyFeatures study = study_features(district, out.grid);
    const std::vector<std::int64_t>& feature_of = study.feature_of;
    const std::vector<XY>& centres = study.centres;
    out.cells = study.cells;
    out.counts.assign(out.cells.size(), 0.0);
    for (std::uint32_t i : incidents)
        if (const auto cell = cell_index(out.grid, district.incidents.at(i).location); cell && feature_of[*cell] >= 0)
            out.counts[static_cast<std::size_t>(feature_of[*cell])] += 1;
    out.gi = getis_ord_gi_star(out.counts, make_weights(centres, options.weights), options.fdr);
    return out;
}

NeighbourhoodGi neighbourhood_gi_star(const District& district,
                                      const std::vector<std::int32_t>& incident_neighbourhood,
                                      const std::vector<std::uint32_t>& incidents,
                                      const NeighbourhoodGiOptions& options) {
    if (incident_neighbourhood.size() != district.incidents.size())
        throw InternalError("neighbourhood_gi_star: one neighbourhood per incident expected");
    if (district.neighbourhoods.empty()) throw BadInput("--neighbourhoods: the workspace has no neighbourhoods");
    std::vector<double> counts(district.neighbourhoods.size(), 0.0);
    for (std::uint32_t i : incidents)
        if (const std::int32_t n = incident_neighbourhood.at(i); n >= 0) counts[static_cast<std::size_t>(n)] += 1;

    NeighbourhoodGi out;
    std::vector<XY> centres;
    for (std::size_t n = 0; n < district.neighbourhoods.size(); ++n) {
        const Neighbourhood& hood = district.neighbourhoods[n];
        double value = counts[n];
        if (options.per_1000) {
            const double people = static_cast<double>(hood.residents + hood.transients);
            if (people <= 0) continue;
            value = 1000.0 * counts[n] / people;
        }
        out.neighbourhoods.push_back(n);
        out.values.push_back(value);
        centres.push_back(centroid(hood.area));
    }
    if (out.neighbourhoods.empty())
        throw BadInput("--per-1000: no neighbourhood has residents or transients to divide by");
    out.gi = getis_ord_gi_star(out.values, make_weights(centres, options.weights), options.fdr);
    return out;
}

}  // namespace geo
