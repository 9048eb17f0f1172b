#include "geo/placement/banner_placement.h"

#include <algorithm>
#include <cmath>

#include "geo/network/road_graph.h"
#include "geo/placement/network_reach.h"
#include "geo/placement/radius_reach.h"
#include "geo/util/error.h"

namespace geo {

bool is_hanging(const Poster& poster, Timestamp t) {
    if (poster.installed && *poster.installed > t) return false;
    return !poster.removed || *poster.removed > t;
}

BannerInstance build_banner_instance(const District& district, const BannerOptions& options) {
    if (options.count == 0) throw BadInput("--count must be at least 1");
    if (!(options.radius_m > 0) || !std::isfinite(options.radius_m))
        throw BadInput("--radius must be a positive number of metres");
    if (!(options.min_spacing_m >= 0) || !std::isfinite(options.min_spacing_m))
        throw BadInput("--min-spacing must be a number of metres >= 0");

    BannerInstance out;
    std::vector<const Incident*> selected;
    std::vector<std::uint32_t>& selected_index = out.selected;
    for (std::uint32_t i = 0; i < district.incidents.size(); ++i) {
        const Incident& incident = district.incidents[i];
        if (options.since && incident.time < *options.since) continue;
        if (!std::isfinite(incident.location.x) || !std::isfinite(incident.location.y)) continue;
        selected.push_back(&incident);
        selected_index.push_back(i);
    }
    out.as_of = options.as_of.value_or(Timestamp{});
    if (!options.as_of)
        for (const Incident* incident : selected) out.as_of = std::max(out.as_of, incident->time);

    const WeightedIncidents weighted = weigh_incidents(selected, options.weighting, out.as_of);
    out.without_field_value = weighted.without_field_value;

    // Candidates, then the hanging banners, share one list of sites for reach and spacing.
    const RoadGraph graph = build_road_graph(district.roads);
    std::vector<std::vector<CandidateSite>> lists;
    if (options.intersections) lists.push_back(intersection_sites(graph));
    if (options.gates) lists.push_back(gate_sites(district, graph));
    lists.push_back(options.user_sites);
    out.candidates = merge_sites(lists);
    const std::vector<CandidateSite>& candidates = out.candidates;

    std::vector<const Poster*> hanging;
    for (const Poster& poster : district.posters)
        if (poster.kind == PosterKind::banner && is_hanging(poster, out.as_of)) hanging.push_back(&poster);

    std::vector<XY> sites;
    for (const auto& c : candidates) sites.push_back(c.location);
    for (const Poster* p : hanging) sites.push_back(p->location);
    std::vector<XY> points;
    for (const Incident* incident : selected) points.push_back(incident->location);

    const auto reach = options.network ? points_within_walk(graph, sites, points, options.radius_m)
                                       : points_within(sites, points, options.radius_m);
    const auto too_close = sites_closer_than(sites, options.min_spacing_m);

    CoverageProblem& problem = out.problem;
    problem.count = options.count;
    problem.incident_weight = weighted.weights;
    problem.precovered.assign(points.size(), false);
    problem.blocked.assign(candidates.size(), false);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        problem.covers.push_back(reach[c]);
        std::vector<std::uint32_t> near;
        for (const std::uint32_t t : too_close[c]) {
            if (t < candidates.size()) near.push_back(t);
            else problem.blocked[c] = true;
        }
        problem.conflicts.push_back(std::move(near));
        if (problem.blocked[c]) ++out.blocked;
    }
    auto describe = [&](const std::vector<std::uint32_t>& local, PlacedBanner& banner) {
        for (const std::uint32_t i : local) {
            banner.incidents.push_back(selected_index[i]);
            banner.reach_weight += weighted.weights[i];
        }
    };
    for (std::size_t h = 0; h < hanging.size(); ++h) {
        const auto& local = reach[candidates.size() + h];
        for (const std::uint32_t i : local) problem.precovered[i] = true;
        PlacedBanner banner{{hanging[h]->location, CandidateKind::user, hanging[h]->id}, hanging[h]->id, {}, 0};
        describe(local, banner);
        out.hanging.push_back(std::move(banner));
    }

    return out;
}

BannerPlacement place_banners(const District& district, const BannerOptions& options) {
    const BannerInstance instance = build_banner_instance(district, options);
    BannerPlacement out;
    out.candidates = instance.candidates.size();
    out.blocked = instance.blocked;
    out.incidents = instance.selected.size();
    out.without_field_value = instance.without_field_value;
    out.as_of = instance.as_of;
    out.hanging = instance.hanging;
    out.solution = solve_max_coverage(instance.problem, options.solver);
    for (const std::uint32_t c : out.solution.chosen) {
        PlacedBanner banner{instance.candidates[c], {}, {}, 0};
        for (const std::uint32_t i : instance.problem.covers[c]) {
            banner.incidents.push_back(instance.selected[i]);
            banner.reach_weight += instance.problem.incident_weight[i];
        }
        out.suggested.push_back(std::move(banner));
    }
    return out;
}

}  // namespace geo
