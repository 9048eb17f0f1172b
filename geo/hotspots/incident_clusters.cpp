#include "geo/hotspots/incident_clusters.h"

#include <array>

#include "geo/hotspots/cluster_hull.h"
#include "geo/io/exporter.h"

namespace geo {
namespace {

// Index of the largest count; the first one on a tie.
template <std::size_t N>
std::size_t first_max(const std::array<std::size_t, N>& counts) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < N; ++i)
        if (counts[i] > counts[best]) best = i;
    return best;
}

}  // namespace

ClusterAnalysis cluster_incidents(const District& district, const std::vector<std::uint32_t>& incidents,
                                  const DbscanOptions& options) {
    std::vector<XY> points;
    points.reserve(incidents.size());
    for (std::uint32_t i : incidents) points.push_back(district.incidents.at(i).location);
    ClusterAnalysis out;
    out.labels = dbscan(points, options);

    constexpr std::size_t TYPES = EnumNames<FraudType>::names.size();
    constexpr std::size_t BANDS = EnumNames<AgeBand>::names.size();
    std::vector<std::array<std::size_t, TYPES>> types(out.labels.clusters);
    std::vector<std::array<std::size_t, BANDS>> bands(out.labels.clusters);
    std::vector<std::vector<XY>> members(out.labels.clusters);
    out.clusters.resize(out.labels.clusters);
    for (std::size_t c = 0; c < out.clusters.size(); ++c) {
        out.clusters[c].id = static_cast<std::int32_t>(c);
        types[c].fill(0);
        bands[c].fill(0);
    }
    for (std::size_t k = 0; k < incidents.size(); ++k) {
        const std::int32_t id = out.labels.cluster[k];
        if (id < 0) {
            ++out.noise;
            continue;
        }
        const auto c = static_cast<std::size_t>(id);
        const Incident& incident = district.incidents[incidents[k]];
        IncidentCluster& cluster = out.clusters[c];
        if (cluster.incidents == 0 || incident.time < cluster.first) cluster.first = incident.time;
        if (cluster.incidents == 0 || incident.time > cluster.last) cluster.last = incident.time;
        ++cluster.incidents;
        if (out.labels.role[k] == DbscanRole::core) ++cluster.core_points;
        cluster.loss_yuan += incident.loss_yuan;
        ++types[c][static_cast<std::size_t>(incident.fraud_type)];
        ++bands[c][static_cast<std::size_t>(incident.victim_age_band)];
        members[c].push_back(incident.location);
    }
    for (std::size_t c = 0; c < out.clusters.size(); ++c) {
        IncidentCluster& cluster = out.clusters[c];
        const std::size_t type = first_max(types[c]);
        cluster.dominant_fraud_type = static_cast<FraudType>(type);
        cluster.dominant_fraud_type_incidents = types[c][type];
        std::array<std::size_t, BANDS> known = bands[c];
        known[static_cast<std::size_t>(AgeBand::unknown)] = 0;
        const std::size_t band = first_max(known);
        cluster.dominant_age_band = known[band] > 0 ? static_cast<AgeBand>(band) : AgeBand::unknown;
        cluster.dominant_age_band_incidents = bands[c][static_cast<std::size_t>(cluster.dominant_age_band)];
        XY sum;
        for (const XY& p : members[c]) sum.x += p.x, sum.y += p.y;
        const auto n = static_cast<double>(members[c].size());
        cluster.centre = {sum.x / n, sum.y / n};
        cluster.hull = cluster_hull(members[c], options.eps_m / 2);
        cluster.area_m2 = area_m2(cluster.hull);
        cluster.generalised_hull = generalised_hull(members[c], kPublicGridM);
    }
    return out;
}

}  // namespace geo
