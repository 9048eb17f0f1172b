#include "geo/transport/school_trips.h"

#include <cmath>

#include "geo/network/shortest_path.h"
#include "geo/network/snap.h"
#include "geo/util/error.h"

namespace geo {

SchoolTrips school_trips(const District& d, const RoadGraph& graph, const SchoolTripOptions& o) {
    if (!(o.min_trip_m >= 0) || !std::isfinite(o.min_trip_m)) throw BadInput("--min-trip must be 0 or more metres");
    SchoolTrips out;
    for (std::uint32_t k = 0; k < d.sites.size(); ++k)
        if (d.sites[k].kind == SiteKind::school && d.sites[k].audience > 0) out.schools.push_back(k);
    if (out.schools.empty())
        throw BadInput("no school among the sites has pupils (its audience): school runs cannot be weighted");
    double households = 0;
    for (const auto& b : d.buildings) households += static_cast<double>(std::max<std::int64_t>(b.households, 0));
    if (!(households > 0)) throw BadInput("no building has households: nobody to drive to school");

    const Snapper snapper(graph, Profile::driving);
    if (!snapper.snap(d.sites[out.schools.front()].location).valid())
        throw BadInput("the roads have no street a car may use: no school run to follow");
    std::vector<SnappedPoint> homes(d.buildings.size());
    for (std::size_t b = 0; b < d.buildings.size(); ++b)
        if (d.buildings[b].households > 0) homes[b] = snapper.snap(d.buildings[b].location);

    for (const std::uint32_t s : out.schools) {
        const double pupils = static_cast<double>(d.sites[s].audience);
        out.pupils += pupils;
        const SnappedPoint school = snapper.snap(d.sites[s].location);
        for (std::uint32_t b = 0; b < d.buildings.size(); ++b) {
            if (d.buildings[b].households <= 0) continue;
            const double share = pupils * static_cast<double>(d.buildings[b].households) / households;
            const Route route = shortest_route(graph, Profile::driving, homes[b], school, SearchKind::dijkstra);
            if (!route.cost.reachable()) {
                out.unreachable_pupils += share;
                continue;
            }
            if (route.cost.length_m < o.min_trip_m) {
                out.walked_pupils += share;
                continue;
            }
            out.trips.push_back({b, s, share, route.cost.length_m, route.cost.time_s, route.nodes});
        }
    }
    return out;
}

}  // namespace geo
