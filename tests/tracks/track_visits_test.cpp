// Dwells and the visits they confirm, on literal tracks: a stop with scattered fixes, a stray fix
// and a gap indoors is one dwell; a short pause is none; a dwell between two buildings goes to
// the one planned and is marked ambiguous; planned stops passed without stopping are listed.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/planning/iso_week.h"
#include "geo/tracks/track_visits.h"

using namespace geo;

namespace {

constexpr std::int64_t kMonday9 = 1623632400;  // 2021-06-14 09:00 Asia/Shanghai (W24)

struct TrackBuilder {
    Track track;
    std::int64_t t = kMonday9;
    XY at{-100, 0};
    void fix(XY p) { track.points.push_back({p, Timestamp(std::chrono::seconds(t))}); }
    // Walks to `to` at 1.4 m/s, a fix every 5 s.
    void walk_to(XY to) {
        const double len = std::hypot(to.x - at.x, to.y - at.y);
        for (double d = 0; d < len; d += 7, t += 5) fix({at.x + (to.x - at.x) * d / len, at.y + (to.y - at.y) * d / len});
        at = to;
    }
    // Stands at `at` for `seconds`, fixes scattered up to 12 m around it.
    void stand(double seconds) {
        for (double s = 0; s < seconds; s += 5, t += 5) fix({at.x + 12 * std::sin(s), at.y + 12 * std::cos(1.3 * s)});
    }
};

Building building(std::string id, XY at) {
    Building b;
    b.id = std::move(id);
    b.location = at;
    return b;
}

}  // namespace

TEST_CASE("dwells: 3 minutes with scatter, a stray fix and 4 minutes without signal is one dwell; a minute's pause is none") {
    TrackBuilder b;
    b.walk_to({0, 0});
    const std::int64_t arrived = b.t;
    b.stand(60);
    b.fix({40, 0});  // one stray fix 40 m off
    b.t += 5;
    b.stand(60);
    b.t += 240;      // indoors: no fix for 4 minutes
    b.stand(55);
    const std::int64_t left = b.t - 5;
    b.walk_to({200, 0});
    b.stand(60);     // a pause at a crossing: with the walk in and out within 30 m, about 100 s
    b.walk_to({400, 0});
    const auto dwells = find_dwells(b.track);
    REQUIRE(dwells.size() == 1);
    CHECK(dwells[0].start.time_since_epoch().count() <= arrived);
    // The last metres of the walk in (within reach of the running centre) count as there.
    CHECK(dwells[0].start.time_since_epoch().count() >= arrived - 60);
    CHECK(dwells[0].end.time_since_epoch().count() >= left - 10);
    CHECK(dwells[0].seconds() >= 400);
    CHECK(std::hypot(dwells[0].centre.x, dwells[0].centre.y) < 8);
    // With a 90 s minimum the pause at the crossing counts too.
    DwellOptions shorter;
    shorter.min_s = 90;
    CHECK(find_dwells(b.track, shorter).size() == 2);
}

TEST_CASE("visits from tracks: the planned building of two near ones, an unplanned one, one elsewhere, one planned stop passed by") {
    District d;
    d.metadata.timezone = "Asia/Shanghai";
    d.buildings = {building("B1", {0, 0}), building("B2", {20, 0}), building("B3", {300, 0}), building("B4", {600, 0})};
    d.planned_visits = {{"P01", "2021-W24", "2021-06-14", 1, "B2", 5}, {"P01", "2021-W24", "2021-06-14", 2, "B3", 4},
                        {"P02", "2021-W24", "2021-06-14", 1, "B4", 4}};  // P02 has no track: not listed
    TrackBuilder b;
    b.track.id = "P01-2021-06-14-phone";
    b.track.officer_id = "P01";
    b.walk_to({4, 0});  // nearer B1, but B2 (planned) is within 30 m too
    b.stand(180);
    b.walk_to({300, 40});  // past B3 at 40 m without stopping
    b.walk_to({600, 5});
    b.stand(150);          // B4: not in P01's plan
    b.walk_to({900, 900});
    b.stand(600);          // lunch, far from every building
    d.tracks = {b.track};

    const auto week = parse_iso_week("2021-W24", d.metadata.timezone);
    REQUIRE(week);
    const TrackVisitReport r = visits_from_tracks(d, "2021-W24", *week);
    CHECK(r.tracks == 1);
    REQUIRE(r.visits.size() == 2);
    CHECK(r.visits[0].building_id == "B2");
    CHECK(r.visits[0].planned);
    CHECK(r.visits[0].ambiguous);
    CHECK(r.visits[0].date == "2021-06-14");
    CHECK(r.visits[1].building_id == "B4");
    CHECK_FALSE(r.visits[1].planned);
    CHECK_FALSE(r.visits[1].ambiguous);
    REQUIRE(r.elsewhere.size() == 1);
    REQUIRE(r.not_visited.size() == 1);
    CHECK(r.not_visited[0].building_id == "B3");
    const auto records = visit_records(r, "2021-06-14T12:00:00Z");
    REQUIRE(records.size() == 2);
    CHECK(records[0] == VisitRecord{"B2", "2021-06-14", "P01", "track", "2021-06-14T12:00:00Z"});

    // Another week holds none of it.
    const auto w25 = parse_iso_week("2021-W25", d.metadata.timezone);
    CHECK(visits_from_tracks(d, "2021-W25", *w25).visits.empty());
}
