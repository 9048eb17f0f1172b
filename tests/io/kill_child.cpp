// The child the kill test (kill_test.cpp) starts and kills with SIGKILL: one workspace write,
// through the same geo/ calls the app and the command line make, with progress on stdout so
// the test knows what had happened before the kill.
//
//   kill_child save WS N        N poster edits, each journalled (sync_journal, as the app does
//                               after every edit), then the app's save (save_posters)
//   kill_child import WS CSV    patrolmap import's path: incidents from a CSV with columns
//                               id,x,y,time,fraud_type,loss_yuan in the workspace CRS
//   kill_child visits WS N      N visits done added and committed (commit_visits, as the
//                               Routes tab's tick and `patrolmap visits` do)
//
// Prints "ready" once the workspace is read (the test starts its clock then), "synced K" after
// the K-th journal write, and "done" at the end. Exit 0, or 1 with the error on stderr.
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>

#include "geo/edit/autosave.h"
#include "geo/edit/edit_history.h"
#include "geo/edit/poster_edits.h"
#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"

namespace {

void say(const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
}

// Poster id "KILL-<k>" on building B's spot: what the test expects to find after a save.
geo::Poster kill_poster(const geo::District& district, int k) {
    geo::Poster p;
    p.id = "KILL-" + std::to_string(k);
    p.kind = geo::PosterKind::poster;
    const geo::Building& b = district.buildings[static_cast<std::size_t>(k) % district.buildings.size()];
    p.building_id = b.id;
    p.location = b.location;
    p.location.x += 0.5 * k;
    return p;
}

void save(const std::string& ws, int edits) {
    geo::District district = geo::read_district(ws);
    geo::EditHistory history;
    say("ready");
    for (int k = 1; k <= edits; ++k) {
        history.perform(district, geo::AddPoster{kill_poster(district, k), std::nullopt});
        geo::sync_journal(ws, district.metadata, history);
        say("synced " + std::to_string(k));
    }
    geo::save_posters(ws, district, history);
}

void import_csv(const std::string& ws, const std::string& csv) {
    const geo::Metadata m = geo::read_metadata(ws);
    geo::ImportOptions o;
    o.kind = geo::LayerKind::incidents;
    o.source = csv;
    o.lonlat_x = "x";
    o.lonlat_y = "y";
    o.source_crs = m.crs;
    say("ready");
    geo::import_layer(ws, o);
}

void visits(const std::string& ws, int count) {
    const geo::District district = geo::read_district(ws);
    std::vector<geo::VisitRecord> records = district.visits;
    for (int k = 0; k < count; ++k)
        records.push_back({district.buildings[static_cast<std::size_t>(k) % district.buildings.size()].id,
                           "2021-06-1" + std::to_string(k % 7 + 1), "", "kill_child", "2021-06-20T00:00:00Z"});
    say("ready");
    geo::commit_visits(ws, {district.planned_visits, district.visits}, {district.planned_visits, records});
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: kill_child save|import|visits WS N|CSV\n");
        return 2;
    }
    const std::string mode = argv[1], ws = argv[2], arg = argv[3];
    try {
        if (mode == "save") save(ws, std::stoi(arg));
        else if (mode == "import") import_csv(ws, arg);
        else if (mode == "visits") visits(ws, std::stoi(arg));
        else throw std::runtime_error("unknown mode " + mode);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kill_child: %s\n", e.what());
        return 1;
    }
    say("done");
    return 0;
}
