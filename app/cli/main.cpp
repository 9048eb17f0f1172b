// patrolmap: the command line. One subcommand per file (cmd_*.cpp).
#include <sys/stat.h>

#include <iostream>

#include <fmt/format.h>
#include <gdal.h>
#include <proj.h>

#include "app/cli/cmd_review.h"
#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/util/error.h"

int main(int argc, char** argv) {
    // A station's data is personal data: whatever this process creates (workspaces, journals,
    // reports, exports, the folders for them, GDAL's side files) is for its owner alone.
    ::umask(077);
    CLI::App app{"PatrolMap 反诈巡防图: anti-fraud and community-patrol maps for a police station"};
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Help for every subcommand");
    app.set_version_flag("--version", fmt::format("patrolmap {} (GDAL {}, PROJ {}.{}.{})", PATROLMAP_VERSION,
                                                  GDALVersionInfo("RELEASE_NAME"), PROJ_VERSION_MAJOR, PROJ_VERSION_MINOR,
                                                  PROJ_VERSION_PATCH));
    bool quiet = false;
    app.add_flag("--quiet,-q", quiet, "No progress bars or summary lines on stderr; results still go to stdout");
    // Options a subcommand does not know (--quiet) fall through to the program: "patrolmap
    // import WS SRC --layer incidents --quiet" works. Set before the subcommands, which inherit it.
    app.fallthrough();
    cli::Action action;
    cli::add_info_command(app, action);
    cli::add_new_command(app, action);
    cli::add_import_command(app, action);
    cli::add_export_command(app, action);
    cli::add_sample_command(app, action);
    cli::add_gui_command(app, action);
    cli::add_bench_command(app, action);
    cli::add_banners_command(app, action);
    cli::add_coverage_command(app, action);
    cli::add_bench_banners_command(app, action);
    cli::add_tsp_command(app, action);
    cli::add_bench_tsp_command(app, action);
    cli::add_bench_vrptw_command(app, action);
    cli::add_bench_matrix_command(app, action);
    cli::add_bench_isochrones_command(app, action);
    cli::add_routes_command(app, action);
    cli::add_heatmap_command(app, action);
    cli::add_bench_heatmap_command(app, action);
    cli::add_bench_city_command(app, action);
    cli::add_bench_review_command(app, action);
    cli::add_hotspots_command(app, action);
    cli::add_change_command(app, action);
    cli::add_evaluate_command(app, action);
    cli::add_visits_command(app, action);
    cli::add_progress_command(app, action);
    cli::add_review_command(app, action);
    cli::add_respond_command(app, action);
    cli::add_isochrones_command(app, action);
    cli::add_within_command(app, action);
    cli::add_cards_command(app, action);
    cli::add_settings_command(app, action);
    cli::add_stations_command(app, action);
    cli::add_lectures_command(app, action);
    cli::add_bench_match_command(app, action);
    cli::add_tracks_command(app, action);
    cli::add_copy_command(app, action);
    cli::add_vehicles_command(app, action);
    cli::add_checkpoints_command(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;  // usage errors are bad input
    }
    cli::set_quiet(quiet);
    try {
        return action ? action() : 2;
    } catch (const geo::BadInput& e) {
        std::cerr << "patrolmap: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "patrolmap: internal error: " << e.what() << '\n';
        return 1;
    }
}
