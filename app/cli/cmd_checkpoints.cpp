// patrolmap checkpoints WS --count 3 [--min-trip 1000] --out checkpoints.geojson
// Where the traffic police stop vehicles on the school run (issue 17): the road junctions that
// intercept the most pupils' trips to school (geo::place_checkpoints), printed with the share
// intercepted and the proven upper bound of the same max-coverage engine the banners use, and
// written as WGS84 points with the streets that meet there.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/crs/crs.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/workspace_store.h"
#include "geo/network/road_graph.h"
#include "geo/query/road_names.h"
#include "geo/transport/checkpoint_placement.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, out;
    int count = 3;
    double min_trip_m = geo::SchoolTripOptions{}.min_trip_m;
};

std::string pupils(double v) { return thousands(static_cast<std::int64_t>(std::llround(v))); }

void check_out(const std::filesystem::path& out) {
    const std::string ext = out.extension().string();
    if (ext != ".geojson" && ext != ".json") throw geo::BadInput("--out " + out.string() + ": name it .geojson");
    const auto target = std::filesystem::absolute(out);
    if (!std::filesystem::is_directory(target.parent_path()))
        throw geo::BadInput("--out " + out.string() + ": folder " + target.parent_path().string() + " does not exist");
}

void write_checkpoints(const std::filesystem::path& out, const geo::District& d, const geo::CheckpointPlacement& p) {
    geo::ensure_gdal_ready();
    const geo::Transform to_lonlat(geo::make_srs(d.metadata.crs, "workspace CRS"), geo::wgs84());
    nlohmann::json features = nlohmann::json::array();
    const double total = p.solution.total_weight;
    for (std::size_t k = 0; k < p.chosen.size(); ++k) {
        const geo::Checkpoint& c = p.chosen[k];
        const auto lonlat = to_lonlat.apply(c.location);
        if (!lonlat) throw geo::InternalError("checkpoints: a junction cannot be transformed to WGS84");
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"}, {"coordinates", {lonlat->x, lonlat->y}}}},
                            {"properties",
                             {{"rank", k + 1},
                              {"node", c.node},
                              {"place", geo::place_name(d, c.location)},
                              {"x_m", c.location.x},
                              {"y_m", c.location.y},
                              {"pupils", c.pupils},
                              {"added", c.added},
                              {"share_added", total > 0 ? c.added / total : 0.0}}}});
    }
    const nlohmann::json doc = {{"type", "FeatureCollection"}, {"name", "school_run_checkpoints"}, {"features", features}};
    geo::PendingFile pending(std::filesystem::absolute(out));
    {
        std::ofstream file(pending.path());
        file << doc.dump(1) << '\n';
        if (!file) throw geo::IoError("cannot write " + out.string());
    }
    pending.commit();
}

int run(const Args& a) {
    check_out(a.out);
    const geo::District d = geo::read_district(a.workspace);
    if (a.count < 1) throw geo::BadInput("--count must be at least 1");
    geo::CheckpointOptions o;
    o.count = static_cast<std::size_t>(a.count);
    o.trips.min_trip_m = a.min_trip_m;
    const geo::RoadGraph graph = geo::build_road_graph(d.roads);
    ProgressLine progress("placing checkpoints");
    o.solver.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
    const geo::CheckpointPlacement p = geo::place_checkpoints(d, graph, o);
    progress.finish();

    const auto& s = p.solution;
    std::cout << fmt::format("intercepts {} of {} pupils' school runs by car ({:.1f}%)\n", pupils(s.covered_weight), pupils(s.total_weight),
                             s.total_weight > 0 ? 100.0 * s.covered_weight / s.total_weight : 0.0);
    std::cout << fmt::format("  upper bound {} (Lagrangian, branch and bound): {}\n", pupils(s.upper_bound),
                             s.proven_optimal ? std::string("proven optimal")
                                              : fmt::format("the best possible is at most {:.2f}% above", 100.0 * (s.upper_bound / s.covered_weight - 1.0)));
    std::cout << fmt::format("  {} checkpoints from {} junctions; {} trips by car, home to school, {} pupils in all ({} on trips under {} m, walked; "
                             "{} no car can make)\n",
                             p.chosen.size(), p.candidates, thousands(static_cast<std::int64_t>(p.trips)), pupils(p.pupils),
                             pupils(p.walked_pupils), thousands(std::llround(a.min_trip_m)), pupils(p.unreachable_pupils));
    std::cout << "  Rank  Node   Pupils  Added  Where\n";
    for (std::size_t k = 0; k < p.chosen.size(); ++k) {
        const geo::Checkpoint& c = p.chosen[k];
        std::cout << pad(std::to_string(k + 1), 6, true) << "  " << pad("N" + std::to_string(c.node), 5) << pad(pupils(c.pupils), 8, true)
                  << pad(pupils(c.added), 7, true) << "  " << geo::place_name(d, c.location) << '\n';
    }
    write_checkpoints(a.out, d, p);
    note() << "wrote " << a.out << '\n';
    return 0;
}

}  // namespace

void add_checkpoints_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("checkpoints", "Where to stop vehicles on the school run: the junctions that intercept the most "
                                                  "pupils' trips to school");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--count", a->count, "Checkpoints to place")->capture_default_str();
    cmd->add_option("--min-trip", a->min_trip_m, "Trips shorter than this many metres are walked, not driven")->capture_default_str();
    cmd->add_option("--out", a->out, "Checkpoints as GeoJSON")->required();
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
