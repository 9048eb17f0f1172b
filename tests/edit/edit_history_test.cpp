// Undo/redo of poster edits, the save point, and the unsaved list the journal is made from.
#include <random>

#include <doctest/doctest.h>

#include "tests/common/poster_checks.h"

#include "geo/edit/edit_history.h"
#include "geo/util/error.h"

using namespace geo;
using namespace std::chrono_literals;

namespace {

// Two posters and a banner on one street (EPSG:4549 metres):
//
//   PST-0001 (503000, 3197000)   CC-0001 (503040, 3197000)   BAN-0001 (503080, 3197010)
District three_posters() {
    District d;
    Poster a;
    a.id = "PST-0001";
    a.installed = Timestamp{1'620'000'000s};
    a.location = {503000, 3197000};
    Poster b;
    b.id = "CC-0001";
    b.kind = PosterKind::contact_card;
    b.building_id = "B0007";
    b.location = {503040, 3197000};
    b.extras = {{"note", std::string("门卫室旁")}};
    Poster c;
    c.id = "BAN-0001";
    c.kind = PosterKind::banner;
    c.removed = Timestamp{1'630'000'000s};
    c.location = {503080, 3197010};
    d.posters = {a, b, c};
    return d;
}

Poster poster(const std::string& id, PosterKind kind, XY at) {
    Poster p;
    p.id = id;
    p.kind = kind;
    p.location = at;
    return p;
}

using test::check_same_posters;

// The unsaved list's promise: applied to the district as saved, it gives the district now.
void check_unsaved_rebuilds(const District& saved, const District& now, const EditHistory& h) {
    District rebuilt = saved;
    for (const auto& edit : h.unsaved()) geo::apply(rebuilt, edit);
    check_same_posters(rebuilt.posters, now.posters);
}

}  // namespace

TEST_CASE("Undo and redo of add, move and delete restore the district exactly at every step") {
    District d = three_posters();
    EditHistory h;
    std::vector<std::vector<Poster>> states = {d.posters};
    h.perform(d, AddPoster{poster("BAN-0002", PosterKind::banner, {503120, 3197015}), std::nullopt});
    states.push_back(d.posters);
    h.perform(d, make_move(d, "CC-0001", {503041.5, 3196998.25}));
    states.push_back(d.posters);
    h.perform(d, make_delete(d, "PST-0001"));
    states.push_back(d.posters);
    h.perform(d, make_delete(d, "CC-0001"));
    states.push_back(d.posters);
    h.perform(d, make_move(d, "BAN-0002", {503121, 3197016}));
    states.push_back(d.posters);
    REQUIRE(d.posters.size() == 2);

    for (std::size_t i = states.size() - 1; i > 0; --i) {
        CAPTURE(i);
        REQUIRE(h.undo(d));
        check_same_posters(d.posters, states[i - 1]);
    }
    CHECK_FALSE(h.can_undo());
    CHECK_FALSE(h.undo(d));
    for (std::size_t i = 1; i < states.size(); ++i) {
        CAPTURE(i);
        REQUIRE(h.redo(d));
        check_same_posters(d.posters, states[i]);
    }
    CHECK_FALSE(h.can_redo());
    CHECK_FALSE(h.redo(d));
}

TEST_CASE("A new edit clears redo") {
    District d = three_posters();
    EditHistory h;
    h.perform(d, make_move(d, "PST-0001", {1, 1}));
    h.perform(d, make_delete(d, "BAN-0001"));
    REQUIRE(h.undo(d));
    CHECK(h.can_redo());
    h.perform(d, make_move(d, "CC-0001", {2, 2}));
    CHECK_FALSE(h.can_redo());
    CHECK_FALSE(h.redo(d));
    CHECK(d.posters.size() == 3);
}

TEST_CASE("Undo and redo labels describe the step they act on") {
    District d = three_posters();
    EditHistory h;
    CHECK(h.undo_label().empty());
    CHECK(h.redo_label().empty());
    h.perform(d, AddPoster{poster("BAN-0007", PosterKind::banner, {1, 1}), std::nullopt});
    h.perform(d, make_delete(d, "CC-0001"));
    CHECK(h.undo_label() == "delete contact card CC-0001");
    h.undo(d);
    CHECK(h.undo_label() == "add banner BAN-0007");
    CHECK(h.redo_label() == "delete contact card CC-0001");
}

TEST_CASE("A refused edit leaves the history and the district as they were") {
    District d = three_posters();
    EditHistory h;
    h.perform(d, make_move(d, "PST-0001", {1, 1}));
    const auto before = d.posters;
    CHECK_THROWS_AS(h.perform(d, AddPoster{poster("CC-0001", PosterKind::contact_card, {0, 0}),
                                           std::nullopt}),
                    BadInput);
    CHECK_THROWS_AS(h.perform(d, MovePoster{"PST-0404", {0, 0}, {1, 1}}), BadInput);
    check_same_posters(d.posters, before);
    CHECK(h.undo_label() == "move PST-0001");
    CHECK(h.unsaved().size() == 1);
    // A district changed behind the history's back: undo refuses rather than guess.
    d.posters[0].location = {5, 5};
    CHECK_THROWS_AS(h.undo(d), BadInput);
    CHECK(h.can_undo());
    CHECK_FALSE(h.can_redo());
}

TEST_CASE("dirty and unsaved follow the save point, also when undoing past it") {
    District d = three_posters();
    EditHistory h;
    CHECK_FALSE(h.dirty());
    h.perform(d, make_move(d, "PST-0001", {1, 1}));
    h.perform(d, make_delete(d, "BAN-0001"));
    CHECK(h.dirty());
    CHECK(h.unsaved().size() == 2);

    h.mark_saved();
    const District saved = d;
    CHECK_FALSE(h.dirty());
    CHECK(h.unsaved().empty());

    h.perform(d, AddPoster{poster("PST-0002", PosterKind::poster, {3, 3}), std::nullopt});
    CHECK(h.dirty());
    REQUIRE(h.unsaved().size() == 1);
    CHECK(std::holds_alternative<AddPoster>(h.unsaved()[0]));
    check_unsaved_rebuilds(saved, d, h);

    h.undo(d);  // back at the save point
    CHECK_FALSE(h.dirty());
    CHECK(h.unsaved().empty());

    h.undo(d);  // past it: the saved file has BAN-0001 deleted, now it is back
    CHECK(h.dirty());
    REQUIRE(h.unsaved().size() == 1);
    CHECK(std::holds_alternative<AddPoster>(h.unsaved()[0]));
    check_unsaved_rebuilds(saved, d, h);

    h.undo(d);
    CHECK(h.unsaved().size() == 2);
    check_unsaved_rebuilds(saved, d, h);

    h.redo(d);
    h.redo(d);  // at the save point again
    CHECK_FALSE(h.dirty());

    h.undo(d);  // past it, then a new edit: the save point can no longer be reached by redo
    h.perform(d, make_move(d, "CC-0001", {4, 4}));
    CHECK(h.dirty());
    CHECK_FALSE(h.can_redo());
    CHECK(h.unsaved().size() == 2);
    check_unsaved_rebuilds(saved, d, h);
}

TEST_CASE("unsaved always rebuilds the district from the save point (seeded random sessions)") {
    std::mt19937 rng(20210101);
    for (int session = 0; session < 20; ++session) {
        CAPTURE(session);
        District d = three_posters();
        District saved = d;
        EditHistory h;
        for (int step = 0; step < 60; ++step) {
            CAPTURE(step);
            const unsigned r = rng() % 10;
            if (r < 3 && h.can_undo()) h.undo(d);
            else if (r < 5 && h.can_redo()) h.redo(d);
            else if (r == 5) {
                h.mark_saved();
                saved = d;
            } else if (r == 6 || d.posters.empty()) {
                const PosterKind kind = static_cast<PosterKind>(rng() % 3);
                h.perform(d, AddPoster{poster(next_poster_id(d, kind), kind,
                                              {double(rng() % 1000), double(rng() % 1000)}),
                                       std::nullopt});
            } else if (r == 7) {
                h.perform(d, make_delete(d, d.posters[rng() % d.posters.size()].id));
            } else {
                const std::string id = d.posters[rng() % d.posters.size()].id;
                const auto merge = (rng() % 2) ? MoveMerge::continue_drag : MoveMerge::separate;
                h.perform(d, make_move(d, id, {double(rng() % 1000), double(rng() % 1000)}), merge);
            }
            check_unsaved_rebuilds(saved, d, h);
            CHECK(h.dirty() == !h.unsaved().empty());
        }
    }
}

TEST_CASE("Moves of one drag merge into one undo step") {
    District d = three_posters();
    EditHistory h;
    h.perform(d, make_move(d, "CC-0001", {503041, 3197001}));
    h.perform(d, make_move(d, "CC-0001", {503042, 3197002}), MoveMerge::continue_drag);
    h.perform(d, make_move(d, "CC-0001", {503043, 3197003}), MoveMerge::continue_drag);
    CHECK(d.posters[1].location == XY{503043, 3197003});
    REQUIRE(h.unsaved().size() == 1);
    const auto& merged = std::get<MovePoster>(h.unsaved()[0]);
    CHECK(merged.from == XY{503040, 3197000});
    CHECK(merged.to == XY{503043, 3197003});
    REQUIRE(h.undo(d));
    CHECK(d.posters[1].location == XY{503040, 3197000});
    CHECK_FALSE(h.can_undo());
    REQUIRE(h.redo(d));
    CHECK(d.posters[1].location == XY{503043, 3197003});
}

TEST_CASE("A drag does not merge into another poster's move, a saved move or a non-move") {
    District d = three_posters();
    EditHistory h;
    h.perform(d, make_move(d, "CC-0001", {1, 1}));
    h.perform(d, make_move(d, "PST-0001", {2, 2}), MoveMerge::continue_drag);
    CHECK(h.unsaved().size() == 2);

    h.mark_saved();
    h.perform(d, make_move(d, "PST-0001", {3, 3}), MoveMerge::continue_drag);
    REQUIRE(h.unsaved().size() == 1);
    CHECK(std::get<MovePoster>(h.unsaved()[0]).from == XY{2, 2});
    h.undo(d);
    CHECK(d.posters[0].location == XY{2, 2});  // one step back is the saved position
    CHECK_FALSE(h.dirty());

    h.perform(d, make_delete(d, "BAN-0001"));
    h.perform(d, make_move(d, "PST-0001", {4, 4}), MoveMerge::continue_drag);
    CHECK(h.unsaved().size() == 2);
}
