// patrolmap evaluate WS --train-until DATE [--horizon 30d] [heatmap options] [--json]: scores the
// heatmap built from the cases before DATE on the cases after it (hit rate, PAI, PEI at 5% and
// 10% of the study area), beside a naive forecast (last period's counts per cell).
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/evaluate/evaluate.h"
#include "geo/evaluate/selection_args.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

nlohmann::json optional_number(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json to_json(const geo::ForecastScore& s) {
    return {{"pai_5", optional_number(s.at_5.pai)},       {"pai_10", optional_number(s.at_10.pai)},
            {"hit_5", optional_number(s.at_5.hit_rate)},  {"hit_10", optional_number(s.at_10.hit_rate)},
            {"pei_5", optional_number(s.at_5.pei)},       {"pei_10", optional_number(s.at_10.pei)}};
}

std::string figure(const std::optional<double>& v, const char* format) { return v ? fmt::format(fmt::runtime(format), *v) : "–"; }

void print_row(const char* forecast, const geo::AreaShareScore& s) {
    std::cout << "  " << pad(forecast, 9) << pad(fmt::format("{:.0f}%", s.area_share * 100), 5, true)
              << pad(thousands(static_cast<std::int64_t>(s.cells)), 8, true)
              << pad(fmt::format("{}/{}", s.hits, s.test_incidents), 12, true)
              << pad(s.hit_rate ? fmt::format("{:.1f}%", *s.hit_rate * 100) : "–", 10, true)
              << pad(figure(s.pai, "{:.2f}"), 8, true) << pad(figure(s.pei, "{:.3f}"), 8, true) << '\n';
}

}  // namespace

void add_evaluate_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand(
        "evaluate", "Score the heatmap of the cases before a date on the cases after it: hit rate, PAI and PEI");
    struct Args {
        std::string workspace, train_until, horizon = "30d", kernel = "quartic", extent, weight = "none";
        double radius_m = 0, cell_m = 100;
        bool json = false;
        geo::SelectionArgs selection;
    };
    auto a = std::make_shared<Args>();
    auto half_life = std::make_shared<double>(0);
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--train-until", a->train_until,
                    "The heatmap uses the cases before this date (ISO 8601, workspace time zone); the cases from it are scored")
        ->required();
    cmd->add_option("--horizon", a->horizon, "Scored window after --train-until, and the naive forecast's window before it: 30d, 4w, 12h")
        ->capture_default_str();
    cmd->add_option("--radius", a->radius_m, "Kernel bandwidth in metres (default: the heatmap's rule over the training cases)");
    cmd->add_option("--cell", a->cell_m, "Cell size in metres")->capture_default_str();
    cmd->add_option("--kernel", a->kernel, "Kernel: " + geo::allowed_kernel_names())->capture_default_str();
    cmd->add_option("--extent", a->extent, "Grid from minx,miny,maxx,maxy (metres) instead of the district");
    cmd->add_option("--half-life", *half_life, "Weight cases by recency: halves every DAYS before --train-until");
    cmd->add_option("--weight", a->weight, "none (each case counts 1) or loss (the heatmap weighs cases by yuan lost)")
        ->capture_default_str();
    cmd->add_option("--from", a->selection.from, "The heatmap uses cases from this date only (default: all before)");
    cmd->add_option("--type", a->selection.types, "Only these fraud types (repeatable)");
    cmd->add_option("--where", a->selection.where,
                    "Only cases whose (extra) field has this value: FIELD=VALUE (repeatable), e.g. CATEGORY=BURGLARY");
    cmd->add_flag("--json", a->json,
                  "Print {\"kde\": {pai_5, pai_10, hit_5, hit_10, pei_5, pei_10}, \"naive\": {...}, ...}");
    cmd->callback([=, &action] {
        const bool half_life_given = cmd->count("--half-life") > 0, radius_given = cmd->count("--radius") > 0;
        action = [=] {
            const geo::District d = geo::read_district(a->workspace);
            const std::string& zone = d.metadata.timezone;
            geo::EvaluateOptions o;
            o.train_until = geo::parse_time_flag(a->train_until, zone, "--train-until");
            o.horizon = geo::parse_duration(a->horizon, "--horizon");
            if (radius_given) o.radius_m = a->radius_m;
            o.cell_m = a->cell_m;
            o.kernel = geo::parse_kernel_flag(a->kernel);
            if (!a->extent.empty()) o.extent = geo::parse_extent(a->extent);
            if (half_life_given) o.half_life_days = *half_life;
            o.weight = geo::parse_weight_flag(a->weight);
            geo::SelectionArgs selection = a->selection;
            selection.from.clear();  // --from bounds the training cases only, not the scored ones
            const geo::Selection parsed = geo::parse_selection(selection, zone);
            o.filter = parsed.filter;
            o.where = parsed.where;
            if (!a->selection.from.empty()) o.train_from = geo::parse_time_flag(a->selection.from, zone, "--from");

            const geo::Evaluation ev = geo::evaluate_forecasts(d, o);
            if (a->json) {
                nlohmann::json j = {{"kde", to_json(ev.kde)},
                                    {"naive", to_json(ev.naive)},
                                    {"train_until", geo::format_iso8601_utc(o.train_until)},
                                    {"horizon_days", static_cast<double>(o.horizon.count()) / 86400},
                                    {"radius_m", ev.radius_m},
                                    {"cell_m", o.cell_m},
                                    {"train_incidents", ev.train_incidents},
                                    {"test_incidents", ev.test_incidents},
                                    {"test_outside", ev.test_outside},
                                    {"study_cells", ev.study_cells},
                                    {"cells_5", ev.kde.at_5.cells},
                                    {"cells_10", ev.kde.at_10.cells}};
                std::cout << j.dump(2) << '\n';
                return 0;
            }
            const std::string until = geo::format_local(o.train_until, zone, "%Y-%m-%d %H:%M");
            const std::string end = geo::format_local(o.train_until + o.horizon, zone, "%Y-%m-%d %H:%M");
            std::cout << fmt::format("Heatmap   {} kernel, radius {:.0f} m{}, {} m cells{}{}\n", geo::name_of(o.kernel),
                                     ev.radius_m, ev.radius_is_default ? " (default rule)" : "", o.cell_m,
                                     o.half_life_days ? fmt::format(", half-life {} days", *o.half_life_days) : "",
                                     o.weight == geo::HeatmapWeight::loss ? ", weighted by loss" : "")
                      << "Trained   on " << thousands(static_cast<std::int64_t>(ev.train_incidents)) << " cases before "
                      << until << " (" << zone << ")\n"
                      << "Scored    " << thousands(static_cast<std::int64_t>(ev.test_incidents)) << " cases in [" << until
                      << ", " << end << ") inside the study area"
                      << (ev.test_outside ? fmt::format(" ({} outside it, not scored)", ev.test_outside) : "") << '\n'
                      << "Study     " << thousands(static_cast<std::int64_t>(ev.study_cells)) << " cells; naive forecast from "
                      << thousands(static_cast<std::int64_t>(ev.naive_incidents)) << " cases in the " << a->horizon
                      << " before\n\n"
                      << "  Forecast  Area   Cells        Hits  Hit rate     PAI     PEI\n";
            print_row("heatmap", ev.kde.at_5);
            print_row("heatmap", ev.kde.at_10);
            print_row("naive", ev.naive.at_5);
            print_row("naive", ev.naive.at_10);
            return 0;
        };
    });
}

}  // namespace cli
