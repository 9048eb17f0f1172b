// The map camera: screen <-> map, zoom about the cursor, fitting, scale bar lengths.
#include <doctest/doctest.h>

#include "app/map/camera.h"

using map::Camera;

TEST_CASE("screen and map coordinates invert each other, y up on the map, down on screen") {
    Camera c;
    c.set_viewport(800, 600);
    c.set({500000, 3200000}, 0.5);
    const geo::XY m = c.to_map({400, 300});
    CHECK(m.x == doctest::Approx(500000));
    CHECK(m.y == doctest::Approx(3200000));
    const geo::XY up = c.to_map({400, 200});  // 100 px up the screen = 200 m north
    CHECK(up.y == doctest::Approx(3200200));
    const map::ScreenPoint back = c.to_screen({500123, 3199877});
    const geo::XY again = c.to_map(back);
    CHECK(again.x == doctest::Approx(500123));
    CHECK(again.y == doctest::Approx(3199877));
}

TEST_CASE("zooming keeps the point under the cursor still") {
    Camera c;
    c.set_viewport(800, 600);
    c.set({0, 0}, 0.1);
    const map::ScreenPoint cursor{650, 120};
    const geo::XY before = c.to_map(cursor);
    c.zoom_at(cursor, 2.5);
    const geo::XY after = c.to_map(cursor);
    CHECK(after.x == doctest::Approx(before.x));
    CHECK(after.y == doctest::Approx(before.y));
    CHECK(c.pixels_per_metre() == doctest::Approx(0.25));
}

TEST_CASE("fit shows the whole extent inside the margins") {
    Camera c;
    c.set_viewport(1000, 500);
    c.fit({0, 0, 6000, 5000}, 20);
    const geo::Envelope v = c.visible_extent();
    CHECK(v.min_x <= 0);
    CHECK(v.max_x >= 6000);
    CHECK(v.min_y == doctest::Approx(-20 / c.pixels_per_metre()));
    CHECK(c.pixels_per_metre() == doctest::Approx(460.0 / 5000));
}

TEST_CASE("scale bars read 1, 2 or 5 times a power of ten") {
    CHECK(map::nice_scale_bar(0.1, 160).metres == 1000);   // 1600 m fits: 1 km
    CHECK(map::nice_scale_bar(0.05, 160).metres == 2000);  // 3200 m fits: 2 km
    CHECK(map::nice_scale_bar(1.0, 160).metres == 100);
    CHECK(map::nice_scale_bar(0.01, 160).metres == 10000);
    CHECK(map::nice_scale_bar(0.01, 160).pixels == doctest::Approx(100));
}
