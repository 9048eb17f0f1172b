#include "geo/hotspots/dbscan.h"

#include <cmath>
#include <deque>

#include <fmt/format.h>

#include "geo/hotspots/point_index.h"
#include "geo/util/error.h"

namespace geo {

DbscanLabels dbscan(const std::vector<XY>& points, const DbscanOptions& options) {
    if (!(options.eps_m > 0) || !std::isfinite(options.eps_m))
        throw BadInput(fmt::format("--eps {} must be a positive distance in metres", options.eps_m));
    if (options.min_points == 0) throw BadInput("--min-points must be at least 1");

    constexpr std::int32_t UNVISITED = -2;
    constexpr std::int32_t NOISE = -1;
    const PointIndex index(points);
    DbscanLabels out;
    out.cluster.assign(points.size(), UNVISITED);
    out.role.assign(points.size(), DbscanRole::noise);

    std::int32_t next_cluster = 0;
    std::deque<std::uint32_t> frontier;
    for (std::size_t seed = 0; seed < points.size(); ++seed) {
        if (out.cluster[seed] != UNVISITED) continue;
        const std::vector<std::uint32_t> around = index.within(points[seed], options.eps_m);
        if (around.size() < options.min_points) {
            out.cluster[seed] = NOISE;  // may still become a border point of a later cluster
            continue;
        }
        const std::int32_t id = next_cluster++;
        out.cluster[seed] = id;
        out.role[seed] = DbscanRole::core;
        frontier.assign(around.begin(), around.end());
        while (!frontier.empty()) {
            const std::uint32_t p = frontier.front();
            frontier.pop_front();
            if (out.cluster[p] == NOISE) {  // reached, but not core: a border point
                out.cluster[p] = id;
                out.role[p] = DbscanRole::border;
                continue;
            }
            if (out.cluster[p] != UNVISITED) continue;
            out.cluster[p] = id;
            const std::vector<std::uint32_t> next = index.within(points[p], options.eps_m);
            if (next.size() >= options.min_points) {
                out.role[p] = DbscanRole::core;
                frontier.insert(frontier.end(), next.begin(), next.end());
            } else {
                out.role[p] = DbscanRole::border;
            }
        }
    }
    // Points that are not finite are in no neighbourhood, not even their own: noise.
    for (auto& c : out.cluster)
        if (c == UNVISITED) c = NOISE;
    out.clusters = static_cast<std::size_t>(next_cluster);
    return out;
}

}  // namespace geo
