// Hit rate, PAI and PEI on hand-sized cases; ties and rounding of the hotspot area.
#include <doctest/doctest.h>

#include "geo/evaluate/hit_rate.h"
#include "geo/util/error.h"

TEST_CASE("top cells: highest first, ties in ascending cell order") {
    const std::vector<double> predicted = {1, 5, 3, 5, 0, 3};
    CHECK(geo::top_cells(predicted, 3) == std::vector<std::size_t>{1, 3, 2});
    CHECK(geo::top_cells(predicted, 4) == std::vector<std::size_t>{1, 3, 2, 5});
    CHECK(geo::top_cells(predicted, 10).size() == 6);
    CHECK(geo::top_cells(predicted, 0).empty());
}

TEST_CASE("hit rate, PAI and PEI on twenty cells by hand") {
    // 20 cells; a = 10% -> round(2) = 2 hotspot cells: the predictions rank cells 7 and 2 first.
    // Test incidents: 3 in cell 7, 1 in cell 2, 4 in cell 11, 2 elsewhere: 10 in all.
    //   hit rate = (3 + 1)/10 = 0.4, PAI = 0.4/0.1 = 4
    //   best 2 cells: 4 (cell 11) + 3 (cell 7) = 7 -> best hit rate 0.7, PEI = 0.4/0.7 = 4/7
    std::vector<double> predicted(20, 0.0);
    predicted[7] = 9;
    predicted[2] = 8;
    predicted[11] = 1;
    std::vector<std::size_t> observed(20, 0);
    observed[7] = 3;
    observed[2] = 1;
    observed[11] = 4;
    observed[15] = 1;
    observed[19] = 1;
    const geo::AreaShareScore s = geo::score_area_share(predicted, observed, 0.10);
    CHECK(s.cells == 2);
    CHECK(s.hits == 4);
    CHECK(s.best_hits == 7);
    CHECK(s.test_incidents == 10);
    CHECK(*s.hit_rate == doctest::Approx(0.4));
    CHECK(*s.pai == doctest::Approx(4.0));
    CHECK(*s.pei == doctest::Approx(4.0 / 7.0));
}

TEST_CASE("the hotspot area rounds half away from zero") {
    // 30 cells at 5% = 1.5 -> 2 cells; 10 cells at 5% = 0.5 -> 1 cell; 9 cells -> 0.45 -> 0.
    const std::vector<std::size_t> observed30(30, 1);
    CHECK(geo::score_area_share(std::vector<double>(30, 0.0), observed30, 0.05).cells == 2);
    CHECK(geo::score_area_share(std::vector<double>(10, 0.0), std::vector<std::size_t>(10, 1), 0.05).cells == 1);
    const geo::AreaShareScore none = geo::score_area_share(std::vector<double>(9, 0.0), std::vector<std::size_t>(9, 1), 0.05);
    CHECK(none.cells == 0);
    CHECK(*none.hit_rate == 0);
    CHECK(!none.pei);  // best possible is 0 of 0
}

TEST_CASE("without test incidents the rates are unknown") {
    const geo::AreaShareScore s = geo::score_area_share({3, 2, 1}, {0, 0, 0}, 0.5);
    CHECK(!s.hit_rate);
    CHECK(!s.pai);
    CHECK(!s.pei);
    CHECK_THROWS_AS(geo::score_area_share({1, 2}, {1}, 0.05), geo::InternalError);
}
