// Getis-Ord Gi*: the statistic against hand-computed cases, p-values and ArcGIS's bins, the
// Benjamini-Hochberg adjustment, and the weights it runs on.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/hotspots/getis_ord.h"
#include "geo/hotspots/hotspot_analysis.h"
#include "geo/hotspots/spatial_weights.h"
#include "geo/util/error.h"

namespace {

constexpr double TOLERANCE = 1e-9;

geo::Incident incident_at(double x, double y) {
    geo::Incident i;
    i.location = {x, y};
    return i;
}

geo::MultiPolygon square(double x0, double y0, double side) {
    geo::Polygon p;
    p.outer = {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
    return {p};
}

}  // namespace

TEST_CASE("Gi* on five features in a row matches the hand computation") {
    // Features at x = 0, 100, 200, 300, 400 m with values 1, 2, 3, 4, 10; band 100 m, so each
    // feature's neighbours are itself and the features either side.
    //   n = 5, X̄ = 20/5 = 4, Σx² = 1+4+9+16+100 = 130, S = √(130/5 − 4²) = √10
    //   feature 4 (x=400): Σwx = 4+10 = 14, W = Σw = 2, Σw² = 2
    //     num = 14 − 4·2 = 6; den = √10 · √((5·2 − 2²)/4) = √10·√1.5 = √15; z = 6/√15 = 1.549193
    //   feature 2 (x=200): Σwx = 2+3+4 = 9, W = 3: num = 9 − 12 = −3; den = √10·√((15−9)/4) = √15
    //   feature 0 (x=0):   Σwx = 1+2 = 3,   W = 2: num = 3 − 8 = −5;  den = √15
    const std::vector<geo::XY> centres = {{0, 0}, {100, 0}, {200, 0}, {300, 0}, {400, 0}};
    const std::vector<double> values = {1, 2, 3, 4, 10};
    const geo::GiStarResult gi = geo::getis_ord_gi_star(values, geo::make_weights(centres, geo::DistanceBand{100}));
    CHECK(gi.mean == doctest::Approx(4).epsilon(TOLERANCE));
    CHECK(gi.sd == doctest::Approx(std::sqrt(10.0)).epsilon(TOLERANCE));
    CHECK(gi.z[4] == doctest::Approx(6 / std::sqrt(15.0)).epsilon(TOLERANCE));
    CHECK(gi.z[2] == doctest::Approx(-3 / std::sqrt(15.0)).epsilon(TOLERANCE));
    CHECK(gi.z[0] == doctest::Approx(-5 / std::sqrt(15.0)).epsilon(TOLERANCE));
    // p = erfc(1.549193/√2) = 0.121335: not significant at 90%.
    CHECK(gi.p[4] == doctest::Approx(0.1213352).epsilon(1e-6));
    CHECK(gi.bin[4] == 0);
}

TEST_CASE("Gi* on a 3 x 3 grid of incident counts matches the hand computation") {
    // Counts per 100 m cell (a plus of cases); band 100 m = the cell and its four edge neighbours.
    //   row 2 (north)  0 1 0
    //   row 1          1 5 1
    //   row 0 (south)  0 1 0
    // n = 9, X̄ = 9/9 = 1, Σx² = 25 + 4 = 29, S = √(29/9 − 1) = √(20/9)
    // centre: Σwx = 5+1+1+1+1 = 9, W = 5: num = 9 − 5 = 4;
    //         den = √(20/9)·√((9·5 − 25)/8) = √(20/9 · 2.5) = √(50/9); z = 4·3/√50 = 1.697056
    // south-west corner: Σwx = 0+1+1 = 2, W = 3: num = 2 − 3 = −1;
    //         den = √(20/9)·√((27 − 9)/8) = √(20/9 · 2.25) = √5; z = −1/√5 = −0.447214
    // south edge (value 1): Σwx = 1+0+0+5 = 6, W = 4: num = 6 − 4 = 2;
    //         den = √(20/9)·√((36 − 16)/8) = √(50/9); z = 2·3/√50 = 0.848528
    geo::District d;
    for (int k = 0; k < 5; ++k) d.incidents.push_back(incident_at(150, 150));
    for (geo::XY p : {geo::XY{150, 50}, geo::XY{50, 150}, geo::XY{250, 150}, geo::XY{150, 250}})
        d.incidents.push_back(incident_at(p.x, p.y));
    std::vector<std::uint32_t> all(d.incidents.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    geo::GridGiOptions o;
    o.cell_m = 100;
    o.weights = geo::DistanceBand{100};
    const geo::GridGi r = geo::grid_gi_star(d, all, o);
    REQUIRE(r.grid.width == 3);
    REQUIRE(r.grid.height == 3);
    REQUIRE(r.cells.size() == 9);  // no neighbourhoods: every cell is studied
    // Raster order: index 4 is the centre, 6 the south-west corner, 7 the south edge.
    CHECK(r.counts[4] == 5);
    CHECK(r.gi.z[4] == doctest::Approx(12 / std::sqrt(50.0)).epsilon(TOLERANCE));
    CHECK(r.gi.z[6] == doctest::Approx(-1 / std::sqrt(5.0)).epsilon(TOLERANCE));
    CHECK(r.gi.z[7] == doctest::Approx(6 / std::sqrt(50.0)).epsilon(TOLERANCE));
    // p(1.697056) = 0.0897: hot at 90%, not 95%.
    CHECK(r.gi.p[4] == doctest::Approx(0.0896860).epsilon(1e-5));
    CHECK(r.gi.bin[4] == 1);
    CHECK(r.gi.bin[6] == 0);
}

TEST_CASE("Gi* is 0 where it is undefined: equal values, or every feature a neighbour") {
    const std::vector<geo::XY> centres = {{0, 0}, {100, 0}, {200, 0}};
    const auto equal = geo::getis_ord_gi_star({2, 2, 2}, geo::make_weights(centres, geo::DistanceBand{100}));
    CHECK(equal.z == std::vector<double>{0, 0, 0});
    CHECK(equal.p == std::vector<double>{1, 1, 1});
    const auto everyone = geo::getis_ord_gi_star({1, 2, 9}, geo::make_weights(centres, geo::DistanceBand{1000}));
    CHECK(everyone.z == std::vector<double>{0, 0, 0});
}

TEST_CASE("p-values are two-sided normal and the bins follow ArcGIS's 90/95/99% levels") {
    CHECK(geo::two_sided_p(0) == doctest::Approx(1));
    CHECK(geo::two_sided_p(1.959964) == doctest::Approx(0.05).epsilon(1e-6));
    CHECK(geo::two_sided_p(-2.575829) == doctest::Approx(0.01).epsilon(1e-5));
    CHECK(geo::confidence_bin(3.0, 0.0027) == 3);
    CHECK(geo::confidence_bin(2.2, 0.028) == 2);
    CHECK(geo::confidence_bin(1.7, 0.089) == 1);
    CHECK(geo::confidence_bin(1.5, 0.134) == 0);
    CHECK(geo::confidence_bin(-2.2, 0.028) == -2);
    CHECK(geo::confidence_bin(-3.0, 0.0027) == -3);
}

TEST_CASE("Benjamini-Hochberg adjusts a known list of p-values") {
    // Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4), 0.5 (5); m = 5.
    //   p·m/rank: 0.025, 0.025, 0.05, 0.05, 0.5; running minimum from the top: the same.
    const std::vector<double> p = {0.01, 0.04, 0.03, 0.005, 0.5};
    const std::vector<double> q = geo::benjamini_hochberg(p);
    REQUIRE(q.size() == 5);
    CHECK(q[0] == doctest::Approx(0.025));
    CHECK(q[1] == doctest::Approx(0.05));
    CHECK(q[2] == doctest::Approx(0.05));
    CHECK(q[3] == doctest::Approx(0.025));
    CHECK(q[4] == doctest::Approx(0.5));
    // A smaller p-value further down can pull an adjusted value below its own p·m/rank:
    // p = 0.02 (rank 1 → 0.06), 0.021 (rank 2 → 0.0315) gives q = 0.0315 for both.
    const std::vector<double> q2 = geo::benjamini_hochberg({0.021, 0.02, 0.9});
    CHECK(q2[0] == doctest::Approx(0.0315));
    CHECK(q2[1] == doctest::Approx(0.0315));
    CHECK(q2[2] == doctest::Approx(0.9));
}

TEST_CASE("FDR correction moves features to lower bins") {
    // 30 features 100 m apart on a line, all 1 but feature 15 at 10; band 100 m.
    //   X̄ = 39/30 = 1.3, S = √(129/30 − 1.69) = √2.61
    //   features 14, 15, 16: Σwx = 12, W = 3: z = (12 − 3.9) / (√2.61·√((90 − 9)/29)) = 8.1/2.7 = 3
    //   p = erfc(3/√2) = 0.0026998: 99% raw. BH over 30 tests, the three smallest tied:
    //   q = 0.0026998 · 30/3 = 0.026998: 95% after correction.
    std::vector<geo::XY> centres;
    std::vector<double> values;
    for (int i = 0; i < 30; ++i) centres.push_back({i * 100.0, 0}), values.push_back(i == 15 ? 10 : 1);
    const auto w = geo::make_weights(centres, geo::DistanceBand{100});
    const auto raw = geo::getis_ord_gi_star(values, w, false);
    const auto fdr = geo::getis_ord_gi_star(values, w, true);
    REQUIRE(fdr.p_fdr.size() == 30);
    CHECK(raw.p_fdr.empty());
    CHECK(raw.z[15] == doctest::Approx(3.0).epsilon(TOLERANCE));
    CHECK(raw.bin[14] == 3);
    CHECK(raw.bin[15] == 3);
    CHECK(fdr.p_fdr[15] == doctest::Approx(0.026998).epsilon(1e-4));
    CHECK(fdr.bin[15] == 2);
    CHECK(fdr.bin[16] == 2);
    for (std::size_t i = 0; i < 30; ++i) CHECK(fdr.p_fdr[i] >= raw.p[i]);
}

TEST_CASE("k-nearest weights include the feature itself and cut ties by index") {
    // Feature 0 at the origin has three others at exactly 100 m; k = 2 takes the two lowest
    // indices among them (1 and 2), whatever the tree's layout.
    const std::vector<geo::XY> centres = {{0, 0}, {100, 0}, {0, 100}, {-100, 0}, {500, 500}};
    const geo::SpatialWeights w = geo::make_weights(centres, geo::KNearest{2});
    REQUIRE(w.features() == 5);
    const std::vector<std::uint32_t> row0(w.neighbour.begin() + static_cast<long>(w.offset[0]),
                                          w.neighbour.begin() + static_cast<long>(w.offset[1]));
    CHECK(row0 == std::vector<std::uint32_t>{0, 1, 2});
    CHECK_THROWS_AS(geo::make_weights(centres, geo::KNearest{0}), geo::BadInput);
    CHECK_THROWS_AS(geo::make_weights(centres, geo::DistanceBand{-5}), geo::BadInput);
}

TEST_CASE("Gi* on neighbourhood rates leaves out neighbourhoods without people") {
    //   +----+----+----+
    //   | A  | B  | C  |   A: 1,000 people, 2 cases; B: 2,000, 2 cases; C: nobody
    //   +----+----+----+
    geo::District d;
    for (int k = 0; k < 3; ++k) {
        geo::Neighbourhood n;
        n.id = std::string(1, static_cast<char>('A' + k));
        n.area = square(k * 100.0, 0, 100);
        n.residents = k == 0 ? 1000 : k == 1 ? 1500 : 0;
        n.transients = k == 1 ? 500 : 0;
        d.neighbourhoods.push_back(n);
    }
    for (geo::XY p : {geo::XY{50, 50}, geo::XY{60, 50}, geo::XY{150, 50}, geo::XY{160, 50}, geo::XY{250, 50}})
        d.incidents.push_back(incident_at(p.x, p.y));
    const std::vector<std::int32_t> assigned = {0, 0, 1, 1, 2};
    const std::vector<std::uint32_t> all = {0, 1, 2, 3, 4};
    geo::NeighbourhoodGiOptions o;
    o.weights = geo::KNearest{1};
    o.per_1000 = true;
    const geo::NeighbourhoodGi r = geo::neighbourhood_gi_star(d, assigned, all, o);
    CHECK(r.neighbourhoods == std::vector<std::size_t>{0, 1});
    CHECK(r.values[0] == doctest::Approx(2.0));
    CHECK(r.values[1] == doctest::Approx(1.0));
    o.per_1000 = false;
    const geo::NeighbourhoodGi counts = geo::neighbourhood_gi_star(d, assigned, all, o);
    CHECK(counts.values == std::vector<double>{2, 2, 1});
}
