// A second program editing the workspace, for the concurrency test (concurrent_edit_test.cpp):
// N writes in a row through the same geo/ calls the app makes, each from a fresh read, as a
// user working beside another program would.
//
//   edit_child posters WS N TAG   N app saves (save_posters), each adding poster TAG-k
//   edit_child ticks WS N TAG     N visit ticks (commit_visits, as the Routes tab does), each
//                                 a visit of building B(k) on 2021-06-2x
//   edit_child reads WS N         N reads (read_district), each printed as
//                                 "read CHANGE POSTERS VISITS" (counts of the test's rows)
//   edit_child move WS ID DX GO   one drag of poster ID by DX metres east, saved (save_posters)
//                                 once the file GO exists: "ready" after the read and the edit,
//                                 then "saved ID CHANGE" or "refused ID: MESSAGE"
//   edit_child random WS N SEED TAG
//                                 N random edits committed, as a planner working for a while:
//                                 each adds a poster TAG-k, or moves or deletes one of its own
//                                 (TAG-...) or a shared one (S-...), on the posters as the last
//                                 save or read left them, and saves it at once (save_posters: the
//                                 edit history's merge onto what others committed meanwhile). A
//                                 refused save is followed by a fresh read and another edit.
//                                 Prints "saved CHANGE EDIT" (the edit as journal JSON) per
//                                 commit, "refused: MESSAGE" per refusal, "failed: MESSAGE" per
//                                 IoError (a read or save that could not have the workspace;
//                                 also followed by a fresh read and another edit).
//
// Prints "saved ID" after each committed write, "refused ID: MESSAGE" when a write is refused
// with BadInput. Exit 0, or 1 with any other error on stderr.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "geo/edit/autosave.h"
#include "geo/edit/edit_history.h"
#include "geo/edit/edit_json.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"

namespace {

// One line per event: a GDAL message may hold a line break.
void say(std::string line) {
    for (char& c : line)
        if (c == '\n') c = ' ';
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

void move(const std::string& ws, const std::string& id, double dx, const std::string& go) {
    geo::District d = geo::read_district(ws);
    geo::EditHistory history;
    const auto at = geo::find_poster(d, id);
    if (!at) throw std::runtime_error("no poster " + id);
    geo::XY to = d.posters[*at].location;
    to.x += dx;
    history.perform(d, geo::make_move(d, id, to));
    say("ready");
    while (!std::filesystem::exists(go)) std::this_thread::sleep_for(std::chrono::microseconds(200));
    try {
        geo::save_posters(ws, d, history);
        say("saved " + id + " " + std::to_string(d.metadata.change));
    } catch (const geo::BadInput& e) {
        say("refused " + id + ": " + e.what());
    }
}

// Quarter metres are exact in binary, so a move's start compares equal wherever it is read.
double quarter(double v) { return std::round(v * 4) / 4; }

void random_edits(const std::string& ws, int n, unsigned seed, const std::string& tag) {
    std::mt19937_64 random(seed);
    geo::District d;
    bool stale = true;  // read before the next edit
    int added = 0;
    for (int done = 0; done < n;) {
        try {
            if (stale) d = geo::read_district(ws);
            stale = false;
            std::vector<std::size_t> mine;  // its own posters and the shared ones
            for (std::size_t i = 0; i < d.posters.size(); ++i)
                if (d.posters[i].id.rfind(tag + "-", 0) == 0 || d.posters[i].id.rfind("S-", 0) == 0) mine.push_back(i);
            const int roll = std::uniform_int_distribution<int>(0, 9)(random);
            geo::PosterEdit edit;
            if (mine.empty() || roll < 2) {
                geo::Poster p;
                p.id = tag + "-" + std::to_string(++added);
                p.kind = static_cast<geo::PosterKind>(added % 3);
                const geo::Building& b = d.buildings[random() % d.buildings.size()];
                p.building_id = b.id;
                p.location = {quarter(b.location.x), quarter(b.location.y)};
                edit = geo::AddPoster{p, std::nullopt};
            } else {
                const geo::Poster& p = d.posters[mine[random() % mine.size()]];
                if (roll < 4) {
                    edit = geo::make_delete(d, p.id);
                } else {
                    std::uniform_real_distribution<double> step(-30, 30);
                    edit = geo::make_move(d, p.id, {quarter(p.location.x + step(random)), quarter(p.location.y + step(random))});
                }
            }
            geo::EditHistory history;
            history.perform(d, edit);
            geo::save_posters(ws, d, history);
            say("saved " + std::to_string(d.metadata.change) + " " + geo::edit_to_json(edit).dump());
            ++done;
        } catch (const geo::BadInput& e) {
            say(std::string("refused: ") + e.what());
            stale = true;
        } catch (const geo::IoError& e) {
            // A save that failed (a lock not had): nothing written, as the app's user would, try again.
            say(std::string("failed: ") + e.what());
            stale = true;
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: edit_child posters|ticks WS N TAG | reads WS N | move WS ID DX GO | random WS N SEED TAG\n");
        return 2;
    }
    const std::string mode = argv[1], ws = argv[2];
    const int n = mode == "move" ? 0 : std::stoi(argv[3]);
    try {
        if (mode == "posters" && argc == 5) posters(ws, n, argv[4]);
        else if (mode == "ticks" && argc == 5) ticks(ws, n, argv[4]);
        else if (mode == "reads") reads(ws, n);
        else if (mode == "move" && argc == 6) move(ws, argv[3], std::stod(argv[4]), argv[5]);
        else if (mode == "random" && argc == 6) random_edits(ws, n, static_cast<unsigned>(std::stoul(argv[4])), argv[5]);
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
