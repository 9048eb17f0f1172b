// `evaluate` end to end on a tiny constructed grid where every figure is computable by hand,
// the naive forecast's window, and the study area from neighbourhoods.
#include <doctest/doctest.h>

#include <chrono>

#include "geo/evaluate/evaluate.h"
#include "geo/util/error.h"

namespace {

using namespace std::chrono;

// 2021-06-01 00:00 in Shanghai (UTC+8).
const geo::Timestamp DATE = geo::Timestamp{sys_days{year{2021} / 5 / 31}} + hours{16};

// Centre of cell (col, row from the south) of 100 m cells from (0, 0).
geo::XY centre(int col, int row) { return {col * 100.0 + 50, row * 100.0 + 50}; }

void add(geo::District& d, geo::XY at, geo::Timestamp t, int count = 1) {
    for (int k = 0; k < count; ++k) {
        geo::Incident i;
        i.id = std::to_string(d.incidents.size());
        i.location = at;
        i.time = t;
        d.incidents.push_back(i);
    }
}

//   row 9  T2 .  .  .  .  .  .  .  .  .        10 x 10 cells of 100 m, (0,0)-(1000,1000)
//   row 8  .  .  .  .  .  .  .  .  1  .        digits: training cases (cell centres)
//   row 7  .  .  1  .  .  .  .  .  .  .        T: test cases in [DATE, DATE + 30 d)
//   row 6  .  .  .  .  .  .  T3 .  .  .        a 50 m radius reaches no other centre, so the
//   row 5  .  .  .  .  .  2  .  .  .  .        heatmap ranks cells by their training count.
//   row 4  .  .  .  .  1  .  .  .  .  .
//   row 3  .  .  .  .  .  .  .  .  .  .
//   row 2  .  .  .  .  .  .  .  1T1.  .
//   row 1  .  3T4.  .  .  .  .  .  .  .        the 3 at (1,1) are 61 days old: not in the
//   row 0  .  .  .  .  .  .  .  .  .  1        naive forecast's 30 days.
//         col 0 ...                   9
geo::District tiny_district() {
    geo::District d;
    d.metadata.timezone = "Asia/Shanghai";
    const geo::Timestamp old = DATE - days{61};
    const geo::Timestamp recent = DATE - days{10};
    const geo::Timestamp test = DATE + days{9};
    add(d, centre(1, 1), old, 3);
    add(d, centre(5, 5), recent, 2);
    for (auto [c, r] : {std::pair{8, 8}, {2, 7}, {7, 2}, {4, 4}, {9, 0}}) add(d, centre(c, r), recent);
    add(d, centre(1, 1), test, 4);
    add(d, centre(7, 2), test, 1);
    add(d, centre(0, 9), test, 2);
    add(d, centre(6, 6), test, 3);
    add(d, {2000, 2000}, test);                 // outside the grid: not scored
    add(d, centre(3, 3), DATE + days{31});      // after the horizon: not scored
    return d;
}

geo::EvaluateOptions tiny_options() {
    geo::EvaluateOptions o;
    o.train_until = DATE;
    o.horizon = days{30};
    o.radius_m = 50;
    o.cell_m = 100;
    o.extent = geo::Envelope{0, 0, 1000, 1000};
    return o;
}

}  // namespace

TEST_CASE("evaluate scores the heatmap and the naive forecast as worked by hand") {
    // 100 study cells: 5% = 5 cells, 10% = 10 cells. Raster order (north row first) breaks ties.
    // Heatmap ranking: (1,1) 3 cases, (5,5) 2, then the 1s in raster order: (8,8) index 18,
    // (2,7) 22, (4,4) 54, (7,2) 77, (9,0) 99, then empty cells from index 0: (0,9), (1,9), (2,9).
    //   5%:  (1,1) (5,5) (8,8) (2,7) (4,4): hits 4 of 10 -> 0.4, PAI 8
    //   10%: the seven non-empty cells + indices 0, 1, 2: hits 4 + 1 + 2 = 7 -> 0.7, PAI 7
    //   best 5 cells: 4 + 3 + 2 + 1 = 10 of 10 -> PEI 0.4 and 0.7
    // Naive (the 30 days before): (5,5) 2, then (8,8) (2,7) (4,4) (7,2) (9,0) with 1 each:
    //   5%:  (5,5) (8,8) (2,7) (4,4) (7,2): hits 1 -> 0.1, PAI 2, PEI 0.1
    //   10%: the six + indices 0..3: hits 1 + 2 = 3 -> 0.3, PAI 3, PEI 0.3
    const geo::Evaluation ev = geo::evaluate_forecasts(tiny_district(), tiny_options());
    CHECK(ev.grid.width == 10);
    CHECK(ev.grid.height == 10);
    CHECK(ev.study_cells == 100);
    CHECK(ev.train_incidents == 10);
    CHECK(ev.naive_incidents == 7);
    CHECK(ev.test_incidents == 10);
    CHECK(ev.test_outside == 1);
    CHECK(ev.kde.at_5.cells == 5);
    CHECK(ev.kde.at_10.cells == 10);
    CHECK(*ev.kde.at_5.hit_rate == doctest::Approx(0.4));
    CHECK(*ev.kde.at_5.pai == doctest::Approx(8.0));
    CHECK(*ev.kde.at_5.pei == doctest::Approx(0.4));
    CHECK(*ev.kde.at_10.hit_rate == doctest::Approx(0.7));
    CHECK(*ev.kde.at_10.pai == doctest::Approx(7.0));
    CHECK(*ev.kde.at_10.pei == doctest::Approx(0.7));
    CHECK(*ev.naive.at_5.hit_rate == doctest::Approx(0.1));
    CHECK(*ev.naive.at_5.pai == doctest::Approx(2.0));
    CHECK(*ev.naive.at_5.pei == doctest::Approx(0.1));
    CHECK(*ev.naive.at_10.hit_rate == doctest::Approx(0.3));
    CHECK(*ev.naive.at_10.pai == doctest::Approx(3.0));
    CHECK(*ev.naive.at_10.pei == doctest::Approx(0.3));
}

TEST_CASE("the naive forecast counts only the horizon before the date") {
    // With a 70-day horizon the three old cases at (1,1) enter the naive forecast, which then
    // ranks (1,1) first like the heatmap: 5% hits 4 + 0 (5,5) + 0 + 0 + 0 = 4.
    geo::EvaluateOptions o = tiny_options();
    o.horizon = days{70};
    const geo::Evaluation ev = geo::evaluate_forecasts(tiny_district(), o);
    CHECK(ev.naive_incidents == 10);
    CHECK(ev.naive.at_5.hits == 4);
    // The test window grows too: the case 31 days after the date is scored now.
    CHECK(ev.test_incidents == 11);
}

TEST_CASE("the study area is the cells whose centre lies in a neighbourhood") {
    // One neighbourhood over the south half (rows 0..4): 50 study cells, so 5% = round(2.5) = 3.
    // Test cases in the north half are outside the study area and not scored.
    geo::District d = tiny_district();
    geo::Neighbourhood south;
    south.id = "S";
    south.area = {geo::Polygon{{{0, 0}, {1000, 0}, {1000, 500}, {0, 500}, {0, 0}}, {}}};
    d.neighbourhoods.push_back(south);
    const geo::Evaluation ev = geo::evaluate_forecasts(d, tiny_options());
    CHECK(ev.study_cells == 50);
    CHECK(ev.kde.at_5.cells == 3);
    // Scored: (1,1) 4 and (7,2) 1; outside: (0,9) 2, (6,6) 3 and the one off the grid.
    CHECK(ev.test_incidents == 5);
    CHECK(ev.test_outside == 6);
    // Heatmap top 3 in the south: (1,1) 3, then (4,4) index 54 and (7,2) index 77: hits 5 of 5.
    CHECK(*ev.kde.at_5.hit_rate == doctest::Approx(1.0));
    CHECK(*ev.kde.at_5.pai == doctest::Approx(20.0));
}

TEST_CASE("evaluate filters by type and extra field, and refuses what it cannot score") {
    geo::District d = tiny_district();
    for (auto& i : d.incidents) i.extras["CATEGORY"] = std::string(i.location.x < 500 ? "WEST" : "EAST");
    geo::EvaluateOptions o = tiny_options();
    o.where = {{"category", "WEST"}};  // field names match case-insensitively
    const geo::Evaluation west = geo::evaluate_forecasts(d, o);
    // West of x = 500: training (1,1)x3, (2,7), (4,4); tests (1,1)x4, (0,9)x2.
    CHECK(west.train_incidents == 5);
    CHECK(west.test_incidents == 6);
    o.where = {{"NO_SUCH_FIELD", "x"}};
    CHECK_THROWS_AS(geo::evaluate_forecasts(d, o), geo::BadInput);
    o = tiny_options();
    o.filter.fraud_types = {geo::FraudType::romance};  // none of these
    CHECK_THROWS_AS(geo::evaluate_forecasts(d, o), geo::BadInput);
    o = tiny_options();
    o.horizon = seconds{0};
    CHECK_THROWS_AS(geo::evaluate_forecasts(d, o), geo::BadInput);
    o = tiny_options();
    o.train_until = DATE + days{400};  // nothing after it to score
    CHECK_THROWS_AS(geo::evaluate_forecasts(d, o), geo::BadInput);
}
