#pragma once
// What a commander sees of each DBSCAN cluster: where (hull), how many cases and how much was
// lost, and which fraud type and victim age band dominate. No victim detail beyond that.
#include <cstdint>
#include <vector>

#include "geo/hotspots/dbscan.h"
#include "geo/model/district.h"

namespace geo {

struct IncidentCluster {
    std::int32_t id = 0;             // the DBSCAN cluster id
    std::size_t incidents = 0;
    std::size_t core_points = 0;
    double loss_yuan = 0;
    FraudType dominant_fraud_type = FraudType::other;
    std::size_t dominant_fraud_type_incidents = 0;
    // The most frequent known band; `unknown` only when no case in the cluster has a known one.
    AgeBand dominant_age_band = AgeBand::unknown;
    std::size_t dominant_age_band_incidents = 0;
    Timestamp first{};               // earliest and latest case
    Timestamp last{};
    XY centre;                       // mean of the cases' locations
    MultiPolygon hull;               // cluster_hull.h, buffered by buffer_m for 1–2 points
    double area_m2 = 0;              // of the hull
    // For files: the hull of the cases' 100 m cells (generalised_hull), no vertex on a case.
    MultiPolygon generalised_hull;
};

struct ClusterAnalysis {
    DbscanLabels labels;                    // per entry of `incidents`
    std::vector<IncidentCluster> clusters;  // by id
    std::size_t noise = 0;
};

// DBSCAN over the locations of district.incidents[incidents[k]]. Ties for the dominant type or
// band go to the one listed first in the workspace vocabulary (enums.h). Hulls of clusters
// without area are buffered by eps_m / 2.
ClusterAnalysis cluster_incidents(const District& district, const std::vector<std::uint32_t>& incidents,
                                  const DbscanOptions& options);

}  // namespace geo
