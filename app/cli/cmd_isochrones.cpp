// patrolmap isochrones WS --from police_station|SITE_ID|LON,LAT [--minutes 3,5,10] [--profile drive|walk]
//     [--tolerance 25] [--out iso.geojson|iso.gpkg] [--json]
// Service areas along the roads (geo/network/isochrone.h) and who lies within each: the banks,
// property offices, schools, police boxes and cameras by travel time, and the residents of
// neighbourhoods whose buildings are reached (geo/response/reach_table.h).
#include <cmath>
#include <iostream>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/response_args.h"
#include "app/cli/text_format.h"
#include "geo/hotspots/geojson_output.h"
#include "geo/io/workspace_store.h"
#include "geo/network/isochrone.h"
#include "geo/response/place.h"
#include "geo/response/reach_table.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, from = "police_station", minutes = "3,5,10", profile = "drive", out;
    double tolerance_m = 25;
    bool json = false;
};

const char* plural(geo::SiteKind k) {
    switch (k) {
        case geo::SiteKind::bank: return "banks";
        case geo::SiteKind::property_office: return "property offices";
        case geo::SiteKind::school: return "schools";
        case geo::SiteKind::police_box: return "police boxes";
        case geo::SiteKind::camera: return "cameras";
        default: return "sites";
    }
}

// The kinds that call for an officer or that one needs: the coverage table's rows.
bool listed(geo::SiteKind k) {
    return k == geo::SiteKind::bank || k == geo::SiteKind::property_office || k == geo::SiteKind::school ||
           k == geo::SiteKind::police_box || k == geo::SiteKind::camera;
}

int run(const Args& a) {
    geo::IsochroneOptions o;
    o.profile = parse_profile(a.profile);
    o.minutes = parse_minutes(a.minutes);
    o.tolerance_m = a.tolerance_m;
    const geo::District d = geo::read_district(a.workspace);
    const geo::Place origin = geo::place_of_origin(d, a.from, "--from");
    const geo::RoadGraph graph = geo::build_road_graph(d.roads);
    if (graph.edges().empty()) throw geo::BadInput(a.workspace + ": no roads to travel along (import a roads layer)");
    const geo::Snapper snapper(graph, o.profile);
    const geo::SnappedPoint start = snapper.snap(origin.location);
    const auto isos = geo::isochrones(graph, start, o);
    const geo::ReachTable table = geo::reach_table(d, graph, o.profile, origin.location, o.minutes);

    if (!a.out.empty()) {
        std::vector<geo::OutputFeature> features;
        for (const auto& iso : isos)
            features.push_back({iso.area,
                                {{"minutes", iso.minutes}, {"profile", std::string(profile_name(o.profile))}, {"origin", origin.label},
                                 {"road_km", iso.road_m / 1000}, {"nodes", static_cast<std::int64_t>(iso.nodes)}}});
        geo::write_polygon_file(a.out, d.metadata.crs, "isochrones", features, "isochrones");
        note() << "wrote " << a.out << '\n';
    }
    if (a.json) {
        nlohmann::json j;
        j["origin"] = {{"label", origin.label}, {"lonlat", lonlat_json(d.metadata.crs, {origin.location})[0]}};
        j["profile"] = profile_name(o.profile);
        for (std::size_t k = 0; k < isos.size(); ++k)
            j["isochrones"].push_back({{"minutes", isos[k].minutes}, {"road_m", isos[k].road_m}, {"nodes", isos[k].nodes},
                                       {"polygons", isos[k].area.size()}, {"residents_reached", table.residents_reached[k]}});
        j["residents"] = table.residents;
        for (const auto& s : table.sites) {
            const geo::Site& site = d.sites[s.site];
            j["sites"].push_back({{"id", site.id}, {"name", site.name}, {"kind", geo::name_of(site.kind)},
                                  {"minutes", std::isfinite(s.time_s) ? nlohmann::json(s.time_s / 60) : nlohmann::json(nullptr)}});
        }
        for (const auto& n : table.neighbourhoods)
            j["neighbourhoods"].push_back({{"id", d.neighbourhoods[n.neighbourhood].id},
                                           {"residents", d.neighbourhoods[n.neighbourhood].residents},
                                           {"share", n.share}});
        std::cout << j.dump(2) << '\n';
        return 0;
    }
    std::cout << fmt::format("From {} ({}), tolerance {:g} m:\n", origin.label, o.profile == geo::Profile::driving ? "driving" : "walking",
                             o.tolerance_m);
    for (std::size_t k = 0; k < isos.size(); ++k)
        std::cout << fmt::format("  {:>4g} min: {:.1f} km of road, {} polygon(s), {:.0f} of {} residents ({:.0f}%)\n", isos[k].minutes,
                                 isos[k].road_m / 1000, isos[k].area.size(), table.residents_reached[k], table.residents,
                                 table.residents ? 100 * table.residents_reached[k] / static_cast<double>(table.residents) : 0.0);
    // Per kind: how many within each threshold, the slowest, and any out of reach.
    for (const auto kind : {geo::SiteKind::bank, geo::SiteKind::property_office, geo::SiteKind::school, geo::SiteKind::police_box,
                            geo::SiteKind::camera}) {
        std::size_t total = 0, unreachable = 0;
        std::vector<std::size_t> within(o.minutes.size(), 0);
        double slowest_s = 0;
        std::string slowest;
        for (const auto& s : table.sites) {
            const geo::Site& site = d.sites[s.site];
            if (site.kind != kind) continue;
            ++total;
            if (!std::isfinite(s.time_s)) {
                ++unreachable;
                continue;
            }
            for (std::size_t k = 0; k < o.minutes.size(); ++k) within[k] += s.time_s <= o.minutes[k] * 60;
            if (s.time_s >= slowest_s) slowest_s = s.time_s, slowest = site.name.empty() ? site.id : site.name;
        }
        if (total == 0) continue;
        std::string counts;
        for (std::size_t k = 0; k < o.minutes.size(); ++k) counts += fmt::format("{}{} within {:g} min", k ? ", " : "", within[k], o.minutes[k]);
        std::cout << fmt::format("  {} {}: {}; the farthest {} at {:.1f} min{}\n", total, plural(kind), counts, slowest,
                                 slowest_s / 60, unreachable ? fmt::format("; {} unreachable", unreachable) : std::string());
    }
    for (const auto& s : table.sites)
        if (listed(d.sites[s.site].kind) && !std::isfinite(s.time_s))
            std::cout << fmt::format("  unreachable: {} {} ({})\n", geo::name_of(d.sites[s.site].kind), d.sites[s.site].name, d.sites[s.site].id);
    return 0;
}

}  // namespace

void add_isochrones_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("isochrones", "Service areas along the roads, and the sites and residents within each");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--from", a->from, "police_station, a site's id or LON,LAT")->capture_default_str();
    cmd->add_option("--minutes", a->minutes, "Thresholds, increasing")->capture_default_str();
    cmd->add_option("--profile", a->profile, "drive or walk")->capture_default_str();
    cmd->add_option("--tolerance", a->tolerance_m, "Metres from a reached road that count as reached")->capture_default_str();
    cmd->add_option("--out", a->out, "Write the polygons: .geojson (WGS84) or .gpkg (workspace CRS)");
    cmd->add_flag("--json", a->json, "Print every figure as JSON");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
