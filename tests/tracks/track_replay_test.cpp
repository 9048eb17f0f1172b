// The replay's positions on literal tracks: between two fixes by time, along the matched streets
// with a wait where the officer stood, a dead end walked out and back timed on the right pass,
// and between the raw fixes where the signal was lost and the stretch broke.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/tracks/map_match.h"
#include "geo/tracks/track_replay.h"
#include "tests/network/road_fixtures.h"

using namespace geo;

namespace {

constexpr std::int64_t kStart = 1623718800;  // 2021-06-15 09:00 Asia/Shanghai

double length_of(const LineString& line) {
    double m = 0;
    for (std::size_t k = 1; k < line.size(); ++k) m += std::hypot(line[k].x - line[k - 1].x, line[k].y - line[k - 1].y);
    return m;
}

double distance(XY a, XY b) { return std::hypot(a.x - b.x, a.y - b.y); }

// A walk at 1.4 m/s with a fix every 5 s, pushed off the street by a fixed wobble of up to 4 m
// (no random source); `stand` adds fixes where the walk is, `gap` skips time without fixes.
struct Walk {
    std::vector<TrackPoint> points;
    std::int64_t t = kStart;
    XY at;
    explicit Walk(XY from) : at(from) {}
    void fix(XY p) {
        const double k = static_cast<double>(points.size());
        points.push_back({{p.x + 4 * std::sin(1.7 * k), p.y + 4 * std::cos(2.3 * k)}, Timestamp(std::chrono::seconds(t))});
    }
    void to(XY next) {
        const double len = distance(at, next);
        for (double d = 0; d < len; d += 7, t += 5) fix({at.x + (next.x - at.x) * d / len, at.y + (next.y - at.y) * d / len});
        at = next;
    }
    void stand(int seconds) {
        for (int s = 0; s < seconds; s += 5, t += 5) fix(at);
    }
    double now() const { return static_cast<double>(t); }
};

}  // namespace

TEST_CASE("replay: between two fixes the officer is where the times say, the first and last fix outside them") {
    const std::vector<TrackPoint> points{{{0, 0}, Timestamp(std::chrono::seconds(kStart))},
                                         {{100, 0}, Timestamp(std::chrono::seconds(kStart + 100))},
                                         {{100, 50}, Timestamp(std::chrono::seconds(kStart + 300))}};
    CHECK(distance(position_at(points, kStart + 25), {25, 0}) < 1e-9);
    CHECK(distance(position_at(points, kStart + 100), {100, 0}) < 1e-9);
    CHECK(distance(position_at(points, kStart + 200), {100, 25}) < 1e-9);
    CHECK(distance(position_at(points, kStart - 60), {0, 0}) < 1e-9);
    CHECK(distance(position_at(points, kStart + 900), {100, 50}) < 1e-9);
    CHECK(distance(position_at({}, kStart), {0, 0}) < 1e-9);
}

TEST_CASE("replay: along the matched streets, waiting where the officer stood, cut at the moment") {
    //   (0,100) ---- (100,100)
    //      |             |          walk (0,0) -> (100,0), stand 2 minutes at the corner,
    //   (0,0) ------ (100,0)        then up to (100,100)
    const RoadGraph graph = build_road_graph({test::road("south", RoadClass::local, false, 30, {{0, 0}, {100, 0}}),
                                              test::road("east", RoadClass::local, false, 30, {{100, 0}, {100, 100}}),
                                              test::road("north", RoadClass::local, false, 30, {{0, 100}, {100, 100}}),
                                              test::road("west", RoadClass::local, false, 30, {{0, 0}, {0, 100}})});
    Walk w({0, 0});
    w.to({100, 0});
    const double arrived = w.now();
    w.stand(120);
    const double left = w.now();
    w.to({100, 100});
    w.fix({100, 100});
    MapMatcher matcher(graph, Profile::walking);
    const TrackMatch m = matcher.match(w.points);
    REQUIRE(m.chains.size() == 1);
    REQUIRE(m.fix_chain.size() == w.points.size());
    for (int c : m.fix_chain) CHECK(c == 0);

    const auto lines = timed_chains(graph, m, w.points);
    REQUIRE(lines.size() == 1);
    const TimedLine& line = lines[0];
    REQUIRE(line.points.size() == line.times_s.size());
    for (std::size_t k = 1; k < line.times_s.size(); ++k) CHECK(line.times_s[k] >= line.times_s[k - 1]);
    CHECK(line.first_s() == doctest::Approx(static_cast<double>(kStart)));
    CHECK(line.last_s() == doctest::Approx(w.now()));
    // Walking: within the wobble of where the walk was; standing: at the corner the whole time.
    CHECK(distance(position_on(line, kStart + 35), {49, 0}) < 8);
    for (double t = arrived + 10; t < left - 10; t += 20) CHECK(distance(position_on(line, t), {100, 0}) < 6);
    CHECK(distance(position_on(line, left + 35), {100, 49}) < 8);

    // Cut halfway up the east street: 150 m behind, 50 ahead, both ends at the cut.
    const SplitLine cut = split_at(line, left + 50.0 / 1.4);
    CHECK(length_of(cut.behind) == doctest::Approx(150).epsilon(0.05));
    CHECK(length_of(cut.ahead) == doctest::Approx(50).epsilon(0.15));
    CHECK(cut.behind.back() == cut.ahead.front());
    CHECK(length_of(split_at(line, kStart - 10).ahead) == doctest::Approx(length_of(line.points)));
    CHECK(length_of(split_at(line, w.now() + 10).behind) == doctest::Approx(length_of(line.points)));

    const ReplayPosition p = replay_position(w.points, lines, kStart + 35);
    CHECK(p.on_streets);
    CHECK(p.chain == 0);
    CHECK(distance(p.at, position_on(line, kStart + 35)) < 1e-9);
}

TEST_CASE("replay: a dead end walked out and back is timed on the way back as the way back") {
    //                (200,150)
    //                   |             the dead end, 150 m
    //   (0,0) ------ (200,0) ------ (400,0)
    const RoadGraph graph = build_road_graph({test::road("main", RoadClass::local, false, 30, {{0, 0}, {200, 0}, {400, 0}}),
                                              test::road("dead", RoadClass::local, false, 30, {{200, 0}, {200, 150}})});
    Walk w({0, 0});
    w.to({200, 0});
    w.to({200, 150});
    const double at_end = w.now();
    w.to({200, 0});
    w.to({400, 0});
    w.fix({400, 0});
    MapMatcher matcher(graph, Profile::walking);
    const TrackMatch m = matcher.match(w.points);
    REQUIRE(m.chains.size() == 1);
    const auto lines = timed_chains(graph, m, w.points);
    REQUIRE(lines.size() == 1);
    const double total = length_of(lines[0].points);
    CHECK(total == doctest::Approx(700).epsilon(0.05));
    // Halfway back down the dead end: 75 m of it and the 200 m of the main street still ahead.
    const double back_halfway = at_end + 75 / 1.4;
    CHECK(distance(position_on(lines[0], back_halfway), {200, 75}) < 8);
    CHECK(length_of(split_at(lines[0], back_halfway).ahead) == doctest::Approx(275).epsilon(0.08));
}

TEST_CASE("replay: where the signal was lost the stretch breaks and the officer is between the raw fixes") {
    const RoadGraph graph = build_road_graph({test::road("main", RoadClass::local, false, 30, {{0, 0}, {1000, 0}})});
    Walk w({0, 0});
    w.to({200, 0});
    const double lost = w.now() - 5;
    w.t += 600;  // ten minutes without a fix (the matcher breaks stretches after 120 s)
    w.at = {500, 0};
    const double found = w.now();
    w.to({700, 0});
    w.fix({700, 0});
    MapMatcher matcher(graph, Profile::walking);
    const TrackMatch m = matcher.match(w.points);
    REQUIRE(m.chains.size() == 2);
    const auto lines = timed_chains(graph, m, w.points);
    const double middle = (lost + found) / 2;
    const ReplayPosition p = replay_position(w.points, lines, middle);
    CHECK_FALSE(p.on_streets);
    CHECK(p.chain == -1);
    CHECK(distance(p.at, position_at(w.points, middle)) < 1e-9);
    CHECK(p.at.x > 250);
    CHECK(p.at.x < 450);
    CHECK(replay_position(w.points, lines, found + 30).chain == 1);
}
