#pragma once
// patrolmap tracks WS ACTION [...]: patrol GPS tracks (issue 13). One action per run, each a
// function in its own file (cmd_tracks_<action>.cpp) taking the one set of parsed flags;
// cmd_tracks.cpp registers the flags and lists the actions. To add one: its flags below and in
// add_tracks_command, its entry in tracks_actions(), its function in its own file.
#include <string>
#include <vector>

#include "app/cli/commands.h"
#include "geo/model/district.h"

namespace cli {

struct TracksArgs {
    std::string workspace;
    // --import FILE [--officer P03] [--mode walking|driving] [--src-crs CRS] [--max-speed 200] [--skip-invalid]
    std::string import_path;
    std::string officer;
    std::string mode = "walking";
    std::string src_crs;
    double max_speed_kmh = 200;
    bool skip_invalid = false;
    // --match [--week W | --track ID] [--out matched.geojson]
    bool match = false;
    std::string week;
    std::string track;
    std::string out;
    // --visits --week W [--radius 30] [--min-minutes 2] [--dry-run]
    bool visits = false;
    double radius_m = 30;
    double min_minutes = 2;
    bool dry_run = false;
};

// The actions (exit code; geo::BadInput for bad input, with the workspace unchanged).
int import_tracks(const TracksArgs& args);  // cmd_tracks_import.cpp
int match_tracks(const TracksArgs& args);   // cmd_tracks_match.cpp
int track_visits(const TracksArgs& args);   // cmd_tracks_visits.cpp

// The tracks --match and --visits look at: those starting inside --week, or the one --track
// names; BadInput when none (cmd_tracks_match.cpp).
std::vector<const geo::Track*> chosen_tracks(const geo::District& d, const TracksArgs& a);

}  // namespace cli
