// patrolmap within WS --of CASE_ID|SITE_ID|LON,LAT [--radius 300] [--network]
//     [--layers posters,sites,buildings,incidents,officers] [--json] [--out hits.geojson] [--public]
// Everything within R metres of a case, a site or a place, straight or along the streets
// (geo/response/within.h). Cases are internal: --public keeps a case's id and fraud type only,
// at the centre of its 100 m cell, as export --public does.
#include <cmath>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/response_args.h"
#include "app/cli/text_format.h"
#include "geo/hotspots/geojson_output.h"
#include "geo/io/exporter.h"
#include "geo/io/workspace_store.h"
#include "geo/response/place.h"
#include "geo/response/within.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, of, layers = "posters,sites,buildings,incidents,officers", out;
    double radius_m = 300;
    bool network = false, json = false, public_copy = false;
};

std::set<geo::LayerKind> parse_layers(const std::string& text) {
    std::set<geo::LayerKind> out;
    std::stringstream in(text);
    std::string name;
    while (std::getline(in, name, ',')) {
        const auto k = geo::parse_layer_kind(name);
        if (!k) throw geo::BadInput("--layers: '" + name + "' is not a layer (" + geo::layer_names_list() + ")");
        out.insert(*k);
    }
    if (out.empty()) throw geo::BadInput("--layers: name at least one layer");
    return out;
}

int run(const Args& a) {
    const geo::District d = geo::read_district(a.workspace);
    const geo::Place place = a.of.find(',') != std::string::npos ? geo::place_of_lonlat(d, a.of, "--of") : geo::place_of_id(d, a.of, "--of");
    geo::WithinOptions o;
    o.radius_m = a.radius_m;
    o.layers = parse_layers(a.layers);
    const geo::RoadGraph graph = a.network ? geo::build_road_graph(d.roads) : geo::RoadGraph{};
    if (a.network) o.network = &graph;
    auto hits = geo::within(d, place.location, o);
    // For the public a case is its id and type at its 100 m cell; warnings likewise.
    if (a.public_copy)
        for (auto& h : hits)
            if (h.layer == geo::LayerKind::incidents || h.layer == geo::LayerKind::warnings) {
                h.location = geo::public_cell(h.location);
                h.distance_m = std::round(h.distance_m / 100) * 100;
            }
    const bool from_case = place.label.rfind("case ", 0) == 0;
    const geo::XY shown_origin = a.public_copy && from_case ? geo::public_cell(place.location) : place.location;
    if (!a.out.empty()) {
        std::vector<geo::OutputFeature> features;
        for (const auto& h : hits)
            features.push_back({h.location,
                                {{"layer", std::string(geo::layer_spec(h.layer).name)}, {"id", h.id}, {"what", h.label}, {"distance_m", h.distance_m}}});
        geo::write_polygon_file(a.out, d.metadata.crs, "within", features, "radius query hits");
        note() << "wrote " << a.out << '\n';
    }
    if (a.json) {
        nlohmann::json j;
        j["of"] = {{"label", place.label}, {"lonlat", lonlat_json(d.metadata.crs, {shown_origin})[0]}};
        j["radius_m"] = a.radius_m;
        j["along_streets"] = a.network;
        j["hits"] = nlohmann::json::array();
        for (const auto& h : hits)
            j["hits"].push_back({{"layer", geo::layer_spec(h.layer).name}, {"id", h.id}, {"what", h.label}, {"distance_m", h.distance_m},
                                 {"lonlat", lonlat_json(d.metadata.crs, {h.location})[0]}});
        std::cout << j.dump(2) << '\n';
        return 0;
    }
    std::cout << fmt::format("Within {:g} m of {} ({}): {} found\n", a.radius_m, place.label, a.network ? "along the streets" : "straight",
                             hits.size());
    for (const auto& h : hits)
        std::cout << "  " << pad(std::string(geo::layer_spec(h.layer).name), 11) << pad(h.id, 10) << fmt::format("{:7.0f} m  ", h.distance_m)
                  << h.label << '\n';
    return 0;
}

}  // namespace

void add_within_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("within", "Everything within a radius of a case, a site or a place, straight or along the streets");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--of", a->of, "A case's or a site's id, or LON,LAT")->required();
    cmd->add_option("--radius", a->radius_m, "Metres")->capture_default_str();
    cmd->add_flag("--network", a->network, "Along the streets (walking) instead of straight");
    cmd->add_option("--layers", a->layers, "Comma-separated layers searched")->capture_default_str();
    cmd->add_flag("--json", a->json, "Print the hits as JSON");
    cmd->add_option("--out", a->out, "Write the hits as points (.geojson or .gpkg)");
    cmd->add_flag("--public", a->public_copy, "Cases and warnings at their 100 m cells, distances to 100 m");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
