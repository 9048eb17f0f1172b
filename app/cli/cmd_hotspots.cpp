// patrolmap hotspots WS --method gi|dbscan|emerging --out FILE.geojson [...]: where cases
// concentrate, as polygons with their figures (never a row per case or a victim's details).
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/change/emerging.h"
#include "geo/evaluate/selection_args.h"
#include "geo/hotspots/geojson_output.h"
#include "geo/hotspots/hotspot_analysis.h"
#include "geo/hotspots/incident_clusters.h"
#include "geo/io/workspace_store.h"
#include "geo/render/qgis_style.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, method, out, extent;
    double cell_m = 100;
    double band_m = 0;
    int k = 0;
    bool neighbourhoods = false, per_1000 = false, fdr = false;
    double eps_m = 100;
    int min_points = 5;
    geo::SelectionArgs selection;
};

std::string confidence(int bin) {
    if (bin == 0) return "not significant";
    return fmt::format("{} {}%", bin > 0 ? "hot" : "cold", std::abs(bin) == 3 ? 99 : std::abs(bin) == 2 ? 95 : 90);
}

geo::FieldValue number(double v) { return std::isfinite(v) ? geo::FieldValue{v} : geo::FieldValue{}; }
geo::FieldValue count(std::size_t v) { return static_cast<std::int64_t>(v); }

// Gi* figures shared by cells and neighbourhoods.
void add_gi(geo::PropertyList& p, const geo::GiStarResult& gi, std::size_t f) {
    p.emplace_back("z", number(gi.z[f]));
    p.emplace_back("p", number(gi.p[f]));
    if (!gi.p_fdr.empty()) p.emplace_back("p_fdr", number(gi.p_fdr[f]));
    p.emplace_back("bin", static_cast<std::int64_t>(gi.bin[f]));
    p.emplace_back("confidence", confidence(gi.bin[f]));
}

void print_bins(const geo::GiStarResult& gi, const std::string& what) {
    std::map<int, std::size_t> per_bin;
    for (int b : gi.bin) ++per_bin[b];
    std::cout << fmt::format("{} {}: mean {:.3f}, sd {:.3f}{}\n", thousands(static_cast<std::int64_t>(gi.bin.size())),
                             what, gi.mean, gi.sd, gi.p_fdr.empty() ? "" : ", FDR-corrected bins");
    for (int b : {3, 2, 1, -1, -2, -3})
        std::cout << "  " << pad(confidence(b), 10) << pad(thousands(static_cast<std::int64_t>(per_bin[b])), 8, true) << '\n';
}

geo::WeightsSpec weights_of(const Args& a, geo::WeightsSpec fallback) {
    if (a.band_m != 0 && a.k != 0) throw geo::BadInput("--band and --k: give one or the other");
    if (a.band_m != 0) return geo::DistanceBand{a.band_m};
    if (a.k != 0) return geo::KNearest{static_cast<std::size_t>(a.k)};
    return fallback;
}

int run_gi(const Args& a, const geo::District& d, const std::vector<std::uint32_t>& kept,
           const std::optional<geo::Envelope>& extent) {
    std::vector<geo::OutputFeature> features;
    if (a.neighbourhoods) {
        const auto assigned = geo::neighbourhood_of_incidents(d);
        geo::NeighbourhoodGiOptions o{weights_of(a, geo::KNearest{8}), a.per_1000, a.fdr};
        const geo::NeighbourhoodGi r = geo::neighbourhood_gi_star(d, assigned, kept, o);
        std::vector<std::size_t> incidents(d.neighbourhoods.size(), 0);
        for (std::uint32_t i : kept)
            if (assigned[i] >= 0) ++incidents[static_cast<std::size_t>(assigned[i])];
        for (std::size_t f = 0; f < r.neighbourhoods.size(); ++f) {
            const geo::Neighbourhood& n = d.neighbourhoods[r.neighbourhoods[f]];
            geo::PropertyList p = {{"id", n.id}, {"name", n.name}, {"incidents", count(incidents[r.neighbourhoods[f]])}};
            if (a.per_1000) p.emplace_back("per_1000", number(r.values[f]));
            add_gi(p, r.gi, f);
            features.push_back({n.area, std::move(p)});
        }
        geo::write_geojson_wgs84(a.out, d.metadata.crs, "hotspots_gi_neighbourhoods", features);
        print_bins(r.gi, a.per_1000 ? "neighbourhoods (incidents per 1,000 people)" : "neighbourhoods (incidents)");
    } else {
        if (a.per_1000) throw geo::BadInput("--per-1000 needs --neighbourhoods (cells have no population)");
        geo::GridGiOptions o{a.cell_m, weights_of(a, geo::DistanceBand{3 * a.cell_m}), a.fdr, extent};
        const geo::GridGi r = geo::grid_gi_star(d, kept, o);
        for (std::size_t f = 0; f < r.cells.size(); ++f) {
            geo::PropertyList p = {{"cell", count(r.cells[f])}, {"incidents", count(static_cast<std::size_t>(r.counts[f]))}};
            add_gi(p, r.gi, f);
            features.push_back({geo::cell_square(r.grid, r.cells[f]), std::move(p)});
        }
        geo::write_geojson_wgs84(a.out, d.metadata.crs, "hotspots_gi_cells", features);
        print_bins(r.gi, fmt::format("cells of {} m", a.cell_m));
    }
    // Its style beside it: QGIS opens the file coloured by bin, as the app draws it.
    const auto qml = geo::write_qml_beside(a.out, geo::gi_bins_qml());
    note() << "wrote " << a.out << " (style for QGIS: " << qml.string() << ")\n";
    return 0;
}

int run_dbscan(const Args& a, const geo::District& d, const std::vector<std::uint32_t>& kept) {
    const geo::ClusterAnalysis r = geo::cluster_incidents(d, kept, {a.eps_m, static_cast<std::size_t>(a.min_points)});
    std::vector<geo::OutputFeature> features;
    for (const auto& c : r.clusters) {
        geo::PropertyList p = {{"cluster", static_cast<std::int64_t>(c.id)},
                               {"incidents", count(c.incidents)},
                               {"core_points", count(c.core_points)},
                               {"dominant_fraud_type", std::string(geo::name_of(c.dominant_fraud_type))},
                               {"dominant_fraud_type_incidents", count(c.dominant_fraud_type_incidents)},
                               {"first_date", geo::format_local(c.first, d.metadata.timezone, "%Y-%m-%d")},
                               {"last_date", geo::format_local(c.last, d.metadata.timezone, "%Y-%m-%d")},
                               {"area_m2", geo::area_m2(c.generalised_hull)}};
        // No victim details in the file (losses and age bands stay on the terminal, below), and
        // the outline of the cases' 100 m cells rather than a hull whose corners are cases.
        features.push_back({c.generalised_hull, std::move(p)});
    }
    geo::write_geojson_wgs84(a.out, d.metadata.crs, "hotspots_dbscan", features);
    std::cout << fmt::format("{} clusters (eps {} m, min {} points) hold {} of {} incidents; {} are noise\n",
                             r.clusters.size(), a.eps_m, a.min_points,
                             thousands(static_cast<std::int64_t>(kept.size() - r.noise)),
                             thousands(static_cast<std::int64_t>(kept.size())), thousands(static_cast<std::int64_t>(r.noise)));
    if (!r.clusters.empty())
        std::cout << "  Cluster  Cases     Loss (¥)  Fraud type            Age band\n";
    for (const auto& c : r.clusters)
        std::cout << pad(std::to_string(c.id), 9, true) << pad(thousands(static_cast<std::int64_t>(c.incidents)), 7, true)
                  << pad(thousands(static_cast<std::int64_t>(c.loss_yuan + 0.5)), 13, true) << "  "
                  << pad(std::string(geo::name_of(c.dominant_fraud_type)), 22) << geo::name_of(c.dominant_age_band) << '\n';
    note() << "wrote " << a.out << '\n';
    return 0;
}

int run_emerging(const Args& a, const geo::District& d, const std::vector<std::uint32_t>& kept,
                 const std::optional<geo::Envelope>& extent) {
    geo::EmergingOptions o;
    o.cell_m = a.cell_m;
    o.weights = weights_of(a, geo::DistanceBand{3 * a.cell_m});
    o.extent = extent;
    const geo::EmergingHotspots r = geo::emerging_hotspots(d, kept, o);
    std::vector<geo::OutputFeature> features;
    std::map<geo::TrendClass, std::size_t> per_class;
    for (const auto& c : r.cells) {
        ++per_class[c.trend_class];
        geo::PropertyList p = {{"cell", count(c.cell)},
                               {"incidents", count(c.incidents)},
                               {"weeks", count(r.weeks.size())},
                               {"hot_weeks", count(c.hot_weeks)},
                               {"hot_final_week", static_cast<std::int64_t>(c.hot_final_week)},
                               {"trend_s", c.trend.s},
                               {"trend_z", c.trend.z},
                               {"trend_p", c.trend.p},
                               {"trend_class", std::string(geo::name_of(c.trend_class))}};
        features.push_back({geo::cell_square(r.grid, c.cell), std::move(p)});
    }
    geo::write_geojson_wgs84(a.out, d.metadata.crs, "hotspots_emerging", features);
    std::cout << fmt::format("{} cells of {} m over {} ISO weeks\n", thousands(static_cast<std::int64_t>(r.cells.size())),
                             a.cell_m, r.weeks.size());
    for (const auto& name : geo::EnumNames<geo::TrendClass>::names)
        std::cout << "  " << pad(std::string(name), 14)
                  << pad(thousands(static_cast<std::int64_t>(per_class[*geo::parse_enum<geo::TrendClass>(name)])), 8, true) << '\n';
    note() << "wrote " << a.out << '\n';
    return 0;
}

}  // namespace

void add_hotspots_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand(
        "hotspots", "Hot spots as GeoJSON: Getis-Ord Gi* on cells or neighbourhoods, DBSCAN clusters, or weekly trends");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--method", a->method,
                    "gi (Getis-Ord Gi*), dbscan (clusters of cases) or emerging (weekly trend class per cell)")
        ->required();
    cmd->add_option("--out", a->out, "Output .geojson (WGS84)")->required();
    cmd->add_option("--cell", a->cell_m, "gi, emerging: cell size in metres")->capture_default_str();
    cmd->add_option("--band", a->band_m,
                    "gi, emerging: neighbours within this distance in metres (default 3 cells; with "
                    "--neighbourhoods the default is --k 8)");
    cmd->add_option("--k", a->k, "gi, emerging: the k nearest cells or neighbourhoods are neighbours, instead of --band");
    cmd->add_option("--extent", a->extent, "gi, emerging: grid from minx,miny,maxx,maxy (metres) instead of the district");
    cmd->add_flag("--neighbourhoods", a->neighbourhoods, "gi: on neighbourhoods instead of grid cells");
    cmd->add_flag("--per-1000", a->per_1000, "gi --neighbourhoods: incidents per 1,000 residents + transients");
    cmd->add_flag("--fdr", a->fdr, "gi: bins from Benjamini-Hochberg false-discovery-rate adjusted p-values");
    cmd->add_option("--eps", a->eps_m, "dbscan: neighbourhood radius in metres")->capture_default_str();
    cmd->add_option("--min-points", a->min_points, "dbscan: cases within --eps (itself included) for a core point")
        ->capture_default_str();
    cmd->add_option("--from", a->selection.from, "Cases from this date or time (ISO 8601, workspace time zone)");
    cmd->add_option("--to", a->selection.to, "Cases up to this date (the whole day) or before this time");
    cmd->add_option("--type", a->selection.types, "Only these fraud types (repeatable)");
    cmd->add_option("--where", a->selection.where, "Only cases whose (extra) field has this value: FIELD=VALUE (repeatable)");
    cmd->callback([=, &action] {
        const bool k_given = cmd->count("--k") > 0, band_given = cmd->count("--band") > 0;
        std::vector<std::string> grid_flags, dbscan_flags;  // given, and meaningful to one family of methods
        for (const char* flag : {"--cell", "--band", "--k", "--extent"})
            if (cmd->count(flag)) grid_flags.emplace_back(flag);
        for (const char* flag : {"--eps", "--min-points"})
            if (cmd->count(flag)) dbscan_flags.emplace_back(flag);
        action = [=] {
            const Args& args = *a;
            if (args.method == "dbscan" && !grid_flags.empty())
                throw geo::BadInput(grid_flags.front() + " applies to --method gi or emerging, not dbscan");
            if (args.method != "dbscan" && !dbscan_flags.empty())
                throw geo::BadInput(dbscan_flags.front() + " applies to --method dbscan");
            if (k_given && args.k < 1) throw geo::BadInput(fmt::format("--k {} must be at least 1", args.k));
            if (args.min_points < 1) throw geo::BadInput(fmt::format("--min-points {} must be at least 1", args.min_points));
            if (band_given && !(args.band_m > 0)) throw geo::BadInput(fmt::format("--band {} must be a positive distance in metres", args.band_m));
            if (args.method != "gi" && args.method != "dbscan" && args.method != "emerging")
                throw geo::BadInput("--method '" + args.method + "' is not one of gi, dbscan or emerging");
            if (args.neighbourhoods && args.method != "gi") throw geo::BadInput("--neighbourhoods applies to --method gi");
            if (args.fdr && args.method != "gi") throw geo::BadInput("--fdr applies to --method gi");
            // Reading, then the analysis and its file: a bar on stderr for large districts.
            ProgressLine progress("hot spots");
            progress.update(0, 2);
            const geo::District d = geo::read_district(args.workspace);
            progress.update(1, 2);
            const geo::Selection selection = geo::parse_selection(args.selection, d.metadata.timezone);
            const std::vector<std::uint32_t> kept = geo::select_incidents(d, selection);
            if (kept.empty()) throw geo::BadInput(args.workspace + ": no incidents match --from/--to/--type/--where");
            std::optional<geo::Envelope> extent;
            if (!args.extent.empty()) extent = geo::parse_extent(args.extent);
            const int rc = args.method == "dbscan"     ? run_dbscan(args, d, kept)
                           : args.method == "emerging" ? run_emerging(args, d, kept, extent)
                                                       : run_gi(args, d, kept, extent);
            progress.update(2, 2);
            progress.finish();
            return rc;
        };
    });
}

}  // namespace cli
