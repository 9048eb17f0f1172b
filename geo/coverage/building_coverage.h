#pragma once
// Which buildings a poster and a police contact card reach. A poster or card reaches a
// building when its building_id names it, when it stands inside the footprint, or when it is
// within distance_m metres of the footprint (of the building's point when it has none).
// Only posters and cards still up count: not removed (or removed after as_of).
#include <cstdint>
#include <optional>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct CoverageOptions {
    double distance_m = 0;            // 0 = the building itself only
    std::optional<Timestamp> as_of;   // none = every poster without a removal date
};

struct BuildingCoverage {
    std::int32_t neighbourhood = -1;  // index into district.neighbourhoods, -1 when none
    std::uint32_t posters = 0;        // posters reaching it
    std::uint32_t contact_cards = 0;  // contact cards reaching it
    bool has_poster() const { return posters > 0; }
    bool has_contact_card() const { return contact_cards > 0; }
    bool covered() const { return has_poster() && has_contact_card(); }
};

// Whether a poster (or card) is still up at as_of (none: has no removal date).
bool is_up(const Poster& poster, const std::optional<Timestamp>& as_of);

// One entry per district.buildings, in order. BadInput naming --distance when negative.
std::vector<BuildingCoverage> building_coverage(const District& district, const CoverageOptions& options);

// Distance in metres from p to the footprint (0 inside), or to `location` without a footprint.
double distance_to_building_m(const Building& building, const XY& p);

}  // namespace geo
