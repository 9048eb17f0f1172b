// One track reviewed as the replay shows it, on a literal street and track: the dwells at the
// planned door (two in a row, one visit) are a visit to it, the planned stop walked past is not
// visited, the dwell far from every building visits none, the matched streets cover the walk.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/tracks/track_review.h"
#include "tests/network/road_fixtures.h"

using namespace geo;

namespace {

constexpr std::int64_t kTuesday9 = 1623718800;  // 2021-06-15 09:00 Asia/Shanghai (W24)

Building building(std::string id, XY at) {
    Building b;
    b.id = std::move(id);
    b.address = "溪坦村" + b.id;
    b.location = at;
    return b;
}

// Walks along y = 0 at 1.4 m/s (a fix every 5 s); stands with fixes scattered up to 8 m.
struct TrackBuilder {
    Track track;
    std::int64_t t = kTuesday9;
    XY at{0, 0};
    void fix(XY p) { track.points.push_back({p, Timestamp(std::chrono::seconds(t))}); }
    void walk_to(XY to) {
        const double len = std::hypot(to.x - at.x, to.y - at.y);
        for (double d = 0; d < len; d += 7, t += 5) fix({at.x + (to.x - at.x) * d / len, at.y + (to.y - at.y) * d / len});
        at = to;
    }
    void stand(double seconds) {
        for (double s = 0; s < seconds; s += 5, t += 5) fix({at.x + 8 * std::sin(s), at.y + 8 * std::cos(1.3 * s)});
    }
};

}  // namespace

TEST_CASE("track review: the planned door stood at is visited, the one walked past is not, a stop in the street visits nothing") {
    //   post (0,0) ----------------------------------------------- (1000,0)
    //              B1 (200,-15)        B2 (500,-15)      lunch at (800,0)
    District d;
    d.metadata.timezone = "Asia/Shanghai";
    d.roads = {test::road("main", RoadClass::local, false, 30, {{0, 0}, {500, 0}, {1000, 0}})};
    Officer o;
    o.id = "P01";
    o.post = XY{0, 0};
    d.officers = {o};
    d.buildings = {building("B1", {200, -15}), building("B2", {500, -15})};
    d.planned_visits = {{"P01", "2021-W24", "2021-06-15", 1, "B1", 5}, {"P01", "2021-W24", "2021-06-15", 2, "B2", 4}};
    TrackBuilder b;
    b.track.id = "P01-2021-06-15-phone";
    b.track.officer_id = "P01";
    b.walk_to({200, -10});
    b.stand(300);          // five minutes at B1's door,
    b.walk_to({200, -70}); // out to the back of the block,
    b.walk_to({200, -10});
    b.stand(180);          // and three more at the door: two dwells, one visit
    b.walk_to({800, 0});   // past B2 without stopping
    b.stand(600);          // lunch, 300 m from B2
    b.walk_to({1000, 0});
    d.tracks = {b.track};
    const RoadGraph graph = build_road_graph(d.roads);

    const TrackReview r = review_track(d, graph, d.tracks[0]);
    CHECK(r.date == "2021-06-15");
    CHECK(r.week == "2021-W24");
    CHECK(r.fixes == b.track.points.size());
    REQUIRE(r.dwells.size() == 3);
    CHECK(r.dwells[0].building_id == "B1");
    CHECK(r.dwells[0].address == "溪坦村B1");
    CHECK(r.dwells[0].planned);
    CHECK(r.dwells[0].dwell.seconds() >= 240);
    CHECK(r.dwells[1].building_id == "B1");
    CHECK(r.dwells[2].building_id.empty());
    REQUIRE(r.planned_stops.size() == 2);
    CHECK(r.planned_stops[0].stop.visit.building_id == "B1");
    CHECK(r.planned_stops[0].visited);
    CHECK(r.planned_stops[0].visited_at == r.dwells[0].dwell.start);
    CHECK_FALSE(r.planned_stops[1].visited);
    CHECK(r.stops_visited() == 1);
    CHECK(r.stops_not_visited() == 1);
    CHECK(r.matched_m == doctest::Approx(1000).epsilon(0.03));
    REQUIRE(r.timed_lines.size() == r.matched_lines.size());
    CHECK(r.planned_path.front() == XY{0, 0});
}
