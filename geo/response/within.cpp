#include "geo/response/within.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/network/nodes_within.h"
#include "geo/network/snap.h"
#include "geo/util/error.h"

namespace geo {
namespace {

struct Candidate {
    LayerKind layer;
    std::size_t index;
    std::string id, label;
    XY location;
};

std::string with_kind(std::string_view kind, const std::string& name) { return name.empty() ? std::string(kind) : std::string(kind) + " " + name; }

std::vector<Candidate> candidates(const District& d, const std::set<LayerKind>& layers) {
    std::vector<Candidate> out;
    if (layers.count(LayerKind::posters))
        for (std::size_t i = 0; i < d.posters.size(); ++i)
            out.push_back({LayerKind::posters, i, d.posters[i].id, std::string(name_of(d.posters[i].kind)), d.posters[i].location});
    if (layers.count(LayerKind::sites))
        for (std::size_t i = 0; i < d.sites.size(); ++i)
            out.push_back({LayerKind::sites, i, d.sites[i].id, with_kind(name_of(d.sites[i].kind), d.sites[i].name), d.sites[i].location});
    if (layers.count(LayerKind::buildings))
        for (std::size_t i = 0; i < d.buildings.size(); ++i)
            out.push_back({LayerKind::buildings, i, d.buildings[i].id, d.buildings[i].address, d.buildings[i].location});
    if (layers.count(LayerKind::incidents))
        for (std::size_t i = 0; i < d.incidents.size(); ++i)
            out.push_back({LayerKind::incidents, i, d.incidents[i].id, std::string(name_of(d.incidents[i].fraud_type)),
                           d.incidents[i].location});
    if (layers.count(LayerKind::officers))
        for (std::size_t i = 0; i < d.officers.size(); ++i)
            if (d.officers[i].post) out.push_back({LayerKind::officers, i, d.officers[i].id, d.officers[i].name, *d.officers[i].post});
    if (layers.count(LayerKind::warnings))
        for (std::size_t i = 0; i < d.warnings.size(); ++i)
            if (d.warnings[i].location)
                out.push_back({LayerKind::warnings, i, d.warnings[i].id, std::string(name_of(d.warnings[i].channel)), *d.warnings[i].location});
    return out;
}

double straight_m(XY a, XY b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

std::vector<WithinHit> within(const District& district, XY place, const WithinOptions& options) {
    if (!(options.radius_m > 0) || !std::isfinite(options.radius_m)) throw BadInput("--radius must be a positive number of metres");
    for (const LayerKind k : options.layers)
        if (k == LayerKind::neighbourhoods || k == LayerKind::roads || k == LayerKind::vehicles || k == LayerKind::sightings)
            throw BadInput("--layers: " + std::string(layer_spec(k).name) + " are " +
                           (k == LayerKind::vehicles || k == LayerKind::sightings ? "vehicles, kept off this list (their plates are personal data)"
                                                                                   : "areas or lines") +
                           "; choose among posters, sites, buildings, incidents, officers and warnings");
    std::vector<WithinHit> out;
    // Straight first: along the roads is never shorter, so it only filters further.
    std::vector<Candidate> near;
    for (auto& c : candidates(district, options.layers))
        if (straight_m(c.location, place) <= options.radius_m) near.push_back(std::move(c));
    if (!options.network) {
        for (auto& c : near) out.push_back({c.layer, c.index, c.id, c.label, c.location, straight_m(c.location, place)});
    } else {
        const RoadGraph& graph = *options.network;
        if (graph.edges().empty()) throw BadInput("--network: the workspace has no roads");
        const Snapper snapper(graph, Profile::walking);
        const SnappedPoint origin = snapper.snap(place);
        NodesWithin search(graph, Profile::walking);
        const auto& reached = search.search(departures(graph, Profile::walking, origin, origin.distance_m), options.radius_m);
        std::vector<double> at_node(static_cast<std::size_t>(graph.node_count()), std::numeric_limits<double>::infinity());
        for (const auto& n : reached) at_node[static_cast<std::size_t>(n.node)] = n.distance_m;
        for (auto& c : near) {
            const SnappedPoint s = snapper.snap(c.location);
            if (!s.valid()) continue;
            const GraphEdge& e = graph.edges()[static_cast<std::size_t>(s.edge)];
            double d = std::min(at_node[static_cast<std::size_t>(e.from)] + s.offset_m,
                                at_node[static_cast<std::size_t>(e.to)] + (e.length_m - s.offset_m));
            if (s.edge == origin.edge) d = std::min(d, origin.distance_m + std::abs(s.offset_m - origin.offset_m));
            d += s.distance_m;
            // Nearer each other than either is to its road (a neighbour across the yard): straight.
            const double straight = straight_m(c.location, place);
            if (straight <= origin.distance_m + s.distance_m) d = std::min(d, straight);
            if (d <= options.radius_m) out.push_back({c.layer, c.index, c.id, c.label, c.location, d});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const WithinHit& a, const WithinHit& b) { return a.distance_m < b.distance_m; });
    return out;
}

}  // namespace geo
