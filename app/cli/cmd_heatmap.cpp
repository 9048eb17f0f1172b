// patrolmap heatmap WS --cell M [--radius M] [--kernel K] [--from DATE] [--to DATE] [--type T...]
//     [--weight loss|none] [--half-life DAYS] [--extent minx,miny,maxx,maxy] [--per-capita]
//     [--station ID] [--threads N] --out FILE.tif|FILE.png
// An exact kernel density surface of the selected incidents (geo/density/heatmap.h), written as
// a georeferenced float32 GeoTIFF or a coloured PNG with a legend. A window, an extent with a
// radius, or a station is read from the store as a query (geo/density/heatmap_query.h), so a
// city database is not read whole.
#include <charconv>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "geo/render/qgis_style.h"
#include "app/cli/text_format.h"
#include "geo/density/heatmap.h"
#include "geo/density/heatmap_query.h"
#include "geo/density/raster_output.h"
#include "geo/evaluate/selection_args.h"
#include "geo/io/incident_query.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

struct HeatmapArgs {
    std::string workspace;
    std::string output;
    std::string radius_m;
    std::string cell_m;
    std::string kernel = "quartic";
    std::string from;
    std::string to;
    std::vector<std::string> types;
    std::string weight = "none";
    std::string half_life_days;
    std::string extent;
    bool per_capita = false;
    std::string station;
    unsigned threads = 0;
};

// A whole decimal number ("300", "12.5", "1e3"); BadInput naming the flag otherwise.
double number_flag(const std::string& text, const std::string& flag, const char* unit) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
        throw geo::BadInput(fmt::format("{} '{}' is not a number of {}", flag, text, unit));
    return value;
}

geo::HeatmapOptions to_options(const HeatmapArgs& a, const std::string& zone) {
    geo::HeatmapOptions o;
    o.filter = geo::parse_selection({a.from, a.to, a.types, {}}, zone).filter;
    o.kernel = geo::parse_kernel_flag(a.kernel);
    o.cell_m = number_flag(a.cell_m, "--cell", "metres");
    if (!a.radius_m.empty()) o.radius_m = number_flag(a.radius_m, "--radius", "metres");
    o.weight = geo::parse_weight_flag(a.weight);
    if (!a.half_life_days.empty()) o.half_life_days = number_flag(a.half_life_days, "--half-life", "days");
    if (!a.extent.empty()) o.extent = geo::parse_extent(a.extent);
    o.per_capita = a.per_capita;
    return o;
}

std::string window_text(const geo::HeatmapOptions& o, const std::string& zone) {
    if (!o.filter.window) return "all time";
    const auto& w = *o.filter.window;
    const std::string from = w.from == geo::Timestamp::min() ? "start" : geo::format_local(w.from, zone, "%Y-%m-%d %H:%M");
    const std::string to = w.to == geo::Timestamp::max() ? "end" : geo::format_local(w.to, zone, "%Y-%m-%d %H:%M");
    return from + " to " + to + " (" + zone + ", end excluded)";
}

int run_heatmap(const HeatmapArgs& a) {
    // Refuse a bad --out before the work.
    const geo::RasterFormat format = geo::raster_format_for(a.output);
    const std::filesystem::path out_dir = std::filesystem::absolute(a.output).parent_path();
    if (!std::filesystem::is_directory(out_dir))
        throw geo::BadInput("--out '" + a.output + "': the folder " + out_dir.string() + " does not exist");
    // A window, a station or a box: only what the surface needs, the query made once the
    // workspace's zone is known (--from and --to are local times). Else the whole workspace.
    geo::HeatmapOptions options;
    geo::IncidentQuery query;
    const bool narrowed = !a.from.empty() || !a.to.empty() || !a.station.empty() || (!a.extent.empty() && !a.radius_m.empty());
    const geo::District district =
        narrowed ? geo::read_incident_query(a.workspace,
                                            [&](const geo::Metadata& m) {
                                                options = to_options(a, m.timezone);
                                                query = geo::heatmap_incident_query(options, a.station);
                                                return query;
                                            })
                       .district
                 : geo::read_district(a.workspace);
    if (!narrowed) options = to_options(a, district.metadata.timezone);

    ProgressLine progress("heatmap");
    geo::KdeRun run;
    run.threads = a.threads;
    run.progress = [&progress](int done, int total) {
        progress.update(static_cast<std::size_t>(done), static_cast<std::size_t>(total));
    };
    const geo::Heatmap heatmap = geo::make_heatmap(district, options, run);
    progress.finish();

    const std::string radius_text = fmt::format("{:.1f}", heatmap.radius_m);
    if (format == geo::RasterFormat::geotiff) {
        geo::RasterLabels labels;
        labels.crs = district.metadata.crs;
        labels.units = heatmap.units;
        labels.metadata = {
            {"PATROLMAP_UNITS", heatmap.units},
            {"PATROLMAP_KERNEL", std::string(geo::name_of(options.kernel))},
            {"PATROLMAP_RADIUS_M", radius_text},
            {"PATROLMAP_CELL_M", fmt::format("{}", heatmap.grid.cell_m)},
            {"PATROLMAP_WEIGHT", a.weight},
            {"PATROLMAP_HALF_LIFE_DAYS", a.half_life_days.empty() ? "none" : a.half_life_days},
            {"PATROLMAP_WINDOW", window_text(options, district.metadata.timezone)},
            {"PATROLMAP_INCIDENTS", std::to_string(heatmap.incidents)},
            {"PATROLMAP_VALUES", "density at cell centres, exact sum over incidents"},
        };
        if (district.metadata.synthetic) labels.metadata.push_back({"PATROLMAP_SYNTHETIC", "true"});
        geo::write_geotiff(a.output, heatmap.grid, heatmap.values, labels);
        geo::write_qml_beside(a.output, geo::heat_ramp_qml(heatmap.max_value));  // QGIS draws it as the PNG is
    } else {
        geo::write_heatmap_png(a.output, heatmap.grid, heatmap.values, heatmap.max_value, heatmap.units);
    }

    const geo::Grid& g = heatmap.grid;
    note() << fmt::format("Wrote {} ({})\n", a.output, format == geo::RasterFormat::geotiff ? "float32 GeoTIFF" : "PNG with legend")
              << fmt::format("  grid      {} x {} cells of {} m, lower-left corner ({:.1f}, {:.1f}), {}\n", g.width, g.height,
                             g.cell_m, g.origin.x, g.origin.y, district.metadata.crs)
              << fmt::format("  kernel    {}, radius {} m{}\n", geo::name_of(options.kernel), radius_text,
                             heatmap.radius_is_default ? " (default: Silverman's rule as ArcGIS applies it)" : "")
              << fmt::format("  incidents {} selected{}{}, {}\n", thousands(static_cast<std::int64_t>(heatmap.incidents)),
                             query.box ? " within the grid's reach" : "", a.station.empty() ? "" : " of station " + a.station,
                             window_text(options, district.metadata.timezone));
    if (heatmap.decay_reference)
        std::cout << fmt::format("  weights   halve every {} days before {}\n", a.half_life_days,
                                 geo::format_local(*heatmap.decay_reference, district.metadata.timezone, "%Y-%m-%d %H:%M:%S"));
    std::cout << fmt::format("  maximum   {:.6g} {}\n", heatmap.max_value, heatmap.units);
    return 0;
}

}  // namespace

void add_heatmap_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("heatmap", "Kernel density heatmap of incidents: GeoTIFF (.tif) or PNG with legend (.png)");
    auto a = std::make_shared<HeatmapArgs>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg or PG:...)")->required();
    cmd->add_option("--out", a->output, "Output: .tif (float32 GeoTIFF) or .png (colours and legend)")->required()->type_name("FILE");
    cmd->add_option("--cell", a->cell_m, "Cell size, metres")->required()->type_name("M");
    cmd->add_option("--radius", a->radius_m,
                    "Kernel bandwidth h, metres (default: Silverman's rule as ArcGIS applies it, printed)")
        ->type_name("M");
    cmd->add_option("--kernel", a->kernel, "quartic (= biweight), triangular, uniform, epanechnikov or gaussian (h = 3 sigma)")
        ->capture_default_str()
        ->type_name("K");
    cmd->add_option("--from", a->from, "First time included (ISO 8601, workspace time zone)")->type_name("DATE");
    cmd->add_option("--to", a->to, "End of the window (ISO 8601; a date alone includes that day)")->type_name("DATE");
    cmd->add_option("--type", a->types, "Fraud types to keep (repeatable; default all)")->type_name("T");
    cmd->add_option("--weight", a->weight, "none (count incidents) or loss (yuan lost)")->capture_default_str()->type_name("W");
    cmd->add_option("--half-life", a->half_life_days, "Recency weighting: weights halve every DAYS before the window end")
        ->type_name("DAYS");
    cmd->add_option("--extent", a->extent, "Grid extent in the workspace CRS (default: neighbourhoods, snapped to the cell grid)")
        ->type_name("MINX,MINY,MAXX,MAXY");
    cmd->add_flag("--per-capita", a->per_capita, "Incidents per 1,000 people (residents + transients) instead of per km2");
    cmd->add_option("--station", a->station, "Only this station's incidents (their station_id)")->type_name("ID");
    cmd->add_option("--threads", a->threads, "Threads (default: all cores; the result is the same for any count)")->type_name("N");
    cmd->callback([=, &action] { action = [=] { return run_heatmap(*a); }; });
}

}  // namespace cli
