// Polygon triangulation (earcut method) on drawn fixtures and on every building of an OSM extract.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <string>

#include "geo/io/gdal_handles.h"
#include "geo/render/triangulate.h"
#include "tests/common/fixtures.h"

using namespace geo;

namespace {

Ring ring(std::initializer_list<XY> points) {
    Ring r(points);
    r.push_back(r.front());  // our rings are closed
    return r;
}

Ring reversed(Ring r) { return Ring(r.rbegin(), r.rend()); }

double twice_signed_area(const XY& a, const XY& b, const XY& c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

// Even-odd rule over every ring: inside the shell and outside its holes (and right for a ring
// that touches itself, whose inverted parts are crossed twice).
bool inside(const Polygon& polygon, const XY& p) {
    bool in = false;
    auto cross_ring = [&](const Ring& r) {
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            if ((r[i].y > p.y) != (r[j].y > p.y) &&
                p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
                in = !in;
        }
    };
    cross_ring(polygon.outer);
    for (const Ring& hole : polygon.holes) cross_ring(hole);
    return in;
}

// What every clean fixture must satisfy: the triangles tile the polygon exactly, all lie inside
// it, none is degenerate, all are counter-clockwise, and the vertices are the input's.
void check_tiles_exactly(const Polygon& polygon) {
    const Triangulation t = triangulate(polygon);
    const double area = area_m2(MultiPolygon{polygon});
    REQUIRE(area > 0);
    REQUIRE(t.indices.size() % 3 == 0);
    REQUIRE(t.triangle_count() > 0);
    CHECK(std::abs(triangulated_area_m2(t) - area) <= 1e-9 * area);
    for (std::size_t k = 0; k < t.indices.size(); k += 3) {
        REQUIRE(t.indices[k] < t.vertices.size());
        REQUIRE(t.indices[k + 1] < t.vertices.size());
        REQUIRE(t.indices[k + 2] < t.vertices.size());
        const XY& a = t.vertices[t.indices[k]];
        const XY& b = t.vertices[t.indices[k + 1]];
        const XY& c = t.vertices[t.indices[k + 2]];
        const double twice = twice_signed_area(a, b, c);
        CHECK(twice > 1e-9 * area);  // counter-clockwise and not degenerate
        const XY centre{(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3};
        CHECK(inside(polygon, centre));
    }
    // Vertices are the rings' points in order, without the closing ones.
    std::size_t expected_vertices = polygon.outer.size() - 1;
    for (const Ring& hole : polygon.holes) expected_vertices += hole.size() - 1;
    CHECK(t.vertices.size() == expected_vertices);
    CHECK(t.vertices.front() == polygon.outer.front());
}

}  // namespace

TEST_CASE("A square, either way round, is two triangles") {
    //  (0,10) +-----+ (10,10)
    //         |     |
    //  (0,0)  +-----+ (10,0)
    const Polygon ccw{ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}}), {}};
    check_tiles_exactly(ccw);
    CHECK(triangulate(ccw).triangle_count() == 2);
    const Polygon cw{reversed(ccw.outer), {}};
    check_tiles_exactly(cw);
    CHECK(triangulate(cw).triangle_count() == 2);
}

TEST_CASE("A concave L-shape is tiled without covering its notch") {
    //  (0,20) +----+ (10,20)
    //         |    |
    //         |    +-------+ (30,10)
    //         |  (10,10)   |
    //  (0,0)  +------------+ (30,0)
    const Polygon l{ring({{0, 0}, {30, 0}, {30, 10}, {10, 10}, {10, 20}, {0, 20}}), {}};
    check_tiles_exactly(l);
    CHECK(triangulate(l).triangle_count() == 4);  // n - 2 for a simple polygon
}

TEST_CASE("A comb's teeth are filled and the gaps between them left empty") {
    //  (0,12)                    (17,12)
    //     +-+  +-+  +-+  +-+      four teeth 2 m wide, 10 m tall; gaps 3 m wide
    //     | |  | |  | |  | |
    //     | +--+ +--+ +--+ |
    //     +----------------+      back 2 m tall
    //  (0,0)                     (17,0)
    const Polygon polygon{ring({{0, 0}, {17, 0}, {17, 12}, {15, 12}, {15, 2}, {12, 2}, {12, 12},
                                {10, 12}, {10, 2}, {7, 2}, {7, 12}, {5, 12}, {5, 2}, {2, 2},
                                {2, 12}, {0, 12}}),
                          {}};
    CHECK(area_m2(MultiPolygon{polygon}) == doctest::Approx(4 * 2 * 10 + 17 * 2));
    check_tiles_exactly(polygon);
    CHECK(triangulate(polygon).triangle_count() == 16 - 2);
}

TEST_CASE("A square with a hole is tiled around the hole") {
    //  +-----------+ (10,10)
    //  |  +-----+  |
    //  |  |hole |  |   hole (3,3)-(7,7), given in the same orientation as the shell
    //  |  +-----+  |
    //  +-----------+
    const Polygon polygon{ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}}),
                          {ring({{3, 3}, {7, 3}, {7, 7}, {3, 7}})}};
    check_tiles_exactly(polygon);
    CHECK(triangulated_area_m2(triangulate(polygon)) == doctest::Approx(84).epsilon(1e-12));
    check_tiles_exactly(Polygon{reversed(polygon.outer), {reversed(polygon.holes[0])}});
}

TEST_CASE("Several holes, two sharing their leftmost x and two touching, are all kept out") {
    //  (0,20) +-------------------------------+ (40,20)
    //         |  +--+   +--+                  |
    //         |  |A |   |C |        /\        |   A, B: leftmost points at the same x
    //         |  +--+   +--+       < D>       |   D: a diamond
    //         |  +--+   +--+        \/        |   F: a triangle touching E at E's
    //         |  |B |   |E |___               |      corner (14,3)
    //         |  +--+   +--+\_F/              |
    //  (0,0)  +-------------------------------+ (40,0)
    const Polygon polygon{
        ring({{0, 0}, {40, 0}, {40, 20}, {0, 20}}),
        {ring({{2, 12}, {6, 12}, {6, 16}, {2, 16}}),
         ring({{2, 3}, {6, 3}, {6, 7}, {2, 7}}),
         ring({{10, 12}, {14, 12}, {14, 16}, {10, 16}}),
         ring({{30, 5}, {35, 10}, {30, 15}, {25, 10}}),
         ring({{10, 3}, {14, 3}, {14, 7}, {10, 7}}),
         ring({{14, 3}, {20, 2}, {18, 6}})}};
    check_tiles_exactly(polygon);
}

TEST_CASE("Duplicate and collinear points change nothing") {
    //  (0,10) +--o--+ (10,10)     o: extra points on the edges
    //         |     o             ●: a vertex given three times
    //  (0,0)  ●--o--+ (10,0)
    const Polygon polygon{ring({{0, 0}, {0, 0}, {5, 0}, {10, 0}, {10, 0}, {10, 5}, {10, 10},
                                {5, 10}, {5, 10}, {0, 10}, {0, 0}}),
                          {}};
    check_tiles_exactly(polygon);
    CHECK(triangulate(polygon).triangle_count() == 2);
    // The same with a hole that repeats a point and has a collinear one.
    const Polygon holed{polygon.outer, {ring({{2, 2}, {4, 2}, {6, 2}, {6, 2}, {6, 6}, {2, 6}})}};
    check_tiles_exactly(holed);
}

TEST_CASE("A ring that touches itself is tiled as the polygon it outlines") {
    SUBCASE("two squares meeting at a corner, drawn as one ring") {
        //            +-----+ (20,20)
        //            |     |
        //  (0,10) +--●-----+
        //         |  |(10,10)
        //  (0,0)  +--+ (10,0)       ● visited twice
        const Polygon polygon{ring({{0, 0}, {10, 0}, {10, 10}, {20, 10}, {20, 20}, {10, 20},
                                    {10, 10}, {0, 10}}),
                              {}};
        CHECK(area_m2(MultiPolygon{polygon}) == doctest::Approx(200));
        check_tiles_exactly(polygon);
    }
    SUBCASE("a shell whose ring dips in to cut out a diamond touching it") {
        //  (0,20) +-----------+ (20,20)
        //         |   /\      |
        //  (0,10) ●  <  >     |     the diamond (0,10),(10,15),(15,10),(10,5), 75 m², is out;
        //         |   \/      |     the ring passes through ● twice
        //  (0,0)  +-----------+ (20,0)
        const Polygon polygon{ring({{0, 0}, {20, 0}, {20, 20}, {0, 20}, {0, 10}, {10, 15},
                                    {15, 10}, {10, 5}, {0, 10}}),
                              {}};
        CHECK(area_m2(MultiPolygon{polygon}) == doctest::Approx(400 - 75));
        check_tiles_exactly(polygon);
    }
}

TEST_CASE("A large ring with holes goes through the z-order hash and still tiles exactly") {
    // A 360-tooth gear (720 points, concave between teeth) with 12 square holes on a spiral
    // (so that no two holes have edges on one line, which rounding would turn into slivers).
    Ring gear;
    for (int k = 0; k < 720; ++k) {
        const double angle = 2 * std::numbers::pi * k / 720;
        const double radius_m = (k % 2 == 0) ? 100 : 90;
        gear.push_back({radius_m * std::cos(angle), radius_m * std::sin(angle)});
    }
    gear.push_back(gear.front());
    Polygon polygon{gear, {}};
    for (int h = 0; h < 12; ++h) {
        const double angle = 2 * std::numbers::pi * h / 12 + 0.2;
        const double radius_m = 40 + 2 * h;
        const XY c{radius_m * std::cos(angle), radius_m * std::sin(angle)};
        polygon.holes.push_back(
            ring({{c.x - 5, c.y - 5}, {c.x + 5, c.y - 5}, {c.x + 5, c.y + 5}, {c.x - 5, c.y + 5}}));
    }
    check_tiles_exactly(polygon);
}

TEST_CASE("A ring with a small self-crossing loop still gives triangles") {
    //  (0,10) +----------+ (10,10)
    //         |          |
    //         |         /\ <- a tiny loop: (9.8,6)-(10.2,6) crosses (10,4.5)-(10,10) at (10,6)
    //  (0,0)  +----------+ (10,0)
    const Polygon polygon{ring({{0, 0}, {10, 0}, {10, 4}, {9.8, 6}, {10.2, 6}, {10, 4.5}, {10, 10},
                                {0, 10}}),
                          {}};
    const Triangulation t = triangulate(polygon);
    CHECK(t.triangle_count() > 0);
    CHECK(triangulated_area_m2(t) == doctest::Approx(100).epsilon(0.01));
}

TEST_CASE("Degenerate input gives no triangles and no error") {
    CHECK(triangulate(Polygon{}).indices.empty());
    CHECK(triangulate(Polygon{ring({{0, 0}, {1, 1}}), {}}).indices.empty());
    CHECK(triangulate(Polygon{ring({{0, 0}, {1, 1}, {2, 2}, {3, 3}}), {}}).indices.empty());
    CHECK(triangulate(Polygon{ring({{5, 5}, {5, 5}, {5, 5}}), {}}).indices.empty());
    CHECK(triangulate(MultiPolygon{}).vertices.empty());
}

TEST_CASE("A multipolygon's parts are appended to one vertex list") {
    //  +--+      +--+
    //  |  |      |  |   two unit squares 5 m apart
    //  +--+      +--+
    const MultiPolygon parts{{ring({{0, 0}, {1, 0}, {1, 1}, {0, 1}}), {}},
                             {ring({{5, 0}, {6, 0}, {6, 1}, {5, 1}}), {}}};
    const Triangulation t = triangulate(parts);
    CHECK(t.vertices.size() == 8);
    CHECK(t.triangle_count() == 4);
    CHECK(triangulated_area_m2(t) == doctest::Approx(2).epsilon(1e-12));
    // The second part's triangles use the second part's vertices.
    for (std::size_t k = 6; k < 12; ++k) CHECK(t.indices[k] >= 4);
}

namespace {

// Monaco's longitude/latitude to metres east/north of (7.42°E, 43.73°N), equirectangular with
// the longitude scaled by cos(latitude). Good to a fraction of a percent over Monaco's 3 km, and
// both areas compared are taken in this same frame, so its small distortion cancels out.
XY local_metres(double lon, double lat) {
    constexpr double earth_radius_m = 6371008.8;  // IUGG mean radius
    constexpr double lon0 = 7.42, lat0 = 43.73;
    const double m_per_deg = earth_radius_m * std::numbers::pi / 180;
    return {(lon - lon0) * m_per_deg * std::cos(lat0 * std::numbers::pi / 180),
            (lat - lat0) * m_per_deg};
}

Ring ring_of(const OGRLinearRing& r) {
    Ring out;
    out.reserve(static_cast<std::size_t>(r.getNumPoints()));
    for (int i = 0; i < r.getNumPoints(); ++i) out.push_back(local_metres(r.getX(i), r.getY(i)));
    return out;
}

Polygon polygon_of(const OGRPolygon& p) {
    Polygon out;
    if (const OGRLinearRing* shell = p.getExteriorRing()) out.outer = ring_of(*shell);
    for (int i = 0; i < p.getNumInteriorRings(); ++i) out.holes.push_back(ring_of(*p.getInteriorRing(i)));
    return out;
}

}  // namespace

TEST_CASE("Every building of the Monaco OSM extract triangulates, areas agreeing") {
    const auto path = test::external("roads/monaco.osm.pbf");
    REQUIRE(std::filesystem::exists(path));
    GdalDatasetPtr ds = open_vector(path.string(), false);
    REQUIRE(ds);
    auto release = [&](OGRLayer* layer) { ds->ReleaseResultSet(layer); };
    std::unique_ptr<OGRLayer, decltype(release)> buildings(
        ds->ExecuteSQL("SELECT * FROM multipolygons WHERE building IS NOT NULL", nullptr, nullptr),
        release);
    REQUIRE(buildings);

    std::size_t count = 0, without_triangles = 0, with_area_without_triangles = 0, invalid = 0;
    double valid_polygon_area_m2 = 0, valid_triangle_area_m2 = 0;
    for (auto& feature : *buildings) {
        const OGRGeometry* g = feature->GetGeometryRef();
        if (!g) continue;
        MultiPolygon parts;
        switch (wkbFlatten(g->getGeometryType())) {
            case wkbPolygon: parts.push_back(polygon_of(*g->toPolygon())); break;
            case wkbMultiPolygon:
                for (const OGRPolygon* p : *g->toMultiPolygon()) parts.push_back(polygon_of(*p));
                break;
            default: continue;
        }
        ++count;
        const Triangulation t = triangulate(parts);
        const double area = area_m2(parts);
        if (t.indices.empty()) {
            ++without_triangles;
            if (area > 0) ++with_area_without_triangles;
        }
        // A self-crossing ring has no single "area" to compare with (its shoelace sum subtracts
        // one lobe from the other); those still have to give triangles, checked above.
        if (!g->IsValid()) {
            ++invalid;
            continue;
        }
        valid_polygon_area_m2 += area;
        valid_triangle_area_m2 += triangulated_area_m2(t);
    }
    // The extract holds 23,336 buildings; 7 are two-point ways (zero area, nothing to fill) and
    // 10 are invalid (those 7, one relation, two self-crossing ways).
    CHECK(count > 20000);
    CHECK(static_cast<double>(without_triangles) < 0.001 * static_cast<double>(count));
    CHECK(with_area_without_triangles == 0);
    CHECK(static_cast<double>(invalid) < 0.001 * static_cast<double>(count));
    CHECK(std::abs(valid_triangle_area_m2 - valid_polygon_area_m2) / valid_polygon_area_m2 < 1e-6);
}
