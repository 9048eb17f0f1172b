#pragma once
// One banner's reach wherever the planner puts it: the cases a plan is measured against
// (selected and weighted as place_banners does) and those within a straight-line radius of a
// single site. The review panel uses it for a suggestion moved before accepting and for an
// accepted banner moved on the map, so the covered cases and share follow without solving
// again.
#include <cstdint>
#include <vector>

#include "geo/model/district.h"
#include "geo/placement/banner_placement.h"

namespace geo {

// The cases place_banners weighs, with their weights.
struct ReachTargets {
    std::vector<std::uint32_t> incidents;  // indices into district.incidents, ascending
    std::vector<XY> locations;             // per target, workspace CRS (metres)
    std::vector<double> weights;           // per target, options.weighting at `as_of`
};

// Selects as build_banner_instance does (time at or after options.since, finite location)
// and weighs with options.weighting at `as_of` (pass the plan's BannerPlacement::as_of).
// BadInput as weigh_incidents.
ReachTargets reach_targets(const District& district, const BannerOptions& options, Timestamp as_of);

// A banner at `site`: the targets within radius_m of it in a straight line (distance <=
// radius_m, the rule of radius_reach.h), as district incident indices ascending, with their
// total weight. Walking reach (BannerOptions::network) is not recomputed here.
PlacedBanner banner_at(const ReachTargets& targets, const CandidateSite& site, double radius_m);

// What a set of banners reaches together, each case counted once.
struct ReachSummary {
    std::size_t reached = 0;               // targets in reach of at least one banner
    double reached_weight = 0;             // their weight
    std::vector<std::uint32_t> unreached;  // district incident indices of the rest, ascending
};

// `banners[k].incidents` are district incident indices (as banner_at and place_banners give);
// indices that are not targets are ignored.
ReachSummary summarise_reach(const ReachTargets& targets, const std::vector<PlacedBanner>& banners);

}  // namespace geo
