#include "geo/response/respond.h"

#include <algorithm>

#include "geo/network/snap.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"

namespace geo {
namespace {

constexpr double kWalk_mps = walking_speed_kmh / 3.6;

std::optional<std::pair<XY, std::string>> post_of(const District& d, const Officer& o) {
    if (o.post) {
        for (const auto& s : d.sites)
            if (s.id == o.post_site_id) return std::pair{*o.post, s.name.empty() ? s.id : s.name};
        return std::pair{*o.post, std::string("post")};
    }
    for (const auto& s : d.sites)
        if (s.id == o.post_site_id) return std::pair{s.location, s.name.empty() ? s.id : s.name};
    return std::nullopt;
}

}  // namespace

std::vector<OfficerResponse> rank_responders(const District& district, const RoadGraph& graph, Profile profile, XY place) {
    if (graph.edges().empty()) throw BadInput("the workspace has no roads to travel along (import a roads layer)");
    const Snapper snapper(graph, profile);
    const SnappedPoint to = snapper.snap(place);
    const auto hood = neighbourhood_of_points(district, {place});
    const std::string responsible =
        !hood.empty() && hood[0] >= 0 ? district.neighbourhoods[static_cast<std::size_t>(hood[0])].officer_id : std::string();
    std::vector<OfficerResponse> out;
    for (const auto& o : district.officers) {
        const auto post = post_of(district, o);
        if (!post) continue;
        OfficerResponse r;
        r.officer_id = o.id;
        r.officer_name = o.name.empty() ? o.id : o.name;
        r.start = post->first;
        r.start_label = post->second;
        r.responsible = !responsible.empty() && o.id == responsible;
        const SnappedPoint from = snapper.snap(r.start);
        const Route route = shortest_route(graph, profile, from, to);
        r.reachable = route.cost.reachable();
        if (r.reachable) {
            r.off_road_m = from.distance_m + to.distance_m;
            r.road_m = route.cost.length_m;
            r.time_s = route.cost.time_s + r.off_road_m / kWalk_mps;
            r.route = route.geometry;
        }
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const OfficerResponse& a, const OfficerResponse& b) {
        if (a.reachable != b.reachable) return a.reachable;
        if (!a.reachable) return false;
        if (a.time_s != b.time_s) return a.time_s < b.time_s;
        return a.responsible && !b.responsible;
    });
    return out;
}

}  // namespace geo
