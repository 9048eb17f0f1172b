// patrolmap respond WS --site S07 | --at LON,LAT | --address TEXT [--profile drive|walk] [--top 3]
//     [--json] [--out routes.geojson]
// Who can get there soonest (民警火速赶到): the officers ranked by travel time along the roads
// from their posts, with the route, distance and minutes (geo/response/respond.h).
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/response_args.h"
#include "app/cli/text_format.h"
#include "geo/hotspots/geojson_output.h"
#include "geo/io/workspace_store.h"
#include "geo/network/road_graph.h"
#include "geo/response/place.h"
#include "geo/response/respond.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, site, at, address, profile = "drive", out;
    std::size_t top = 3;
    bool json = false;
};

int run(const Args& a) {
    const int given = !a.site.empty() + !a.at.empty() + !a.address.empty();
    if (given != 1) throw geo::BadInput("say where: one of --site, --at or --address");
    const geo::Profile profile = parse_profile(a.profile);
    if (a.top == 0) throw geo::BadInput("--top must be at least 1");
    const geo::District d = geo::read_district(a.workspace);
    const geo::Place place = !a.site.empty() ? geo::place_of_site(d, a.site)
                             : !a.at.empty() ? geo::place_of_lonlat(d, a.at, "--at")
                                             : geo::place_of_address(d, a.address);
    const geo::RoadGraph graph = geo::build_road_graph(d.roads);
    const auto ranked = geo::rank_responders(d, graph, profile, place.location);
    const std::size_t shown = std::min(a.top, ranked.size());

    if (!a.out.empty()) {
        std::vector<geo::OutputFeature> features;
        for (std::size_t k = 0; k < shown; ++k) {
            const auto& r = ranked[k];
            if (!r.reachable) continue;
            features.push_back({geo::MultiLineString{r.route},
                                {{"rank", std::int64_t(k + 1)}, {"officer_id", r.officer_id}, {"officer", r.officer_name},
                                 {"minutes", r.time_s / 60}, {"road_m", r.road_m}}});
        }
        geo::write_polygon_file(a.out, d.metadata.crs, "responders", features, "routes");
        note() << "wrote " << a.out << '\n';
    }
    if (a.json) {
        nlohmann::json j;
        j["place"] = {{"label", place.label}, {"lonlat", lonlat_json(d.metadata.crs, {place.location})[0]}};
        j["profile"] = profile_name(profile);
        j["officers"] = nlohmann::json::array();
        for (std::size_t k = 0; k < ranked.size(); ++k) {
            const auto& r = ranked[k];
            nlohmann::json o = {{"officer_id", r.officer_id}, {"officer", r.officer_name}, {"from", r.start_label},
                                {"reachable", r.reachable}, {"responsible", r.responsible}};
            if (r.reachable) {
                o["minutes"] = r.time_s / 60;
                o["road_m"] = r.road_m;
                o["off_road_m"] = r.off_road_m;
                if (k < shown) o["route"] = lonlat_json(d.metadata.crs, r.route);
            }
            j["officers"].push_back(o);
        }
        std::cout << j.dump(2) << '\n';
        return 0;
    }
    std::cout << fmt::format("To {} ({}):\n", place.label, profile == geo::Profile::driving ? "driving" : "walking");
    for (std::size_t k = 0; k < shown; ++k) {
        const auto& r = ranked[k];
        if (!r.reachable) {
            std::cout << fmt::format("  {}. {} ({}): cannot get there along the roads from {}\n", k + 1, r.officer_name, r.officer_id,
                                     r.start_label);
            continue;
        }
        std::cout << fmt::format("  {}. {} ({}) from {}: {:.1f} min, {:.0f} m by road{}{}\n", k + 1, r.officer_name, r.officer_id,
                                 r.start_label, r.time_s / 60, r.road_m,
                                 r.off_road_m >= 1 ? fmt::format(" + {:.0f} m on foot", r.off_road_m) : std::string(),
                                 r.responsible ? ", answers for this neighbourhood" : "");
    }
    std::size_t unreachable = 0;
    for (const auto& r : ranked) unreachable += !r.reachable;
    if (unreachable) std::cout << fmt::format("  {} officer(s) cannot get there along the roads\n", unreachable);
    return 0;
}

}  // namespace

void add_respond_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("respond", "Who can get there soonest: officers ranked by travel time along the roads");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--site", a->site, "A site's id (a bank, a property office ...)");
    cmd->add_option("--at", a->at, "A place as WGS84 LON,LAT");
    cmd->add_option("--address", a->address, "A building's address, a site's or a neighbourhood's name");
    cmd->add_option("--profile", a->profile, "drive or walk")->capture_default_str();
    cmd->add_option("--top", a->top, "Officers shown with their routes")->capture_default_str();
    cmd->add_flag("--json", a->json, "Print the ranking as JSON (routes as [lon, lat])");
    cmd->add_option("--out", a->out, "Write the shown officers' routes (.geojson or .gpkg)");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
