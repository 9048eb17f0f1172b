#include "geo/placement/site_reach.h"

#include <algorithm>
#include <cmath>

#include "geo/placement/incident_weights.h"

namespace geo {

ReachTargets reach_targets(const District& district, const BannerOptions& options, Timestamp as_of) {
    // The same selection as build_banner_instance (banner_placement.cpp); a test holds the two
    // together (tests/placement/site_reach_test.cpp).
    ReachTargets out;
    std::vector<const Incident*> selected;
    for (std::uint32_t i = 0; i < district.incidents.size(); ++i) {
        const Incident& incident = district.incidents[i];
        if (options.since && incident.time < *options.since) continue;
        if (!std::isfinite(incident.location.x) || !std::isfinite(incident.location.y)) continue;
        selected.push_back(&incident);
        out.incidents.push_back(i);
        out.locations.push_back(incident.location);
    }
    out.weights = weigh_incidents(selected, options.weighting, as_of).weights;
    return out;
}

PlacedBanner banner_at(const ReachTargets& targets, const CandidateSite& site, double radius_m) {
    PlacedBanner out{site, {}, {}, 0};
    // One site: a scan of the targets beats building points_within's grid, and applies its
    // rule exactly (std::hypot distance <= radius_m). Ascending, as targets.incidents is.
    for (std::size_t t = 0; t < targets.locations.size(); ++t) {
        const XY& p = targets.locations[t];
        if (std::hypot(p.x - site.location.x, p.y - site.location.y) <= radius_m) {
            out.incidents.push_back(targets.incidents[t]);
            out.reach_weight += targets.weights[t];
        }
    }
    return out;
}

ReachSummary summarise_reach(const ReachTargets& targets, const std::vector<PlacedBanner>& banners) {
    std::vector<bool> reached(targets.incidents.size(), false);
    for (const PlacedBanner& banner : banners)
        for (const std::uint32_t incident : banner.incidents) {
            const auto it = std::lower_bound(targets.incidents.begin(), targets.incidents.end(), incident);
            if (it != targets.incidents.end() && *it == incident) reached[it - targets.incidents.begin()] = true;
        }
    ReachSummary out;
    for (std::size_t t = 0; t < reached.size(); ++t) {
        if (reached[t]) {
            ++out.reached;
            out.reached_weight += targets.weights[t];
        } else {
            out.unreached.push_back(targets.incidents[t]);
        }
    }
    return out;
}

}  // namespace geo
