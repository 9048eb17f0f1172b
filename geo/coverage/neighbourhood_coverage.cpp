#include "geo/coverage/neighbourhood_coverage.h"

#include "geo/spatial/point_in_area.h"

namespace geo {

std::vector<NeighbourhoodCoverage> neighbourhood_coverage(const District& district,
                                                          const std::vector<BuildingCoverage>& buildings,
                                                          const CoverageOptions& options) {
    std::vector<NeighbourhoodCoverage> out(district.neighbourhoods.size());
    for (const BuildingCoverage& b : buildings) {
        if (b.neighbourhood < 0) continue;
        NeighbourhoodCoverage& n = out[static_cast<std::size_t>(b.neighbourhood)];
        ++n.buildings;
        if (b.has_poster()) ++n.with_poster;
        if (b.has_contact_card()) ++n.with_contact_card;
        if (b.covered()) ++n.covered;
    }
    std::vector<const Poster*> up;
    std::vector<XY> locations;
    for (const Poster& p : district.posters)
        if (p.kind != PosterKind::banner && is_up(p, options.as_of)) {
            up.push_back(&p);
            locations.push_back(p.location);
        }
    const auto area = neighbourhood_of_points(district, locations);
    for (std::size_t k = 0; k < up.size(); ++k) {
        if (area[k] < 0) continue;
        NeighbourhoodCoverage& n = out[static_cast<std::size_t>(area[k])];
        if (up[k]->kind == PosterKind::poster) ++n.posters;
        else ++n.contact_cards;
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        NeighbourhoodCoverage& n = out[i];
        n.people = district.neighbourhoods[i].residents + district.neighbourhoods[i].transients;
        if (n.buildings > 0) n.covered_share = static_cast<double>(n.covered) / static_cast<double>(n.buildings);
        if (n.people > 0) {
            n.posters_per_1000 = 1000.0 * static_cast<double>(n.posters) / static_cast<double>(n.people);
            n.contact_cards_per_1000 = 1000.0 * static_cast<double>(n.contact_cards) / static_cast<double>(n.people);
        }
    }
    return out;
}

}  // namespace geo
