// The app in a city workspace (issue 14): it knows which station its user writes for, shows it,
// and does not make an edit of another station's poster, saying whose it is; the user's own
// edits save. No window needed: the state is what the window draws.
#include <doctest/doctest.h>

#include "app/gui/app_state.h"
#include "app/gui/i18n.h"
#include "geo/edit/poster_edits.h"
#include "geo/io/workspace_store.h"
#include "tests/common/city_workspace.h"

namespace {

const geo::Poster& find(const geo::District& d, const std::string& id) {
    for (const auto& p : d.posters)
        if (p.id == id) return p;
    FAIL("no poster " << id);
    return d.posters.front();
}

}  // namespace

TEST_CASE("The app as a station's user: shows the station, refuses another station's poster, saves its own") {
    test::CityWorkspace city;
    gui::set_language(gui::Language::zh);
    gui::AppState state = gui::load_state(city.wang);
    CHECK(state.station_text() == "江南派出所 (S01) · wang");

    const geo::XY p2 = find(state.district, "P2").location;
    state.perform(geo::make_move(state.district, "P2", {p2.x + 30, p2.y}));
    CHECK(find(state.district, "P2").location == p2);  // not made
    CHECK_FALSE(state.history.dirty());
    CHECK(state.status.find("P2") != std::string::npos);
    CHECK(state.status.find("西城派出所 (S02)") != std::string::npos);
    state.perform(geo::make_delete(state.district, "P2"));
    CHECK(state.district.posters.size() == 2);

    const geo::XY p1 = find(state.district, "P1").location;
    state.perform(geo::make_move(state.district, "P1", {p1.x + 30, p1.y}));
    CHECK(state.history.dirty());
    state.save();
    CHECK(find(geo::read_district(city.admin), "P1").location == geo::XY{p1.x + 30, p1.y});

    gui::AppState admin = gui::load_state(city.admin);
    CHECK(admin.station_text() == "市局管理员 · postgres");
    admin.perform(geo::make_move(admin.district, "P2", {p2.x + 30, p2.y}));
    CHECK(admin.history.dirty());  // the administrator changes every station's rows
    gui::set_language(gui::Language::en);
}
