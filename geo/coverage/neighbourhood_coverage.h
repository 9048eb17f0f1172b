#pragma once
// Per neighbourhood: the share of its buildings that a poster and a contact card both reach,
// and posters and cards per 1,000 people (residents + transients). A poster belongs to the
// neighbourhood its location lies in.
#include <cstddef>
#include <optional>
#include <vector>

#include "geo/coverage/building_coverage.h"

namespace geo {

struct NeighbourhoodCoverage {
    std::size_t buildings = 0;
    std::size_t with_poster = 0;
    std::size_t with_contact_card = 0;
    std::size_t covered = 0;               // both
    std::size_t posters = 0;               // still up, standing in the neighbourhood
    std::size_t contact_cards = 0;
    std::int64_t people = 0;               // residents + transients
    std::optional<double> covered_share;   // covered / buildings; none without buildings
    std::optional<double> posters_per_1000;        // none without people
    std::optional<double> contact_cards_per_1000;
};

// One entry per district.neighbourhoods, in order.
std::vector<NeighbourhoodCoverage> neighbourhood_coverage(const District& district,
                                                          const std::vector<BuildingCoverage>& buildings,
                                                          const CoverageOptions& options);

}  // namespace geo
