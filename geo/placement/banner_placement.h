#pragma once
// Banner placement on a district: incidents -> weights, candidate sites, reach, spacing and the
// banners still hanging -> a CoverageProblem -> solve_max_coverage -> sites with the incidents
// each reaches. A pure function of the district and the options.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/placement/candidate_sites.h"
#include "geo/placement/coverage_problem.h"
#include "geo/placement/incident_weights.h"
#include "geo/placement/solver.h"

namespace geo {

struct BannerOptions {
    std::size_t count = 10;            // K banners to add
    double radius_m = 300;             // reach
    bool network = false;              // reach along the roads (walking) instead of straight
    double min_spacing_m = 0;          // between any two banners, hanging ones included
    IncidentWeighting weighting;
    std::optional<Timestamp> since;    // incidents at or after; none = all
    std::optional<Timestamp> as_of;    // "now": decay reference and which banners hang;
                                       // none = the latest selected incident's time
    bool intersections = true;         // candidates from road intersections
    bool gates = true;                 // candidates from neighbourhood gates
    std::vector<CandidateSite> user_sites;
    SolverOptions solver;
};

struct PlacedBanner {
    CandidateSite site;
    std::string poster_id;               // for a hanging banner; empty for a suggestion
    std::vector<std::uint32_t> incidents;  // indices into district.incidents within reach
    double reach_weight = 0;             // weight of those incidents
};

struct BannerPlacement {
    std::vector<PlacedBanner> suggested;  // in the order the solver chose them
    std::vector<PlacedBanner> hanging;    // existing banners, counted as placed
    std::size_t candidates = 0;           // candidate sites considered (blocked included)
    std::size_t blocked = 0;              // within the spacing of a hanging banner
    std::size_t incidents = 0;            // selected
    std::size_t without_field_value = 0;
    Timestamp as_of{};
    CoverageSolution solution;            // covered weight, total, bound
};

// The problem place_banners solves, with what maps it back to the district.
struct BannerInstance {
    CoverageProblem problem;
    std::vector<CandidateSite> candidates;       // problem candidate j = candidates[j]
    std::vector<std::uint32_t> selected;         // problem incident i = district.incidents[selected[i]]
    std::vector<PlacedBanner> hanging;           // existing banners, counted as placed
    std::size_t blocked = 0;
    std::size_t without_field_value = 0;
    Timestamp as_of{};
};

// BadInput naming the flag for a count of 0, a radius or spacing not positive / negative.
BannerInstance build_banner_instance(const District& district, const BannerOptions& options);
BannerPlacement place_banners(const District& district, const BannerOptions& options);

// Whether a banner hangs at time t: installed (or no date) at or before t, not removed by t.
bool is_hanging(const Poster& poster, Timestamp t);

}  // namespace geo
