// What a heatmap asks the store for (geo/density/heatmap_query.h): its window always, a box only
// where no incident outside it can change the surface, and the surface made from what the query
// keeps is the surface made from every incident.
#include "geo/density/heatmap_query.h"

#include <doctest/doctest.h>

#include <chrono>

namespace {

using namespace std::chrono_literals;

const geo::Timestamp t0 = std::chrono::sys_days{std::chrono::year{2021} / 6 / 1};

geo::HeatmapOptions june_over(const geo::Envelope& extent, double radius_m, double cell_m) {
    geo::HeatmapOptions o;
    o.filter.window = geo::TimeWindow{t0, t0 + 30 * 24h};
    o.extent = extent;
    o.radius_m = radius_m;
    o.cell_m = cell_m;
    return o;
}

// Incidents on a line y = 500 every 50 m from x = -2000 to 4000, in June, around the extent
// [0, 1000] x [0, 1000]: the kernel of r = 300 m reaches cells from up to 300 m outside.
//
//   ----•--•--•--[=====extent=====]--•--•--•----   y = 500
//     -2000       0            1000          4000
geo::District line_of_incidents() {
    geo::District d;
    d.metadata.crs = "EPSG:4549";
    int n = 0;
    for (double x = -2000; x <= 4000; x += 50) {
        geo::Incident i;
        i.id = "I" + std::to_string(++n);
        i.location = {x, 500};
        i.time = t0 + std::chrono::hours{n % 700};
        d.incidents.push_back(i);
    }
    return d;
}

}  // namespace

TEST_CASE("heatmap query: the window always, a box only with an extent and a radius") {
    const geo::Envelope extent{0, 0, 1000, 1000};
    const geo::IncidentQuery q = geo::heatmap_incident_query(june_over(extent, 300, 100), "S07");
    REQUIRE(q.window);
    CHECK(q.window->from == t0);
    CHECK(q.station_id == "S07");
    REQUIRE(q.box);
    // The grid's extent (whole 100 m cells from the corner: here the extent itself) grown by the
    // radius and one cell.
    CHECK(q.box->min_x == doctest::Approx(-400));
    CHECK(q.box->max_x == doctest::Approx(1400));
    CHECK(q.box->min_y == doctest::Approx(-400));
    CHECK(q.box->max_y == doctest::Approx(1400));
    CHECK(geo::is_narrowed(q));
    CHECK_FALSE(q.neighbourhoods);  // the extent is given

    geo::HeatmapOptions default_bandwidth = june_over(extent, 300, 100);
    default_bandwidth.radius_m.reset();  // a rule over every selected incident
    CHECK_FALSE(geo::heatmap_incident_query(default_bandwidth).box);

    geo::HeatmapOptions decay_to_latest = june_over(extent, 300, 100);
    decay_to_latest.half_life_days = 7;
    decay_to_latest.filter.window = geo::TimeWindow{t0, geo::Timestamp::max()};  // no end: age from the latest incident
    CHECK_FALSE(geo::heatmap_incident_query(decay_to_latest).box);
    decay_to_latest.filter.window->to = t0 + 30 * 24h;
    CHECK(geo::heatmap_incident_query(decay_to_latest).box);

    geo::HeatmapOptions per_capita = june_over(extent, 300, 100);
    per_capita.per_capita = true;
    CHECK(geo::heatmap_incident_query(per_capita).neighbourhoods);

    geo::HeatmapOptions everything;
    everything.cell_m = 100;
    CHECK_FALSE(geo::is_narrowed(geo::heatmap_incident_query(everything)));
    CHECK(geo::heatmap_incident_query(everything).neighbourhoods);
}

TEST_CASE("heatmap query: the surface from the incidents in the box is the surface from all of them") {
    const geo::District all = line_of_incidents();
    for (const geo::Kernel kernel : {geo::Kernel::quartic, geo::Kernel::gaussian, geo::Kernel::uniform}) {
        geo::HeatmapOptions o = june_over({0, 0, 1000, 1000}, 300, 70);  // 70 m cells: the grid overhangs the extent
        o.kernel = kernel;
        const geo::IncidentQuery q = geo::heatmap_incident_query(o);
        REQUIRE(q.box);
        geo::District kept = all;
        std::erase_if(kept.incidents, [&](const geo::Incident& i) { return !q.box->contains(i.location); });
        REQUIRE(kept.incidents.size() < all.incidents.size() / 2);
        const geo::Heatmap from_all = geo::make_heatmap(all, o);
        const geo::Heatmap from_box = geo::make_heatmap(kept, o);
        CHECK(from_box.values == from_all.values);
        CHECK(from_box.max_value > 0);
    }
}
