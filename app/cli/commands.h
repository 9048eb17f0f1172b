#pragma once
// Each `patrolmap` subcommand registers itself on the CLI11 app and leaves the action to run
// once parsing succeeded. main() maps geo::BadInput to exit 2 and other errors to exit 1.
#include <functional>

#include <CLI/CLI.hpp>

namespace cli {

using Action = std::function<int()>;

void add_info_command(CLI::App& app, Action& action);
void add_new_command(CLI::App& app, Action& action);
void add_import_command(CLI::App& app, Action& action);
void add_export_command(CLI::App& app, Action& action);
void add_sample_command(CLI::App& app, Action& action);
void add_gui_command(CLI::App& app, Action& action);
void add_bench_command(CLI::App& app, Action& action);
void add_banners_command(CLI::App& app, Action& action);
void add_coverage_command(CLI::App& app, Action& action);
void add_bench_banners_command(CLI::App& app, Action& action);
void add_tsp_command(CLI::App& app, Action& action);
void add_bench_tsp_command(CLI::App& app, Action& action);
void add_bench_vrptw_command(CLI::App& app, Action& action);
void add_bench_matrix_command(CLI::App& app, Action& action);
void add_bench_isochrones_command(CLI::App& app, Action& action);
void add_routes_command(CLI::App& app, Action& action);
void add_heatmap_command(CLI::App& app, Action& action);
void add_bench_heatmap_command(CLI::App& app, Action& action);
void add_bench_city_command(CLI::App& app, Action& action);
void add_bench_review_command(CLI::App& app, Action& action);
void add_hotspots_command(CLI::App& app, Action& action);
void add_change_command(CLI::App& app, Action& action);
void add_evaluate_command(CLI::App& app, Action& action);
void add_visits_command(CLI::App& app, Action& action);
void add_progress_command(CLI::App& app, Action& action);
void add_respond_command(CLI::App& app, Action& action);
void add_isochrones_command(CLI::App& app, Action& action);
void add_within_command(CLI::App& app, Action& action);
void add_cards_command(CLI::App& app, Action& action);
void add_settings_command(CLI::App& app, Action& action);
void add_stations_command(CLI::App& app, Action& action);
void add_lectures_command(CLI::App& app, Action& action);
void add_bench_match_command(CLI::App& app, Action& action);
void add_tracks_command(CLI::App& app, Action& action);
void add_copy_command(CLI::App& app, Action& action);
void add_vehicles_command(CLI::App& app, Action& action);
void add_checkpoints_command(CLI::App& app, Action& action);

}  // namespace cli
