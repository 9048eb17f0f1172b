// patrolmap banners WS --count K --radius M [...] --out FILE.geojson: where the next warning
// banners go (geo/placement/), printed as "covered W of T" with the proven upper bound, and
// written as points with the incidents each reaches (ids and counts only: no victim details).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/crs/crs.h"
#include "geo/evaluate/selection_args.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/workspace_store.h"
#include "geo/placement/banner_placement.h"
#include "geo/placement/practice_rule.h"
#include "geo/placement/source_points.h"
#include "geo/network/road_graph.h"
#include "geo/query/road_names.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, out, weight = "none", since, candidates, incidents;
    int count = 10;
    double radius_m = 300, min_spacing_m = 0, half_life_days = 0, period_days = 30;
    bool network = false;
};

nlohmann::json banner_feature(const geo::PlacedBanner& b, const geo::District& d, const geo::Transform& to_lonlat,
                              const std::string& status, std::size_t rank) {
    const auto lonlat = to_lonlat.apply(b.site.location);
    if (!lonlat) throw geo::InternalError("banners: a site cannot be transformed to WGS84");
    nlohmann::json ids = nlohmann::json::array();
    for (const std::uint32_t i : b.incidents) ids.push_back(d.incidents[i].id);
    return {{"type", "Feature"},
            {"geometry", {{"type", "Point"}, {"coordinates", {lonlat->x, lonlat->y}}}},
            {"properties",
             {{"rank", rank},
              {"status", status},
              {"kind", status == "hanging" ? std::string("banner") : std::string(geo::name_of(b.site.kind))},
              {"label", b.site.label},
              {"place", geo::place_name(d, b.site.location)},
              {"x_m", b.site.location.x},
              {"y_m", b.site.location.y},
              {"incidents", b.incidents.size()},
              {"incident_ids", ids}}}};
}

void write_sites(const std::filesystem::path& out, const geo::District& d, const geo::BannerPlacement& p) {
    std::string ext = out.extension().string();
    if (ext != ".geojson" && ext != ".json") throw geo::BadInput("--out " + out.string() + ": name it .geojson");
    const auto target = std::filesystem::absolute(out);
    if (!std::filesystem::is_directory(target.parent_path()))
        throw geo::BadInput("--out " + out.string() + ": folder " + target.parent_path().string() + " does not exist");
    geo::ensure_gdal_ready();
    const geo::Transform to_lonlat(geo::make_srs(d.metadata.crs, "workspace CRS"), geo::wgs84());
    nlohmann::json features = nlohmann::json::array();
    for (std::size_t k = 0; k < p.suggested.size(); ++k)
        features.push_back(banner_feature(p.suggested[k], d, to_lonlat, "suggested", k + 1));
    for (const auto& h : p.hanging) features.push_back(banner_feature(h, d, to_lonlat, "hanging", 0));
    const nlohmann::json doc = {{"type", "FeatureCollection"}, {"name", "banner_sites"}, {"features", features}};
    geo::PendingFile pending(target);
    {
        std::ofstream file(pending.path());
        file << doc.dump(1) << '\n';
        if (!file) throw geo::IoError("cannot write " + out.string());
    }
    pending.commit();
}

std::string figure(double v) {
    return std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 9e15 ? thousands(static_cast<std::int64_t>(std::llround(v)))
                                                                   : fmt::format("{:.2f}", v);
}

int run(const Args& a) {
    geo::District d = geo::read_district(a.workspace);
    geo::BannerOptions o;
    if (a.count < 1) throw geo::BadInput("--count must be at least 1");
    o.count = static_cast<std::size_t>(a.count);
    o.radius_m = a.radius_m;
    o.network = a.network;
    o.min_spacing_m = a.min_spacing_m;
    o.weighting.base = geo::parse_weight_base(a.weight, o.weighting.field);
    o.weighting.half_life_days = a.half_life_days;
    if (!a.since.empty()) o.since = geo::parse_time_flag(a.since, d.metadata.timezone, "--since");
    if (!a.incidents.empty())
        d.incidents = geo::incidents_from(geo::read_source_points(a.incidents, d.metadata.crs, d.metadata.timezone, "--incidents"),
                                          d.metadata.timezone, "--incidents");
    if (!a.candidates.empty())
        o.user_sites = geo::user_sites(geo::read_source_points(a.candidates, d.metadata.crs, d.metadata.timezone, "--candidates"));

    ProgressLine progress("placing banners");
    o.solver.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
    const geo::BannerPlacement p = geo::place_banners(d, o);
    progress.finish();
    const auto& s = p.solution;
    const double share = s.total_weight > 0 ? 100.0 * s.covered_weight / s.total_weight : 0.0;
    std::cout << fmt::format("covered {} of {} ({:.1f}%)\n", figure(s.covered_weight), figure(s.total_weight), share);
    std::cout << fmt::format("  upper bound {} (Lagrangian with spacing cliques, branch and bound): the best possible is at most {:.2f}% above\n",
                             figure(s.upper_bound), s.covered_weight > 0 ? 100.0 * (s.upper_bound / s.covered_weight - 1.0) : 0.0);
    std::cout << fmt::format("  {} banners suggested from {} candidates ({} too close to a hanging banner), {} hanging "
                             "counted as placed ({}); greedy {} then {} swaps\n",
                             p.suggested.size(), thousands(static_cast<std::int64_t>(p.candidates)), p.blocked, p.hanging.size(),
                             figure(s.precovered_weight), figure(s.greedy_weight), s.swaps);
    std::cout << fmt::format("  {} incidents, weight {}{}, reach {} {} m{}, as of {}\n",
                             thousands(static_cast<std::int64_t>(p.incidents)), a.weight,
                             a.half_life_days > 0 ? fmt::format(" with half-life {} days", a.half_life_days) : "",
                             a.network ? "walking" : "straight-line", a.radius_m,
                             a.min_spacing_m > 0 ? fmt::format(", spacing {} m", a.min_spacing_m) : "",
                             geo::format_local(p.as_of, d.metadata.timezone, "%Y-%m-%d"));
    if (p.without_field_value > 0)
        std::cout << fmt::format("  {} incidents have no number in {} and weigh 0\n", p.without_field_value, a.weight);
    std::cout << "  Rank  Kind          Site                  Incidents  Weight  Where\n";
    for (std::size_t k = 0; k < p.suggested.size(); ++k) {
        const auto& b = p.suggested[k];
        std::cout << pad(std::to_string(k + 1), 6, true) << "  " << pad(std::string(geo::name_of(b.site.kind)), 14)
                  << pad(b.site.label, 22) << pad(thousands(static_cast<std::int64_t>(b.incidents.size())), 9, true)
                  << "  " << pad(figure(b.reach_weight), 6) << "  " << geo::place_name(d, b.site.location) << '\n';
    }

    // The practice rule replayed over the same cases and candidates (straight-line reach).
    geo::PracticeRuleOptions rule{a.radius_m, a.period_days, o.since};
    const geo::RoadGraph graph = geo::build_road_graph(d.roads);
    auto sites = geo::merge_sites({geo::intersection_sites(graph), geo::gate_sites(d, graph), o.user_sites});
    const auto replay = geo::replay_practice_rule(d, sites, rule);
    std::cout << fmt::format("practice rule (banner per new case, {}-day period): {} cases, {} reached by a banner "
                             "then hanging, {} by an earlier suggestion, {} suggestions\n",
                             a.period_days, thousands(static_cast<std::int64_t>(replay.cases)), replay.covered_by_existing,
                             replay.covered_by_suggested, replay.suggestions.size());
    write_sites(a.out, d, p);
    note() << "wrote " << a.out << '\n';
    return 0;
}

}  // namespace

void add_banners_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("banners", "Where the next warning banners go: maximum weighted coverage of recent cases");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--count", a->count, "K banners to add")->required();
    cmd->add_option("--radius", a->radius_m, "Reach in metres")->required();
    cmd->add_flag("--network", a->network, "Reach along the roads (walking) instead of a straight line");
    cmd->add_option("--min-spacing", a->min_spacing_m, "Minimum metres between banners, hanging ones included")->capture_default_str();
    cmd->add_option("--half-life", a->half_life_days, "Recency half-life in days; 0 = no decay")->capture_default_str();
    cmd->add_option("--weight", a->weight, "loss (yuan), none (count cases) or a numeric field of the incidents")->capture_default_str();
    cmd->add_option("--since", a->since, "Only cases at or after this date (ISO 8601)");
    cmd->add_option("--candidates", a->candidates, "Extra candidate sites: any GDAL vector source");
    cmd->add_option("--incidents", a->incidents, "Cases from any GDAL vector source instead of the workspace's");
    cmd->add_option("--period", a->period_days, "Days a banner hangs (practice rule replay)")->capture_default_str();
    cmd->add_option("--out", a->out, "Sites as GeoJSON")->required();
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
