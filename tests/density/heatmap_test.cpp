// Heatmaps of a district: default grid and bandwidth, loss and recency weights, per-capita
// rates on a hand-made district, and flags that are bad input.
#include "geo/density/heatmap.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <numbers>

#include "geo/density/bandwidth.h"
#include "geo/density/per_capita.h"
#include "geo/density/raster_output.h"
#include "geo/util/error.h"

namespace {

using namespace std::chrono_literals;

// Counter-clockwise square, closed.
geo::MultiPolygon square(double x0, double y0, double x1, double y1) {
    return {geo::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

geo::Incident incident(const char* id, geo::XY where, geo::Timestamp when, double loss_yuan = 0,
                       geo::FraudType type = geo::FraudType::other) {
    geo::Incident i;
    i.id = id;
    i.location = where;
    i.time = when;
    i.loss_yuan = loss_yuan;
    i.fraud_type = type;
    return i;
}

const geo::Timestamp t0 = std::chrono::sys_days{std::chrono::year{2021} / 6 / 1};

//  y
//  1000 +-----------+-----------+
//       |     A     |     B     |
//       |  600 res  | 3000 res  |
//       |  400 tr   | 1000 tr   |
//       |  1000 p   |  4000 p   |      1 km² each: ρ_A = 1000, ρ_B = 4000 people per km²
//       |   •       |   •       |      an incident at (550, 550) and one at (1550, 550)
//     0 +-----------+-----------+
//       0         1000        2000   x (metres)
geo::District two_squares() {
    geo::District d;
    d.metadata.crs = "EPSG:4549";
    geo::Neighbourhood a;
    a.id = "A";
    a.residents = 600;
    a.transients = 400;
    a.area = square(0, 0, 1000, 1000);
    geo::Neighbourhood b;
    b.id = "B";
    b.residents = 3000;
    b.transients = 1000;
    b.area = square(1000, 0, 2000, 1000);
    d.neighbourhoods = {a, b};
    d.incidents = {incident("1", {550, 550}, t0, 1000), incident("2", {1550, 550}, t0 - 24h * 10, 3000)};
    return d;
}

double value_at(const geo::Heatmap& h, geo::XY p) {
    const auto cell = h.grid.cell_of(p);
    REQUIRE(cell.has_value());
    return h.values[static_cast<std::size_t>(cell->row) * static_cast<std::size_t>(h.grid.width) +
                    static_cast<std::size_t>(cell->col)];
}

const double k0_300 = 3 / (std::numbers::pi * 300.0 * 300.0) * 1e6;  // quartic K(0), h = 300 m, per km²

}  // namespace

TEST_CASE("By default the grid covers the neighbourhoods, snapped to the cell grid") {
    geo::District d = two_squares();
    d.neighbourhoods[1].area = square(1000, 0, 1930, 1010);
    geo::HeatmapOptions o;
    o.radius_m = 300;
    o.cell_m = 100;
    const geo::Heatmap h = geo::make_heatmap(d, o);
    CHECK(h.grid.origin == geo::XY{0, 0});
    CHECK(h.grid.width == 20);   // 0 .. 2000
    CHECK(h.grid.height == 11);  // 0 .. 1100
    CHECK(h.units == "incidents per km²");
    CHECK(h.incidents == 2);
    CHECK(value_at(h, {550, 550}) == doctest::Approx(k0_300).epsilon(1e-12));
    CHECK(h.max_value == doctest::Approx(k0_300).epsilon(1e-12));
}

TEST_CASE("--extent sets the grid's lower-left corner exactly") {
    geo::HeatmapOptions o;
    o.radius_m = 300;
    o.cell_m = 100;
    o.extent = geo::Envelope{-450, -450, 2550, 1450};
    const geo::Heatmap h = geo::make_heatmap(two_squares(), o);
    CHECK(h.grid.origin == geo::XY{-450, -450});
    CHECK(h.grid.width == 30);
    CHECK(h.grid.height == 19);
}

TEST_CASE("Without neighbourhoods the grid covers the incidents grown by the bandwidth") {
    geo::District d = two_squares();
    d.neighbourhoods.clear();
    geo::HeatmapOptions o;
    o.radius_m = 300;
    o.cell_m = 100;
    const geo::Heatmap h = geo::make_heatmap(d, o);
    CHECK(h.grid.origin == geo::XY{200, 200});  // 550 − 300 snapped down
    CHECK(h.grid.max_x() == 1900);              // 1550 + 300 snapped up
    CHECK(h.grid.max_y() == 900);
}

TEST_CASE("The default bandwidth follows the documented rule") {
    // Four points on a 100 m square around (50, 50): SD = Dm = 70.71 m, n = 4.
    const std::vector<geo::XY> corners{{0, 0}, {100, 0}, {100, 100}, {0, 100}};
    const double sd = std::sqrt(5000.0);
    const double expected = 0.9 * std::min(sd, std::sqrt(1 / std::numbers::ln2) * sd) * std::pow(4.0, -0.2);
    REQUIRE(geo::default_bandwidth_m(corners).has_value());
    CHECK(*geo::default_bandwidth_m(corners) == doctest::Approx(expected).epsilon(1e-12));
    CHECK_FALSE(geo::default_bandwidth_m(std::vector<geo::XY>{{5, 5}}).has_value());
    CHECK_FALSE(geo::default_bandwidth_m(std::vector<geo::XY>{{5, 5}, {5, 5}}).has_value());

    geo::HeatmapOptions o;
    o.cell_m = 100;
    const geo::Heatmap h = geo::make_heatmap(two_squares(), o);
    CHECK(h.radius_is_default);
    // Two points 1000 m apart: SD = Dm = 500 m.
    CHECK(h.radius_m == doctest::Approx(0.9 * 500 * std::pow(2.0, -0.2)).epsilon(1e-12));
}

TEST_CASE("--weight loss counts yuan") {
    geo::HeatmapOptions o;
    o.radius_m = 300;
    o.cell_m = 100;
    o.weight = geo::HeatmapWeight::loss;
    const geo::Heatmap h = geo::make_heatmap(two_squares(), o);
    CHECK(h.units == "yuan lost per km²");
    CHECK(value_at(h, {550, 550}) == doctest::Approx(1000 * k0_300).epsilon(1e-12));
    CHECK(value_at(h, {1550, 550}) == doctest::Approx(3000 * k0_300).epsilon(1e-12));
}

TEST_CASE("A half-life halves an incident's weight for each half-life before the window end") {
    geo::Incident i = incident("x", {0, 0}, t0, 80);
    CHECK(geo::incident_weight(i, geo::HeatmapWeight::none, std::nullopt, t0) == 1.0);
    CHECK(geo::incident_weight(i, geo::HeatmapWeight::loss, std::nullopt, t0) == 80.0);
    CHECK(geo::incident_weight(i, geo::HeatmapWeight::none, 7.0, t0) == 1.0);
    CHECK(geo::incident_weight(i, geo::HeatmapWeight::none, 7.0, t0 + 24h * 7) == doctest::Approx(0.5).epsilon(1e-15));
    CHECK(geo::incident_weight(i, geo::HeatmapWeight::loss, 7.0, t0 + 24h * 14) == doctest::Approx(20.0).epsilon(1e-15));

    // With a window, age counts back from its end: incident 1 is 5 days old, incident 2 15.
    geo::HeatmapOptions o;
    o.radius_m = 300;
    o.cell_m = 100;
    o.half_life_days = 5;
    o.filter.window = geo::TimeWindow{t0 - 24h * 30, t0 + 24h * 5};
    const geo::Heatmap windowed = geo::make_heatmap(two_squares(), o);
    REQUIRE(windowed.decay_reference.has_value());
    CHECK(*windowed.decay_reference == t0 + 24h * 5);
    CHECK(windowed.units == "decay-weighted incidents per km²");
    CHECK(value_at(windowed, {550, 550}) == doctest::Approx(0.5 * k0_300).epsilon(1e-12));
    CHECK(value_at(windowed, {1550, 550}) == doctest::Approx(0.125 * k0_300).epsilon(1e-12));

    // Without one, from 1 s after the latest selected incident.
    o.filter.window.reset();
    const geo::Heatmap open = geo::make_heatmap(two_squares(), o);
    CHECK(*open.decay_reference == t0 + 1s);
    CHECK(value_at(open, {1550, 550}) == doctest::Approx(std::exp2(-(10 + 1 / 86400.0) / 5) * k0_300).epsilon(1e-12));
}

TEST_CASE("The filter selects incidents by window and fraud type") {
    geo::District d = two_squares();
    d.incidents[0].fraud_type = geo::FraudType::investment;
    geo::HeatmapOptions o;
    o.radius_m = 300;
    o.cell_m = 100;
    o.filter.fraud_types = {geo::FraudType::investment};
    const geo::Heatmap h = geo::make_heatmap(d, o);
    CHECK(h.incidents == 1);
    CHECK(value_at(h, {1550, 550}) == 0.0);
    o.filter.fraud_types.clear();
    o.filter.window = geo::TimeWindow{t0 - 24h * 30, t0 - 24h};
    CHECK(geo::make_heatmap(d, o).incidents == 1);  // only incident 2, ten days before t0
}

TEST_CASE("Per-capita rates spread each neighbourhood's people over its area") {
    const geo::District d = two_squares();
    geo::HeatmapOptions o;
    o.radius_m = 300;
    o.cell_m = 100;
    o.per_capita = true;
    o.extent = geo::Envelope{-500, -500, 2500, 1500};
    const geo::Heatmap h = geo::make_heatmap(d, o);
    CHECK(h.units == "incidents per 1,000 people");
    // rate = 1000 · λ / ρ: A has 1000 people per km², B 4000.
    CHECK(value_at(h, {550, 550}) == doctest::Approx(1000 * k0_300 / 1000).epsilon(1e-12));
    CHECK(value_at(h, {1550, 550}) == doctest::Approx(1000 * k0_300 / 4000).epsilon(1e-12));
    // Elsewhere, each neighbourhood's own rate: 200 m from each incident.
    const double lambda = geo::direct_density_per_km2(std::vector<geo::WeightedPoint>{{{0, 0}, 1.0}},
                                                      geo::Kernel::quartic, 300, {200, 0});
    CHECK(value_at(h, {750, 550}) == doctest::Approx(1000 * lambda / 1000).epsilon(1e-12));
    CHECK(value_at(h, {1350, 550}) == doctest::Approx(1000 * lambda / 4000).epsilon(1e-12));
    // Outside every neighbourhood: no people, no rate.
    CHECK(value_at(h, {550, 1150}) == 0.0);

    const auto people = geo::population_density_per_km2(d, h.grid);
    CHECK(people[static_cast<std::size_t>(h.grid.cell_of({550, 550})->row * h.grid.width + h.grid.cell_of({550, 550})->col)] ==
          doctest::Approx(1000).epsilon(1e-12));
}

TEST_CASE("Bad heatmap flags are bad input naming the flag") {
    const geo::District d = two_squares();
    geo::HeatmapOptions o;
    o.radius_m = 300;
    o.cell_m = 100;
    auto with = [&](auto change) {
        geo::HeatmapOptions copy = o;
        change(copy);
        return copy;
    };
    CHECK_THROWS_WITH_AS(geo::make_heatmap(d, with([](auto& x) { x.cell_m = 0; })), doctest::Contains("--cell"), geo::BadInput);
    CHECK_THROWS_WITH_AS(geo::make_heatmap(d, with([](auto& x) { x.cell_m = std::nan(""); })), doctest::Contains("--cell"),
                         geo::BadInput);
    CHECK_THROWS_WITH_AS(geo::make_heatmap(d, with([](auto& x) { x.radius_m = -1; })), doctest::Contains("--radius"),
                         geo::BadInput);
    CHECK_THROWS_WITH_AS(geo::make_heatmap(d, with([](auto& x) { x.half_life_days = 0; })),
                         doctest::Contains("--half-life"), geo::BadInput);
    CHECK_THROWS_WITH_AS(geo::make_heatmap(d, with([](auto& x) { x.extent = geo::Envelope{10, 0, 5, 100}; })),
                         doctest::Contains("--extent"), geo::BadInput);
    CHECK_THROWS_WITH_AS(geo::make_heatmap(d, with([](auto& x) { x.cell_m = 0.01; })), doctest::Contains("--cell 0.01"),
                         geo::BadInput);
    geo::District nobody = d;
    for (auto& n : nobody.neighbourhoods) n.residents = n.transients = 0;
    CHECK_THROWS_WITH_AS(geo::make_heatmap(nobody, with([](auto& x) { x.per_capita = true; })),
                         doctest::Contains("--per-capita"), geo::BadInput);
    geo::District lone = d;
    lone.incidents.resize(1);
    CHECK_THROWS_WITH_AS(geo::make_heatmap(lone, with([](auto& x) { x.radius_m.reset(); })), doctest::Contains("--radius"),
                         geo::BadInput);
    geo::District empty = d;
    empty.neighbourhoods.clear();
    empty.incidents.clear();
    CHECK_THROWS_WITH_AS(geo::make_heatmap(empty, o), doctest::Contains("--extent"), geo::BadInput);

    CHECK(geo::parse_weight_flag("loss") == geo::HeatmapWeight::loss);
    CHECK(geo::parse_weight_flag("none") == geo::HeatmapWeight::none);
    CHECK_THROWS_WITH_AS(geo::parse_weight_flag("count"), doctest::Contains("--weight 'count'"), geo::BadInput);
    CHECK(geo::raster_format_for("out.TIF") == geo::RasterFormat::geotiff);
    CHECK(geo::raster_format_for("a/b.tiff") == geo::RasterFormat::geotiff);
    CHECK(geo::raster_format_for("map.png") == geo::RasterFormat::png);
    CHECK_THROWS_WITH_AS(geo::raster_format_for("map.jpg"), doctest::Contains("--out"), geo::BadInput);
}
