// patrolmap tracks WS --import FILE [...]: patrol GPS tracks in the workspace. The actions are
// exclusive, one per run; cmd_tracks.h says how to add one.
#include "app/cli/cmd_tracks.h"

#include <functional>
#include <vector>

#include "geo/util/error.h"

namespace cli {
namespace {

struct TracksAction {
    std::string usage;                                // how --help and messages name it
    std::function<bool(const TracksArgs&)> chosen;    // its flag was given
    std::function<int(const TracksArgs&)> run;
};

std::vector<TracksAction> tracks_actions() {
    return {
        {"--import FILE", [](const TracksArgs& a) { return !a.import_path.empty(); }, import_tracks},
        {"--match", [](const TracksArgs& a) { return a.match; }, match_tracks},
        {"--visits --week W", [](const TracksArgs& a) { return a.visits; }, track_visits},
    };
}

std::string usages(const std::vector<const TracksAction*>& actions, const char* separator) {
    std::string out;
    for (const auto* a : actions) out += (out.empty() ? "" : separator) + a->usage;
    return out;
}

int run(const TracksArgs& args) {
    const std::vector<TracksAction> actions = tracks_actions();
    std::vector<const TracksAction*> all, chosen;
    for (const auto& a : actions) {
        all.push_back(&a);
        if (a.chosen(args)) chosen.push_back(&a);
    }
    if (chosen.empty()) throw geo::BadInput("tracks: say what to do: " + usages(all, ", or "));
    if (chosen.size() > 1) throw geo::BadInput("tracks: one action at a time, not " + usages(chosen, " and "));
    return chosen.front()->run(args);
}

}  // namespace

void add_tracks_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<TracksArgs>();
    auto* cmd = app.add_subcommand("tracks", "Patrol GPS tracks: import them (GPX, GeoJSON, CSV, KML), match them to the streets, "
                                             "confirm visits from them");
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--import", a->import_path,
                    "Import tracks from a file: GPX, GeoJSON (points with a time, lines with coordTimes), "
                    "CSV (lon,lat,time[,officer][,track]) or KML (placemarks with a TimeStamp)");
    cmd->add_option("--officer", a->officer, "Whose tracks, for a file that does not say (an officer id)");
    cmd->add_option("--mode", a->mode, "How the officer went: walking or driving (default walking)");
    cmd->add_option("--src-crs", a->src_crs, "CRS of the file when it has none or a wrong one (default WGS84)");
    cmd->add_option("--max-speed", a->max_speed_kmh, "A faster jump between fixes is an error, km/h (default 200)");
    cmd->add_flag("--skip-invalid", a->skip_invalid,
                  "Import the valid points; report the others beside the workspace");
    cmd->add_flag("--match", a->match, "Match tracks to the streets (hidden-Markov matcher) and report them");
    cmd->add_option("--week", a->week, "ISO week of the tracks, e.g. 2021-W24 (--match: default every track)");
    cmd->add_option("--track", a->track, "--match: this track only");
    cmd->add_option("--out", a->out, "--match: the matched streets as .geojson (WGS84) or .gpkg");
    cmd->add_flag("--visits", a->visits, "Record the visits the week's tracks confirm (a dwell near a building) and list "
                                          "the planned stops not visited");
    cmd->add_option("--radius", a->radius_m, "--visits: a dwell within this many metres of a building visits it")->capture_default_str();
    cmd->add_option("--min-minutes", a->min_minutes, "--visits: the shortest dwell that counts, minutes")->capture_default_str();
    cmd->add_flag("--dry-run", a->dry_run, "--visits: report, record nothing");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
