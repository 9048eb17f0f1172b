// Find by name: exact ids first, then exact names, prefixes, substrings; Chinese and English.
#include "geo/query/search.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

geo::Polygon square(double x0, double y0, double x1, double y1) {
    return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}};
}

geo::Neighbourhood neighbourhood(std::string id, std::string name, std::string name_en,
                                 std::string officer_id, geo::Polygon area) {
    geo::Neighbourhood n;
    n.id = std::move(id);
    n.name = std::move(name);
    n.name_en = std::move(name_en);
    n.officer_id = std::move(officer_id);
    n.area = {std::move(area)};
    return n;
}

geo::Officer officer(std::string id, std::string name, std::optional<geo::XY> post,
                     std::string post_site_id) {
    geo::Officer o;
    o.id = std::move(id);
    o.name = std::move(name);
    o.post = post;
    o.post_site_id = std::move(post_site_id);
    return o;
}

geo::Building building(std::string id, std::string address, geo::XY location) {
    geo::Building b;
    b.id = std::move(id);
    b.address = std::move(address);
    b.location = location;
    return b;
}

geo::Site site(std::string id, geo::SiteKind kind, std::string name, geo::XY location) {
    geo::Site s;
    s.id = std::move(id);
    s.kind = kind;
    s.name = std::move(name);
    s.location = location;
    return s;
}

//  y
//  100 +---------+---------+---------+
//      | N1      | N10     | N2      |
//    0 +---------+---------+---------+
//      0        100       200       300   x (metres)
//  Site S01 (江南派出所) at (150, 150); S02 (江南新村) at (250, 150).
geo::District fixture() {
    geo::District d;
    d.neighbourhoods = {
        neighbourhood("N1", "金城小区", "Jincheng Estate", "O1", square(0, 0, 100, 100)),
        neighbourhood("N10", "金山村", "Jinshan Village", "O2", square(100, 0, 200, 100)),
        neighbourhood("N2", "江南新村东区", "Jiangnan New Village East", "", square(200, 0, 300, 100))};
    d.officers = {officer("O1", "王伟", geo::XY{10, 10}, ""), officer("O2", "王芳", std::nullopt, "S01"),
                  // No post, no site, no neighbourhood: nowhere on the map.
                  officer("O3", "王强", std::nullopt, "")};
    d.buildings = {building("B-N1-001", "金城小区3幢", {20, 30}),
                   building("B-N10-001", "江南街道金城路5号", {120, 30})};
    d.sites = {site("S01", geo::SiteKind::police_station, "江南派出所", {150, 150}),
               site("S02", geo::SiteKind::village_committee, "江南新村", {250, 150})};
    return d;
}

std::vector<std::string> labels(const std::vector<geo::SearchHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h.label);
    return out;
}

}  // namespace

TEST_CASE("an exact id comes first, then ids starting with the query, then ids containing it") {
    const auto hits = geo::search(fixture(), "N1");
    REQUIRE(hits.size() == 4);
    CHECK(hits[0].layer == geo::LayerKind::neighbourhoods);
    CHECK(hits[0].index == 0);  // N1 exactly
    CHECK(hits[1].index == 1);  // N10 starts with it
    CHECK(hits[2].layer == geo::LayerKind::buildings);
    CHECK(hits[2].index == 0);  // B-N1-001 contains it
    CHECK(hits[3].layer == geo::LayerKind::buildings);
    CHECK(hits[3].index == 1);  // B-N10-001 contains it
}

TEST_CASE("ASCII letters match whatever their case") {
    const auto hits = geo::search(fixture(), "n1");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].label == "金城小区 Jincheng Estate (N1)");
    CHECK(labels(geo::search(fixture(), "JINCHENG")) == std::vector<std::string>{"金城小区 Jincheng Estate (N1)"});
    CHECK(labels(geo::search(fixture(), "village")) ==
          std::vector<std::string>{"金山村 Jinshan Village (N10)", "江南新村东区 Jiangnan New Village East (N2)"});
}

TEST_CASE("Chinese names and addresses match by substring") {
    // Prefix matches (neighbourhood, then building by layer order), then the substring match.
    CHECK(labels(geo::search(fixture(), "金城")) ==
          std::vector<std::string>{"金城小区 Jincheng Estate (N1)", "金城小区3幢 (B-N1-001)",
                                   "江南街道金城路5号 (B-N10-001)"});
    const auto station = geo::search(fixture(), "派出所");
    REQUIRE(station.size() == 1);
    CHECK(station[0].layer == geo::LayerKind::sites);
    CHECK(station[0].label == "江南派出所 (S01)");
    CHECK(station[0].location == geo::XY{150, 150});
    // A query that is the start of a character's UTF-8 bytes matches nothing extra: "城" is not "金".
    CHECK(geo::search(fixture(), "城小区3").size() == 1);
}

TEST_CASE("an exact name comes before names that only start with the query") {
    // The site is called exactly 江南新村; neighbourhood N2 only starts with it.
    const auto hits = geo::search(fixture(), "江南新村");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].layer == geo::LayerKind::sites);
    CHECK(hits[0].index == 1);
    CHECK(hits[1].layer == geo::LayerKind::neighbourhoods);
    CHECK(hits[1].index == 2);
}

TEST_CASE("neighbourhoods are found at their centroid, officers at their post") {
    const auto hood = geo::search(fixture(), "金山村");
    REQUIRE(hood.size() == 1);
    CHECK(hood[0].location.x == doctest::Approx(150));
    CHECK(hood[0].location.y == doctest::Approx(50));

    const auto officers = geo::search(fixture(), "王");
    REQUIRE(officers.size() == 2);  // 王强 has nowhere to be shown
    CHECK(officers[0].layer == geo::LayerKind::officers);
    CHECK(officers[0].label == "王伟 (O1)");
    CHECK(officers[0].location == geo::XY{10, 10});
    CHECK(officers[1].label == "王芳 (O2)");
    CHECK(officers[1].location == geo::XY{150, 150});  // post site S01
}

TEST_CASE("an officer without a post or site is shown in the neighbourhood they answer for") {
    geo::District d = fixture();
    d.officers[1].post_site_id = "S99";  // unknown site
    const auto hits = geo::search(d, "O2");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].location.x == doctest::Approx(150));  // centroid of N10
    CHECK(hits[0].location.y == doctest::Approx(50));
}

TEST_CASE("results stop at the limit, and blank or unmatched queries find nothing") {
    CHECK(geo::search(fixture(), "N1", 2).size() == 2);
    CHECK(geo::search(fixture(), "N1", 0).empty());
    CHECK(geo::search(fixture(), "").empty());
    CHECK(geo::search(fixture(), "   ").empty());
    CHECK(geo::search(fixture(), "上海").empty());
    const auto trimmed = geo::search(fixture(), "  S01 ");
    REQUIRE(trimmed.size() == 1);
    CHECK(trimmed[0].label == "江南派出所 (S01)");
}
