// One banner's reach at any site (geo/placement/site_reach): the same cases and weights
// place_banners gives its suggestions, and what changes when a site moves.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <limits>

#include "geo/placement/banner_placement.h"
#include "geo/placement/site_reach.h"

#include "tests/placement/hand_made.h"

namespace {

using test::date_of;
using test::incident;
using test::road;

using namespace std::chrono;

// Two crossroads 2 km apart; three cases near W, two near E, one on the road between them:
//
//        |                          |
//   -----W-----------M--------------E-----    W = (0, 0), E = (2000, 0), M = (1000, 0)
//        | ooo       o              | oo      cases within 50 m of W and E; M1 at (1000, 30)
geo::District two_crossroads() {
    geo::District d;
    d.metadata.crs = "EPSG:4549";
    d.roads = test::two_crossroads_roads();
    d.incidents = {incident("W1", 20, 20, 10, 5000), incident("W2", -30, 10, 11, 100), incident("W3", 10, -40, 12, 0),
                   incident("M1", 1000, 30, 200, 20000), incident("E1", 2020, 10, 300, 800), incident("E2", 1990, -20, 301, 300)};
    return d;
}

}  // namespace

TEST_CASE("At a suggested site, banner_at gives the cases and weight place_banners gives") {
    const geo::District d = two_crossroads();
    geo::BannerOptions o;
    o.count = 2;
    o.radius_m = 100;
    o.weighting.base = geo::IncidentWeighting::Base::loss;
    o.weighting.half_life_days = 30;
    const geo::BannerPlacement plan = geo::place_banners(d, o);
    REQUIRE(plan.suggested.size() == 2);
    const geo::ReachTargets targets = geo::reach_targets(d, o, plan.as_of);
    CHECK(targets.incidents.size() == plan.incidents);
    for (const auto& suggestion : plan.suggested) {
        const geo::PlacedBanner here = geo::banner_at(targets, suggestion.site, o.radius_m);
        CHECK(here.incidents == suggestion.incidents);
        CHECK(here.reach_weight == doctest::Approx(suggestion.reach_weight).epsilon(1e-12));
    }
    // Together they cover what the solver says it covers.
    CHECK(geo::summarise_reach(targets, plan.suggested).reached_weight == doctest::Approx(plan.solution.covered_weight).epsilon(1e-12));
}

TEST_CASE("A site moved from W to the middle of the road reaches the case there instead") {
    const geo::District d = two_crossroads();
    geo::BannerOptions o;
    const geo::ReachTargets targets = geo::reach_targets(d, o, date_of(400));
    const geo::PlacedBanner at_w = geo::banner_at(targets, {{0, 0}, geo::CandidateKind::intersection, "W"}, 100);
    CHECK(at_w.incidents == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(at_w.reach_weight == 3);  // unweighted: one per case
    const geo::PlacedBanner at_m = geo::banner_at(targets, {{1000, 0}, geo::CandidateKind::user, "moved"}, 100);
    CHECK(at_m.incidents == std::vector<std::uint32_t>{3});
    CHECK(at_m.site.label == "moved");
    // The reach includes its edge: M1 lies 30 m from (1000, 0).
    CHECK(geo::banner_at(targets, {{1000, 0}, geo::CandidateKind::user, ""}, 30).incidents.size() == 1);
    CHECK(geo::banner_at(targets, {{1000, 0}, geo::CandidateKind::user, ""}, 29.999).incidents.empty());
}

TEST_CASE("Targets follow the plan's selection: cases before `since` or without a location are left out") {
    geo::District d = two_crossroads();
    d.incidents[4].location = {std::numeric_limits<double>::quiet_NaN(), 0};  // E1 not geocoded
    geo::BannerOptions o;
    o.since = date_of(100);
    const geo::ReachTargets targets = geo::reach_targets(d, o, date_of(400));
    CHECK(targets.incidents == std::vector<std::uint32_t>{3, 5});
    CHECK(targets.incidents.size() == geo::place_banners(d, o).incidents);
    // A banner at W reaches none of them: W1..W3 are older than `since`.
    CHECK(geo::banner_at(targets, {{0, 0}, geo::CandidateKind::user, ""}, 100).incidents.empty());
}

TEST_CASE("Banners that overlap count each case once and list the rest as unreached") {
    const geo::District d = two_crossroads();
    geo::BannerOptions o;
    o.weighting.base = geo::IncidentWeighting::Base::loss;
    const geo::ReachTargets targets = geo::reach_targets(d, o, date_of(400));
    const std::vector<geo::PlacedBanner> banners = {geo::banner_at(targets, {{0, 0}, geo::CandidateKind::user, ""}, 100),
                                                    geo::banner_at(targets, {{10, 0}, geo::CandidateKind::user, ""}, 100)};
    const geo::ReachSummary summary = geo::summarise_reach(targets, banners);
    CHECK(summary.reached == 3);
    CHECK(summary.reached_weight == 5100);  // W1 + W2 + W3 losses, yuan
    CHECK(summary.unreached == std::vector<std::uint32_t>{3, 4, 5});
    CHECK(geo::summarise_reach(targets, {}).unreached.size() == 6);
}
