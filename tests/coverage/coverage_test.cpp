// Poster and contact-card coverage: per building, per neighbourhood (the sample included) and
// the worklist order.
#include <doctest/doctest.h>

#include <chrono>
#include <map>

#include "geo/coverage/building_coverage.h"
#include "geo/coverage/neighbourhood_coverage.h"
#include "geo/coverage/worklist.h"
#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"

namespace {

using namespace std::chrono;

geo::Timestamp date_of(int d) { return geo::Timestamp{sys_days{year{2021} / January / 1} + days{d}}; }

geo::MultiPolygon square(double x0, double y0, double side) {
    return {geo::Polygon{{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}}, {}}};
}

geo::Building building(const std::string& id, double x0, double y0) {
    geo::Building b;
    b.id = id;
    b.neighbourhood_id = "N1";
    b.footprint = square(x0, y0, 20);
    b.location = {x0 + 10, y0 + 10};
    return b;
}

geo::Poster poster(const std::string& id, geo::PosterKind kind, double x, double y, const std::string& building_id = {}) {
    geo::Poster p;
    p.id = id;
    p.kind = kind;
    p.location = {x, y};
    p.building_id = building_id;
    return p;
}

// Three 20 m buildings in a row, 50 m apart, in one neighbourhood of 2,000 people:
//
//   [ A p c ]      [ B ] c          [ C ]
//   x 0..20        x 70..90  c at 100, 10: 10 m east of B
//                                    C's card names it but stands at 500, 500
geo::District row_of_three() {
    geo::District d;
    geo::Neighbourhood n;
    n.id = "N1";
    n.residents = 1500;
    n.transients = 500;
    n.area = square(-100, -100, 400);
    d.neighbourhoods = {n};
    d.buildings = {building("A", 0, 0), building("B", 70, 0), building("C", 140, 0)};
    d.posters = {poster("P1", geo::PosterKind::poster, 5, 5), poster("K1", geo::PosterKind::contact_card, 15, 15),
                 poster("K2", geo::PosterKind::contact_card, 100, 10),
                 poster("K3", geo::PosterKind::contact_card, 500, 500, "C"),
                 poster("BN", geo::PosterKind::banner, 80, 10)};
    return d;
}

}  // namespace

TEST_CASE("A poster reaches a building by its id, inside the footprint, or within D metres") {
    const geo::District d = row_of_three();
    const auto at_0 = geo::building_coverage(d, {0, std::nullopt});
    CHECK(at_0[0].has_poster());
    CHECK(at_0[0].has_contact_card());
    CHECK(at_0[0].covered());
    CHECK_FALSE(at_0[1].has_contact_card());  // K2 stands 10 m outside B
    CHECK_FALSE(at_0[1].has_poster());        // a banner is not a poster
    CHECK(at_0[2].has_contact_card());        // K3 names C
    CHECK_FALSE(at_0[2].has_poster());

    const auto at_10 = geo::building_coverage(d, {10, std::nullopt});
    CHECK(at_10[1].contact_cards == 1);
    CHECK(at_10[2].contact_cards == 1);  // K2 is 40 m from C: still only K3

    // P1 stands 65 m from B's west wall.
    CHECK_FALSE(geo::building_coverage(d, {60, std::nullopt})[1].has_poster());
    CHECK(geo::building_coverage(d, {65, std::nullopt})[1].has_poster());
}

TEST_CASE("A removed poster no longer counts") {
    geo::District d = row_of_three();
    d.posters[0].removed = date_of(10);
    const auto c = geo::building_coverage(d, {0, std::nullopt});
    CHECK_FALSE(c[0].has_poster());
    // As of a day before the removal it was up.
    d.posters[0].installed = date_of(1);
    CHECK(geo::building_coverage(d, {0, date_of(5)})[0].has_poster());
}

TEST_CASE("Per neighbourhood: covered share and posters per 1,000 people") {
    const geo::District d = row_of_three();
    const geo::CoverageOptions o{0, std::nullopt};
    const auto n = geo::neighbourhood_coverage(d, geo::building_coverage(d, o), o);
    REQUIRE(n.size() == 1);
    CHECK(n[0].buildings == 3);
    CHECK(n[0].covered == 1);
    CHECK(*n[0].covered_share == doctest::Approx(1.0 / 3));
    CHECK(n[0].people == 2000);
    CHECK(n[0].posters == 1);
    CHECK(n[0].contact_cards == 2);  // K3 stands outside the neighbourhood
    CHECK(*n[0].posters_per_1000 == doctest::Approx(0.5));
    CHECK(*n[0].contact_cards_per_1000 == doctest::Approx(1.0));
}

TEST_CASE("Worklist: uncovered buildings by risk, ties by building id") {
    geo::District d = row_of_three();
    d.buildings.push_back(building("D", 210, 0));
    d.buildings.push_back(building("AA", 280, 0));
    d.buildings[2].flags.elderly_alone = true;  // C
    d.buildings[3].flags.no_app = true;         // D
    // A recent case beside B, an old one beside D (decayed to a quarter: 180 days, half-life 90).
    geo::Incident recent, old;
    recent.location = {80, 30};
    recent.time = date_of(200);
    old.location = {220, 30};
    old.time = date_of(20);
    d.incidents = {recent, old};
    geo::RiskWeights w;
    w.radius_m = 50;
    const auto list = geo::coverage_worklist(d, geo::building_coverage(d, {0, std::nullopt}), w);
    // Transient share 0.25 adds 0.5 to each. C: 3 + 0.5; D: 1 + 0.25 + 0.5; B: 1 + 0.5; AA: 0.5.
    REQUIRE(list.size() == 4);
    CHECK(d.buildings[list[0].building].id == "C");
    CHECK(d.buildings[list[1].building].id == "D");
    CHECK(d.buildings[list[2].building].id == "B");
    CHECK(d.buildings[list[3].building].id == "AA");
    CHECK(list[1].recent_incidents == doctest::Approx(0.25));
    CHECK(list[0].risk == doctest::Approx(3.5));
    CHECK(list[2].missing_poster);
    CHECK(list[2].missing_contact_card);

    // Equal risk: ordered by id.
    d.incidents.clear();
    d.buildings[2].flags = {};
    d.buildings[3].flags = {};
    const auto ties = geo::coverage_worklist(d, geo::building_coverage(d, {0, std::nullopt}), w);
    std::vector<std::string> ids;
    for (const auto& e : ties) ids.push_back(d.buildings[e.building].id);
    CHECK(ids == std::vector<std::string>{"AA", "B", "C", "D"});
}

TEST_CASE("Sample: per-neighbourhood shares match a direct recount by building id") {
    const geo::District d = geo::read_district(test::source_dir() / "data" / "jiangnan.gpkg");
    const geo::CoverageOptions o{0, std::nullopt};
    const auto buildings = geo::building_coverage(d, o);
    const auto areas = geo::neighbourhood_coverage(d, buildings, o);
    REQUIRE(buildings.size() == 1914);
    // Every sample poster and card names its building and none is removed.
    std::map<std::string, std::pair<int, int>> named;
    for (const auto& p : d.posters) {
        if (p.kind == geo::PosterKind::poster) ++named[p.building_id].first;
        if (p.kind == geo::PosterKind::contact_card) ++named[p.building_id].second;
    }
    std::map<std::string, std::size_t> total, covered;
    std::size_t in_areas = 0;
    for (std::size_t b = 0; b < d.buildings.size(); ++b) {
        const auto& id = d.buildings[b].id;
        ++total[d.buildings[b].neighbourhood_id];
        const bool both = named[id].first > 0 && named[id].second > 0;
        covered[d.buildings[b].neighbourhood_id] += both ? 1 : 0;
        // Inside-the-footprint posters can only add coverage to the by-id count.
        CHECK(buildings[b].posters >= static_cast<std::uint32_t>(named[id].first));
    }
    for (std::size_t n = 0; n < areas.size(); ++n) {
        const auto& id = d.neighbourhoods[n].id;
        CAPTURE(id);
        CHECK(areas[n].buildings == total[id]);
        CHECK(areas[n].covered >= covered[id]);
        in_areas += areas[n].buildings;
        if (areas[n].covered_share) {
            CHECK(*areas[n].covered_share >= 0.0);
            CHECK(*areas[n].covered_share <= 1.0);
        }
        if (areas[n].people > 0)
            CHECK(*areas[n].posters_per_1000 == doctest::Approx(1000.0 * areas[n].posters / areas[n].people));
    }
    CHECK(in_areas == 1914);
}
