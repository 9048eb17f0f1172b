// A second program editing the workspace, for the concurrency test (concurrent_edit_test.cpp):
// N writes in a row through the same geo/ calls the app makes, each from a fresh read, as a
// user working beside another program would.
//
//   edit_child posters WS N TAG   N app saves (save_posters), each adding poster TAG-k
//   edit_child ticks WS N TAG     N visit ticks (commit_visits, as the Routes tab does), each
//                                 a visit of building B(k) on 2021-06-2x
//   edit_child reads WS N         N reads (read_district), each printed as
//                                 "read CHANGE POSTERS VISITS" (counts of the test's rows)
//
// Prints "saved ID" after each committed write, "refused ID: MESSAGE" when a write is refused
// with BadInput. Exit 0, or 1 with any other error on stderr.
#include <cstdio>
#include <exception>
#include <string>

#include "geo/edit/autosave.h"
#include "geo/edit/edit_history.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"

namespace {

void say(const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
}

void posters(const std::string& ws, int n, const std::string& tag) {
    for (int k = 0; k < n; ++k) {
        geo::District d = geo::read_district(ws);
        geo::EditHistory history;
        geo::Poster p;
        p.id = tag + "-" + std::to_string(k);
        p.kind = geo::PosterKind::poster;
        p.building_id = d.buildings[static_cast<std::size_t>(k)].id;
        p.location = d.buildings[static_cast<std::size_t>(k)].location;
        history.perform(d, geo::AddPoster{p, std::nullopt});
        try {
            geo::save_posters(ws, d, history);
            say("saved " + p.id);
        } catch (const geo::BadInput& e) {
            say("refused " + p.id + ": " + e.what());
        }
    }
}

// Building of tick k: from the end of the list, apart from the command line's (test's) ones.
void ticks(const std::string& ws, int n, const std::string& tag) {
    for (int k = 0; k < n; ++k) {
        geo::District d = geo::read_district(ws);
        const geo::VisitTables base{d.planned_visits, d.visits};
        geo::VisitTables mine = base;
        const std::string building = d.buildings[d.buildings.size() - 1 - static_cast<std::size_t>(k)].id;
        mine.visits.push_back({building, "2021-06-2" + std::to_string(k % 8), "", tag, "2021-06-30T00:00:00Z"});
        try {
            geo::commit_visits(ws, base, mine);
            say("saved " + building);
        } catch (const geo::BadInput& e) {
            say("refused " + building + ": " + e.what());
        }
    }
}

void reads(const std::string& ws, int n) {
    for (int k = 0; k < n; ++k) {
        const geo::District d = geo::read_district(ws);
        std::size_t tagged = 0;
        for (const auto& p : d.posters) tagged += p.id.find('-') != std::string::npos && p.id[0] == 'A';
        say("read " + std::to_string(d.metadata.change) + " " + std::to_string(tagged) + " " +
            std::to_string(d.visits.size()));
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: edit_child posters|ticks WS N TAG | reads WS N\n");
        return 2;
    }
    const std::string mode = argv[1], ws = argv[2];
    const int n = std::stoi(argv[3]);
    try {
        if (mode == "posters" && argc == 5) posters(ws, n, argv[4]);
        else if (mode == "ticks" && argc == 5) ticks(ws, n, argv[4]);
        else if (mode == "reads") reads(ws, n);
        else {
            std::fprintf(stderr, "edit_child: unknown mode %s\n", mode.c_str());
            return 2;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "edit_child %s: %s\n", mode.c_str(), e.what());
        return 1;
    }
    return 0;
}
