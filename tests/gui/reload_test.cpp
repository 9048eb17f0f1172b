// The window picks up what another program committed to its workspace (issue 18): the app
// state reloads, the planner's unsaved poster edits kept on top, the journal moved to the new
// state; an edit that no longer fits leaves the state as it was and says why. No window needed:
// the state is what the window draws.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/gui/app_state.h"
#include "geo/edit/autosave.h"
#include "geo/edit/poster_edits.h"
#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"

namespace fs = std::filesystem;

TEST_CASE("The app reloads a workspace another program changed and keeps its unsaved edits") {
    test::ScratchDir dir;
    const fs::path ws = dir / "ws.gpkg";
    fs::copy_file(test::source_dir() / "data" / "jiangnan.gpkg", ws);
    gui::AppState state = gui::load_state(ws);
    CHECK_FALSE(state.reload_if_changed());  // nothing changed

    const geo::Poster& first = state.district.posters.front();
    state.perform(geo::make_move(state.district, first.id, {first.location.x + 20, first.location.y}));
    const std::string moved = first.id;
    const double moved_to = state.district.posters.front().location.x;

    // Another program records a visit (visits --import beside the app).
    geo::District other = geo::read_district(ws);
    geo::VisitTables base{other.planned_visits, other.visits};
    geo::VisitTables mine = base;
    mine.visits.push_back({other.buildings[0].id, "2021-06-15", "", "other.csv", "2021-06-15T10:00:00Z"});
    geo::commit_visits(ws, base, mine);

    const int data_before = state.data_version;
    CHECK(state.reload_if_changed());
    CHECK(state.data_version > data_before);
    REQUIRE(state.district.visits.size() == 1);
    CHECK(state.visited.contains(other.buildings[0].id, "2021-06-15"));
    CHECK(state.district.posters.front().id == moved);
    CHECK(state.district.posters.front().location.x == doctest::Approx(moved_to));
    CHECK(state.history.dirty());
    CHECK(state.district.metadata.change == geo::read_metadata(ws).change);
    // The journal is made on the new state, so a crash now still brings the move back.
    const auto journal = geo::find_journal(ws);
    REQUIRE(journal);
    CHECK_FALSE(journal->stale);
    CHECK(state.status.find("another program") != std::string::npos);

    // Saving now writes the move and keeps the other program's visit.
    state.save();
    const geo::District saved = geo::read_district(ws);
    CHECK(saved.visits.size() == 1);
    CHECK(saved.posters.front().location.x == doctest::Approx(moved_to));
}
