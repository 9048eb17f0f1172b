#pragma once
// The early-warning response tools' view state (issue 11): "who can get here" (officers ranked
// by travel time to a place, their routes on the map), the isochrone layer's settings, and
// "what is within R metres" of the selected case or site. The answers come from geo/response
// and geo/network; this holds only what was asked and what geo answered.
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/network/road_graph.h"
#include "geo/response/respond.h"
#include "geo/response/within.h"

namespace gui {

// "Who can get here" (谁能最快赶到) for one place: computed on a worker thread, shown until
// closed (Esc or the panel's ×).
struct RespondQuery {
    static constexpr std::size_t kRoutesDrawn = 3;  // the top three officers' routes on the map

    bool active = false;
    geo::XY place{};
    std::string label;                     // "中国建设银行永康城西支行 (S05)", "120.03120, 28.90110"
    geo::Profile profile = geo::Profile::driving;
    std::shared_ptr<std::future<std::vector<geo::OfficerResponse>>> job;
    std::vector<geo::OfficerResponse> ranked;  // fastest first, for place and profile above
    std::string error;
};

// The isochrone layer: service areas along the roads from an origin (the police station until
// the dispatcher picks another place). Bumping `version` makes the scene recompute.
struct IsochroneSettings {
    std::optional<geo::XY> origin;  // none: the first police station
    std::string origin_label;
    geo::Profile profile = geo::Profile::driving;
    std::vector<double> minutes = {3, 5, 10};  // positive, increasing
    float tolerance_m = 25;
    int version = 0;
};

// "Within R m" of the selected case or site: a ring (straight) and the hits beside it.
struct WithinQuery {
    bool shown = false;
    float radius_m = 300;
    bool along_streets = false;  // walked along the roads instead of straight
    std::vector<geo::WithinHit> hits;
    std::string error;
    // What `hits` answer (recomputed when any of these change).
    struct Key {
        geo::LayerKind kind = geo::LayerKind::incidents;
        std::size_t index = 0;
        float radius_m = 0;
        bool along_streets = false;
        int data_version = -1;
        bool operator==(const Key&) const = default;
    };
    std::optional<Key> computed_for;
};

struct ResponseTools {
    RespondQuery respond;
    IsochroneSettings isochrones;
    WithinQuery within;
    // The road graph of the district, built on first use per data version.
    std::shared_ptr<const geo::RoadGraph> graph;
    int graph_data_version = -1;
};

}  // namespace gui
