// Poster edit commands: apply, revert, inverse, ids and the factories that fill undo information.
#include <cmath>
#include <limits>
#include <set>

#include <doctest/doctest.h>

#include "tests/common/poster_checks.h"

#include "geo/edit/poster_edits.h"
#include "geo/util/error.h"

using namespace geo;
using namespace std::chrono_literals;

namespace {

// Three posters along one street (EPSG:4549 metres, Jiangnan):
//
//   PST-0001 (503000, 3197000)   CC-0004 (503040, 3197000)   BAN-0002 (503080, 3197010)
//   poster, installed            contact card, extras        banner, installed and removed
District three_posters() {
    District d;
    Poster a;
    a.id = "PST-0001";
    a.kind = PosterKind::poster;
    a.installed = Timestamp{1'620'000'000s};
    a.building_id = "B0001";
    a.location = {503000, 3197000};
    Poster b;
    b.id = "CC-0004";
    b.kind = PosterKind::contact_card;
    b.location = {503040, 3197000};
    b.extras = {{"note", std::string("门卫室旁")}, {"floor", std::int64_t{2}}};
    Poster c;
    c.id = "BAN-0002";
    c.kind = PosterKind::banner;
    c.installed = Timestamp{1'610'000'000s};
    c.removed = Timestamp{1'630'000'000s};
    c.location = {503080, 3197010};
    d.posters = {a, b, c};
    return d;
}

Poster new_banner(const std::string& id) {
    Poster p;
    p.id = id;
    p.kind = PosterKind::banner;
    p.installed = Timestamp{1'640'000'000s};
    p.location = {503100.5, 3197020.25};
    p.extras = {{"width_m", 3.5}};
    return p;
}

using test::check_same_posters;

}  // namespace

TEST_CASE("Adding a poster appends it, reverting removes it and restores the layer exactly") {
    District d = three_posters();
    const auto before = d.posters;
    const PosterEdit add = AddPoster{new_banner("BAN-0003"), std::nullopt};
    geo::apply(d, add);
    REQUIRE(d.posters.size() == 4);
    check_same_posters({d.posters.back()}, {new_banner("BAN-0003")});
    geo::revert(d, add);
    check_same_posters(d.posters, before);
}

TEST_CASE("Adding at an index inserts there") {
    District d = three_posters();
    geo::apply(d, AddPoster{new_banner("BAN-0003"), 1});
    REQUIRE(d.posters.size() == 4);
    CHECK(d.posters[1].id == "BAN-0003");
    CHECK(d.posters[2].id == "CC-0004");
    CHECK_THROWS_AS(geo::apply(d, AddPoster{new_banner("BAN-0009"), 9}), BadInput);
}

TEST_CASE("Moving a poster and reverting the move restores its location") {
    District d = three_posters();
    const auto before = d.posters;
    const PosterEdit move = make_move(d, "CC-0004", {503045.125, 3197003.5});
    CHECK(std::get<MovePoster>(move).from == XY{503040, 3197000});
    geo::apply(d, move);
    CHECK(d.posters[1].location == XY{503045.125, 3197003.5});
    geo::revert(d, move);
    check_same_posters(d.posters, before);
}

TEST_CASE("Deleting a poster and reverting puts it back where it was, every field intact") {
    District d = three_posters();
    const auto before = d.posters;
    const PosterEdit del = make_delete(d, "CC-0004");
    CHECK(std::get<DeletePoster>(del).index == 1);
    geo::apply(d, del);
    REQUIRE(d.posters.size() == 2);
    CHECK(d.posters[0].id == "PST-0001");
    CHECK(d.posters[1].id == "BAN-0002");
    geo::revert(d, del);
    check_same_posters(d.posters, before);
}

TEST_CASE("Unknown ids are bad input and leave the district unchanged") {
    District d = three_posters();
    const auto before = d.posters;
    CHECK_THROWS_AS(make_delete(d, "PST-0404"), BadInput);
    CHECK_THROWS_AS(make_move(d, "PST-0404", {0, 0}), BadInput);
    CHECK_THROWS_AS(geo::apply(d, MovePoster{"PST-0404", {0, 0}, {1, 1}}), BadInput);
    CHECK_THROWS_AS(geo::apply(d, DeletePoster{new_banner("PST-0404"), 0}), BadInput);
    CHECK_THROWS_AS(geo::revert(d, AddPoster{new_banner("PST-0404"), std::nullopt}), BadInput);
    CHECK_THROWS_WITH_AS(make_delete(d, "PST-0404"),
                         "cannot delete poster 'PST-0404': no poster has that id", BadInput);
    check_same_posters(d.posters, before);
}

TEST_CASE("A duplicate id on add, or on putting a deleted poster back, is bad input") {
    District d = three_posters();
    const auto before = d.posters;
    CHECK_THROWS_WITH_AS(geo::apply(d, AddPoster{new_banner("CC-0004"), std::nullopt}),
                         "cannot add poster 'CC-0004': a poster with that id exists", BadInput);
    CHECK_THROWS_AS(geo::revert(d, DeletePoster{new_banner("CC-0004"), 0}), BadInput);
    CHECK_THROWS_AS(geo::apply(d, AddPoster{new_banner(""), std::nullopt}), BadInput);
    check_same_posters(d.posters, before);
}

TEST_CASE("A move is refused when its poster no longer stands where the move starts") {
    District d = three_posters();
    const auto before = d.posters;
    CHECK_THROWS_AS(geo::apply(d, MovePoster{"PST-0001", {502000, 3197000}, {1, 1}}), BadInput);
    // Its revert checks the end point the same way.
    CHECK_THROWS_AS(geo::revert(d, MovePoster{"PST-0001", {1, 1}, {502000, 3197000}}), BadInput);
    // Within 1 mm counts as there.
    geo::apply(d, MovePoster{"PST-0001", {503000.0004, 3197000}, {503001, 3197001}});
    CHECK(d.posters[0].location == XY{503001, 3197001});
    d.posters = before;
    CHECK_THROWS_AS(geo::apply(d, make_move(d, "PST-0001",
                                            {std::numeric_limits<double>::quiet_NaN(), 0})),
                    BadInput);
    Poster nowhere = new_banner("BAN-0100");
    nowhere.location.x = std::numeric_limits<double>::infinity();
    CHECK_THROWS_AS(geo::apply(d, AddPoster{nowhere, std::nullopt}), BadInput);
    check_same_posters(d.posters, before);
}

TEST_CASE("A delete is refused when its poster is not at the recorded index") {
    District d = three_posters();
    CHECK_THROWS_AS(geo::apply(d, DeletePoster{d.posters[1], 2}), BadInput);
    CHECK(d.posters.size() == 3);
}

TEST_CASE("inverse_of undoes each kind of edit, order included") {
    District d = three_posters();
    const auto before = d.posters;
    const std::vector<PosterEdit> edits = {
        AddPoster{new_banner("BAN-0003"), std::nullopt},
        AddPoster{new_banner("BAN-0005"), 0},
        make_move(d, "BAN-0002", {1, 2}),
        make_delete(d, "CC-0004"),
    };
    for (const auto& edit : edits) {
        CAPTURE(describe(edit));
        geo::apply(d, edit);
        const PosterEdit inverse = inverse_of(d, edit);
        geo::apply(d, inverse);
        check_same_posters(d.posters, before);
    }
}

TEST_CASE("describe names the verb, the kind and the id, poster_id the id") {
    const District d = three_posters();
    CHECK(poster_id(AddPoster{new_banner("BAN-0007"), std::nullopt}) == "BAN-0007");
    CHECK(poster_id(make_move(d, "PST-0001", {0, 0})) == "PST-0001");
    CHECK(poster_id(make_delete(d, "CC-0004")) == "CC-0004");
    CHECK(describe(AddPoster{new_banner("BAN-0007"), std::nullopt}) == "add banner BAN-0007");
    CHECK(describe(make_move(d, "PST-0001", {0, 0})) == "move PST-0001");
    CHECK(describe(make_delete(d, "CC-0004")) == "delete contact card CC-0004");
}

TEST_CASE("next_poster_id: per-kind prefixes, one above the highest number") {
    District d;
    CHECK(next_poster_id(d, PosterKind::poster) == "PST-0001");
    CHECK(next_poster_id(d, PosterKind::contact_card) == "CC-0001");
    CHECK(next_poster_id(d, PosterKind::banner) == "BAN-0001");

    d = three_posters();  // PST-0001, CC-0004, BAN-0002
    CHECK(next_poster_id(d, PosterKind::poster) == "PST-0002");
    CHECK(next_poster_id(d, PosterKind::contact_card) == "CC-0005");
    CHECK(next_poster_id(d, PosterKind::banner) == "BAN-0003");

    // Foreign ids (the sample's PO00001), near misses and wide numbers.
    for (const char* id : {"PO00017", "PST-0099x", "PST-", "PST-12345", "pst-99999", "BAN-00041"}) {
        Poster p;
        p.id = id;
        d.posters.push_back(p);
    }
    CHECK(next_poster_id(d, PosterKind::poster) == "PST-12346");
    CHECK(next_poster_id(d, PosterKind::banner) == "BAN-0042");
}

TEST_CASE("next_poster_id never clashes, whatever kinds are added and deleted in turn") {
    District d = three_posters();
    const PosterKind kinds[] = {PosterKind::banner, PosterKind::poster, PosterKind::contact_card,
                                PosterKind::poster};
    for (int i = 0; i < 60; ++i) {
        const PosterKind kind = kinds[i % 4];
        Poster p;
        p.id = next_poster_id(d, kind);
        p.kind = kind;
        CHECK_FALSE(find_poster(d, p.id));
        geo::apply(d, AddPoster{p, std::nullopt});
        if (i % 7 == 6) geo::apply(d, make_delete(d, d.posters[1].id));
    }
    std::set<std::string> present;
    for (const auto& p : d.posters) CHECK(present.insert(p.id).second);
    CHECK(present.size() == 3 + 60 - 8);
}
