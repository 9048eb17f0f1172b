// Planners editing the same posters at once (issue 14), against both stores: separate programs
// (edit_child), each saving through the app's path (save_posters: the edit history's merge
// onto what others committed, inside one transaction).
//   - Two programs drag the same poster and save at the same moment: one save commits, the
//     other is refused naming the poster, and the poster stands where the winner put it.
//   - 8 programs make random edits (add, move, delete of their own and 16 shared posters), each
//     saved at once, a refused one followed by a fresh read and another edit. Afterwards every
//     commit is a logged edit, and the edits replayed in commit order onto the posters as they
//     were give exactly the posters in the workspace: no committed edit is lost, none applied
//     twice, no refused one half-written. PATROLMAP_RACE_EDITS sets the edits per program (100
//     here; tests/README.md has the full run of 1,000).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/edit/edit_json.h"
#include "geo/edit/poster_edits.h"
#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/workspace_builders.h"
#include "tests/common/workspace_stores.h"

namespace fs = std::filesystem;
using namespace geo;

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }
const std::string kChild = (fs::path(PATROLMAP_BIN_DIR).parent_path() / "tests" / "edit_child").string();

// An excerpt of the sample whose posters are 16 shared ones, S-01..S-16, on its first buildings.
District shared_posters_workspace() {
    District d = test::sample_excerpt(200, 10);
    d.posters.clear();
    for (int k = 1; k <= 16; ++k) {
        Poster p;
        p.id = (k < 10 ? "S-0" : "S-") + std::to_string(k);
        p.kind = PosterKind::poster;
        p.building_id = d.buildings[static_cast<std::size_t>(k)].id;
        p.location = {std::round(d.buildings[static_cast<std::size_t>(k)].location.x),
                      std::round(d.buildings[static_cast<std::size_t>(k)].location.y)};
        d.posters.push_back(p);
    }
    return d;
}

int edits_per_program() {
    const char* set = std::getenv("PATROLMAP_RACE_EDITS");
    return set && *set ? std::atoi(set) : 100;
}

}  // namespace

TEST_CASE("Two programs drag the same poster and save at once: one commits, the other is refused") {
  test::for_each_store([&](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    write_district(ws, shared_posters_workspace());
    const District before = read_district(ws);
    const Poster target = before.posters.at(3);
    // Both read and drag, then wait for the go file, made once both are ready.
    std::ostringstream script;
    script << "cd " << quoted(dir.path().string()) << " && {\n"
           << "  " << quoted(kChild) << " move " << quoted(ws) << " " << target.id << " 10 go > a.txt 2> a.err &\n"
           << "  " << quoted(kChild) << " move " << quoted(ws) << " " << target.id << " -20 go > b.txt 2> b.err &\n"
           << "  for i in $(seq 1 3000); do [ \"$(cat a.txt b.txt 2>/dev/null | grep -c ready)\" = 2 ] && break; sleep 0.01; done\n"
           << "  touch go; wait; }";
    REQUIRE(std::system(script.str().c_str()) == 0);
    for (const char* err : {"a.err", "b.err"}) CHECK_MESSAGE(test::read_text(dir / err).empty(), test::read_text(dir / err));

    std::map<std::string, std::string> outcome;  // "a"/"b" -> its last line
    for (const char* who : {"a", "b"}) {
        const auto lines = test::read_lines(dir / (std::string(who) + ".txt"));
        REQUIRE(lines.size() == 2);
        CHECK(lines[0] == "ready");
        outcome[who] = lines[1];
    }
    CAPTURE(outcome["a"]);
    CAPTURE(outcome["b"]);
    const bool a_won = outcome["a"].rfind("saved ", 0) == 0, b_won = outcome["b"].rfind("saved ", 0) == 0;
    REQUIRE(a_won != b_won);
    const std::string& loser = a_won ? outcome["b"] : outcome["a"];
    CHECK(loser.rfind("refused " + target.id + ": ", 0) == 0);
    CHECK(loser.find("another program") != std::string::npos);

    const District after = read_district(ws);
    const auto at = find_poster(after, target.id);
    REQUIRE(at);
    CHECK(after.posters[*at].location.x == doctest::Approx(target.location.x + (a_won ? 10 : -20)));
    CHECK(after.posters[*at].location.y == doctest::Approx(target.location.y));
    // One commit, the winner's; the refused save wrote nothing.
    const auto log = changes_since(ws, before.metadata.change);
    REQUIRE(log.size() == 1);
    CHECK(std::to_string(log[0].change) == (a_won ? outcome["a"] : outcome["b"]).substr(7 + target.id.size()));
    CHECK(after.posters.size() == before.posters.size());
  });
}

TEST_CASE("8 programs making random poster edits at once: every committed edit is there, none lost") {
  test::for_each_store([&](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    write_district(ws, shared_posters_workspace());
    const District before = read_district(ws);
    constexpr int kPrograms = 8;
    const int edits = edits_per_program();

    std::ostringstream script;
    script << "cd " << quoted(dir.path().string()) << " && {\n";
    for (int k = 0; k < kPrograms; ++k)
        script << "  " << quoted(kChild) << " random " << quoted(ws) << " " << edits << " " << 1000 + k << " C" << k
               << " > c" << k << ".txt 2> c" << k << ".err &\n";
    script << "  wait; }";
    REQUIRE(std::system(script.str().c_str()) == 0);

    // Every program's commits, by the change they made.
    std::map<std::int64_t, PosterEdit> committed;
    int refused = 0;
    std::vector<std::string> failures;  // saves or reads that could not have the workspace
    for (int k = 0; k < kPrograms; ++k) {
        const fs::path out = dir / ("c" + std::to_string(k) + ".txt");
        const std::string err = test::read_text(dir / ("c" + std::to_string(k) + ".err"));
        CHECK_MESSAGE(err.empty(), err);
        int saved = 0;
        for (const auto& line : test::read_lines(out)) {
            if (line.rfind("refused: ", 0) == 0) {
                ++refused;
                continue;
            }
            if (line.rfind("failed: ", 0) == 0) {
                failures.push_back(line);
                continue;
            }
            REQUIRE_MESSAGE(line.rfind("saved ", 0) == 0, line);
            const auto space = line.find(' ', 6);
            const std::int64_t change = std::stoll(line.substr(6, space - 6));
            const bool fresh_change = committed.emplace(change, edit_from_json(nlohmann::json::parse(line.substr(space + 1)), out.string())).second;
            CHECK_MESSAGE(fresh_change, "two programs report change " << change);
            ++saved;
        }
        CHECK(saved == edits);
    }
    MESSAGE(store.name << ": " << committed.size() << " edits committed, " << refused << " saves refused and retried, "
                       << failures.size() << " failed (IoError) and retried");
    // The shared posters are edited by all: some saves must have met another's change.
    CHECK(refused > 0);
    // Writers queue for the workspace: none may fail to get it (on a GeoPackage SQLite answers
    // "locked" at once and GDAL's saves change the schema; open_in_transaction waits and retries).
    const std::string first_failure = failures.empty() ? "" : failures.front();
    CHECK_MESSAGE(failures.empty(), failures.size() << " reads or saves failed, the first: " << first_failure);

    // The log holds exactly those commits.
    const auto log = changes_since(ws, before.metadata.change);
    CHECK(log.size() == committed.size());
    for (const auto& entry : log) CHECK_MESSAGE(committed.count(entry.change), "change " << entry.change << " is no program's save");

    // Replayed in commit order onto the posters as they were, the edits give the workspace's.
    District replayed;
    replayed.posters = before.posters;
    for (const auto& [change, edit] : committed) {
        CAPTURE(change);
        REQUIRE_NOTHROW(geo::apply_rebased(replayed, edit));
    }
    const District after = read_district(ws);
    CHECK(count_features(ws, LayerKind::posters) == after.posters.size());  // the layer's count is its rows'
    std::map<std::string, const Poster*> now;
    for (const auto& p : after.posters) now[p.id] = &p;
    CHECK(now.size() == after.posters.size());
    CHECK(after.posters.size() == replayed.posters.size());
    for (const auto& p : replayed.posters) {
        CAPTURE(p.id);
        REQUIRE_MESSAGE(now.count(p.id), "a committed poster is missing");
        CHECK(now[p.id]->location == p.location);
        CHECK(now[p.id]->kind == p.kind);
        CHECK(now[p.id]->building_id == p.building_id);
    }
  });
}
