#include "geo/response/reach_table.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "geo/network/travel_times.h"

namespace geo {
namespace {

constexpr double kWalk_mps = walking_speed_kmh / 3.6;

}  // namespace

ReachTable reach_table(const District& district, const RoadGraph& graph, Profile profile, XY origin,
                       const std::vector<double>& minutes) {
    ReachTable t;
    t.minutes = minutes;
    const double limit_s = minutes.empty() ? 0 : minutes.back() * 60;
    const Snapper snapper(graph, profile);
    const SnappedPoint from = snapper.snap(origin);
    TravelTimes times(graph, profile);
    times.search(time_departures(graph, profile, from), std::max(limit_s, 3600.0));  // sites up to an hour away are timed
    auto time_of = [&](XY p) {
        const SnappedPoint s = snapper.snap(p);
        return time_to(graph, profile, times, from, s) + (from.distance_m + s.distance_m) / kWalk_mps;
    };
    for (std::size_t i = 0; i < district.sites.size(); ++i) t.sites.push_back({i, time_of(district.sites[i].location)});
    std::stable_sort(t.sites.begin(), t.sites.end(), [](const SiteReach& a, const SiteReach& b) { return a.time_s < b.time_s; });

    std::map<std::string, std::size_t> hood_index;
    for (std::size_t n = 0; n < district.neighbourhoods.size(); ++n) hood_index[district.neighbourhoods[n].id] = n;
    std::vector<std::vector<double>> reached(district.neighbourhoods.size(), std::vector<double>(minutes.size(), 0));
    std::vector<double> households(district.neighbourhoods.size(), 0);
    for (const auto& b : district.buildings) {
        const auto it = hood_index.find(b.neighbourhood_id);
        if (it == hood_index.end()) continue;
        const double h = static_cast<double>(std::max<std::int64_t>(b.households, 1));
        households[it->second] += h;
        const double s = time_of(b.location);
        for (std::size_t k = 0; k < minutes.size(); ++k)
            if (s <= minutes[k] * 60) reached[it->second][k] += h;
    }
    t.residents_reached.assign(minutes.size(), 0);
    for (std::size_t n = 0; n < district.neighbourhoods.size(); ++n) {
        NeighbourhoodReach r{n, std::vector<double>(minutes.size(), 0)};
        const Neighbourhood& hood = district.neighbourhoods[n];
        t.residents += hood.residents;
        for (std::size_t k = 0; k < minutes.size(); ++k) {
            // Without buildings, the neighbourhood's centroid stands for it.
            if (households[n] > 0) r.share[k] = reached[n][k] / households[n];
            else if (!hood.area.empty()) r.share[k] = time_of(centroid(hood.area)) <= minutes[k] * 60 ? 1.0 : 0.0;
            t.residents_reached[k] += static_cast<double>(hood.residents) * r.share[k];
        }
        t.neighbourhoods.push_back(std::move(r));
    }
    return t;
}

}  // namespace geo
