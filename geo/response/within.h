#pragma once
// Everything within R metres of a place (a case, a site, an address): posters, sites (cameras
// 天网 and police boxes among them), buildings, incidents, officers' posts; straight or along the
// streets (walked: the way a neighbour or an officer on foot goes). Nearest first.
#include <set>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/model/layer_schema.h"
#include "geo/network/road_graph.h"

namespace geo {

struct WithinHit {
    LayerKind layer;
    std::size_t index = 0;   // into that layer's vector
    std::string id, label;   // label: a name, an address, a kind
    XY location;
    double distance_m = 0;   // straight, or along the roads plus to and from them
};

struct WithinOptions {
    double radius_m = 300;
    std::set<LayerKind> layers = {LayerKind::posters, LayerKind::sites, LayerKind::buildings, LayerKind::incidents,
                                  LayerKind::officers};
    const RoadGraph* network = nullptr;  // along the streets (walking) when set
};

// BadInput for a radius that is not a positive number of metres, a layer that holds no points
// here (neighbourhoods, roads), or --network on a workspace without roads.
std::vector<WithinHit> within(const District& district, XY place, const WithinOptions& options);

}  // namespace geo
