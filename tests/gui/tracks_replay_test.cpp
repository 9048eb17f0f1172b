// The track replay in the Routes tab (issue 13), under Xvfb: the streets, dwells and planned
// stops the window shows for a track are what geo's matcher, dwell finder and visit rules give
// for it, the officer's marker at track_time stands where geo's replay puts it, and the frame's
// pixels show the marker and the stops' colours there. Each case renders the sample with
// `patrolmap gui --screenshot --report`; the replay writes nothing to the workspace.
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sys/wait.h>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/visit_log.h"
#include "geo/tracks/map_match.h"
#include "geo/tracks/track_replay.h"
#include "geo/tracks/track_visits.h"
#include "geo/util/time_parse.h"
#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"

namespace {

const std::string kTrack = "P03-2021-06-15-phone";
// Every other layer off: the pixels are the replay's alone.
const std::string kQuiet =
    "neighbourhoods=off,incidents=off,posters=off,sites=off,buildings=off,roads=off,officer_areas=off,labels=off,tab=routes";

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

struct Frame {
    test::PngImage image;
    nlohmann::json report;
};

int run_gui(const std::string& layer_state, const test::ScratchDir& dir) {
    const std::string command = "xvfb-run -a -s '-screen 0 1280x800x24' '" + test::binary("patrolmap").string() + "' gui '" +
                                (test::source_dir() / "data/jiangnan.gpkg").string() + "' --size 1280x800 --lang en --layer-state '" +
                                layer_state + "' --screenshot '" + (dir / "frame.png").string() + "' --report '" +
                                (dir / "frame.json").string() + "' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Frame render(const std::string& layer_state) {
    test::ScratchDir dir;
    REQUIRE(run_gui(layer_state, dir) == 0);
    Frame f;
    f.image = test::load_png(dir / "frame.png");
    std::ifstream in(dir / "frame.json");
    f.report = nlohmann::json::parse(in);
    return f;
}

const geo::District& sample() {
    static const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    return d;
}

const geo::Track& track(const std::string& id) {
    for (const auto& t : sample().tracks)
        if (t.id == id) return t;
    FAIL("no track " << id);
    throw;
}

double seconds_at(const std::string& local) {
    const auto t = geo::parse_iso8601(local, sample().metadata.timezone);
    REQUIRE(t);
    return geo::seconds_of(*t);
}

// Where the frame drew map point `p`: the report's camera (map::Camera::to_screen).
std::pair<double, double> frame_px(const nlohmann::json& report, geo::XY p) {
    const auto& rect = report["map_rect"];
    const double ppm = report["pixels_per_metre"];
    return {rect[0].get<double>() + rect[2].get<double>() / 2 + (p.x - report["centre"][0].get<double>()) * ppm,
            rect[1].get<double>() + rect[3].get<double>() / 2 - (p.y - report["centre"][1].get<double>()) * ppm};
}

// Pixels within `radius` of (x, y) that `like` accepts.
template <class Like> int pixels_near(const test::PngImage& image, double x, double y, int radius, Like like) {
    int n = 0;
    for (int dx = -radius; dx <= radius; ++dx)
        for (int dy = -radius; dy <= radius; ++dy)
            if (dx * dx + dy * dy <= radius * radius && like(image.at(static_cast<int>(x) + dx, static_cast<int>(y) + dy))) ++n;
    return n;
}

bool dark(test::Rgb c) { return c.r < 70 && c.g < 70 && c.b < 70; }

}  // namespace

TEST_CASE("track replay: the streets, dwells and planned stops shown are geo's for the track") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Frame f = render(kQuiet + ",track=" + kTrack + ",track_time=15:00");
    REQUIRE(f.report.contains("track"));
    const auto& got = f.report["track"];
    const geo::Track& t = track(kTrack);
    const geo::RoadGraph graph = geo::build_road_graph(sample().roads);
    geo::MapMatcher matcher(graph, geo::profile_for(t.mode));
    const geo::TrackMatch m = matcher.match(t.points);

    CHECK(got["id"] == kTrack);
    CHECK(got["date"] == "2021-06-15");
    CHECK(got["fixes"] == t.points.size());
    CHECK(got["unmatched"] == m.unmatched);
    CHECK(got["stretches"] == m.chains.size());
    CHECK(got["matched_m"].get<double>() == doctest::Approx(m.matched_length_m()));
    REQUIRE(got["matched_lines"].size() == m.chains.size());
    for (std::size_t c = 0; c < m.chains.size(); ++c) {
        CAPTURE(c);
        const geo::LineString line = geo::chain_line(graph, m.chains[c]);
        REQUIRE(got["matched_lines"][c].size() == line.size());
        for (std::size_t k = 0; k < line.size(); ++k) {
            CHECK(got["matched_lines"][c][k][0].get<double>() == doctest::Approx(line[k].x).epsilon(1e-12));
            CHECK(got["matched_lines"][c][k][1].get<double>() == doctest::Approx(line[k].y).epsilon(1e-12));
        }
    }

    // The dwells, each with the building of the week's visit holding it (tracks --visits' rule).
    const auto week = geo::parse_iso_week("2021-W24", sample().metadata.timezone);
    const geo::TrackVisitReport visits = geo::visits_from_tracks(sample(), "2021-W24", *week);
    const auto dwells = geo::find_dwells(t);
    REQUIRE(got["dwells"].size() == dwells.size());
    std::map<std::string, std::string> visited;  // building -> first visit start (UTC)
    for (const auto& v : visits.visits)
        if (v.track_id == kTrack) visited.emplace(v.building_id, geo::format_iso8601_utc(v.start));
    for (std::size_t k = 0; k < dwells.size(); ++k) {
        CAPTURE(k);
        const auto& d = got["dwells"][k];
        CHECK(d["start"] == geo::format_iso8601_utc(dwells[k].start));
        CHECK(d["end"] == geo::format_iso8601_utc(dwells[k].end));
        std::string building;
        for (const auto& v : visits.visits)
            if (v.track_id == kTrack && v.start <= dwells[k].start && dwells[k].end <= v.end) building = v.building_id;
        CHECK(d["building_id"] == building);
    }

    // The officer's issued stops that day, in order, visited when a visit of this track was there.
    std::vector<geo::PlannedVisit> day;
    for (const auto& v : geo::issued_plan(sample().planned_visits, "P03", "2021-W24"))
        if (v.date == "2021-06-15") day.push_back(v);
    REQUIRE(got["planned_stops"].size() == day.size());
    std::size_t not_visited = 0;
    for (std::size_t k = 0; k < day.size(); ++k) {
        CAPTURE(k);
        const auto& s = got["planned_stops"][k];
        CHECK(s["building_id"] == day[k].building_id);
        CHECK(s["order"] == day[k].order);
        const bool was = visited.count(day[k].building_id) > 0;
        CHECK(s["visited"] == was);
        if (was) CHECK(s["visited_at"] == visited.at(day[k].building_id));
        not_visited += !was;
    }
    CHECK(got["stops_not_visited"] == not_visited);
    CHECK(not_visited >= 1);              // the sample's 06-15: stop 1, B0696
    CHECK(not_visited < day.size() / 2);  // and most were visited
}

TEST_CASE("track replay: the officer at 15:00 and at 10:30 stands where geo's replay puts them, and is drawn there") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const geo::Track& t = track(kTrack);
    const geo::RoadGraph graph = geo::build_road_graph(sample().roads);
    geo::MapMatcher matcher(graph, geo::profile_for(t.mode));
    const auto lines = geo::timed_chains(graph, matcher.match(t.points), t.points);
    const auto at = [&](const std::string& clock) { return seconds_at("2021-06-15T" + clock); };
    for (const auto& [clock, other_clock] : {std::pair<std::string, std::string>{"15:00", "10:30"}, {"10:30", "15:00"}}) {
        CAPTURE(clock);
        const Frame f = render(kQuiet + ",track=" + kTrack + ",track_time=" + clock);
        const auto& got = f.report["track"];
        const double when = at(clock);
        CHECK(got["time_s"].get<double>() == when);
        const geo::ReplayPosition expected = geo::replay_position(t.points, lines, when);
        CHECK(got["marker"]["xy"][0].get<double>() == doctest::Approx(expected.at.x).epsilon(1e-12));
        CHECK(got["marker"]["xy"][1].get<double>() == doctest::Approx(expected.at.y).epsilon(1e-12));
        CHECK(got["marker"]["on_streets"] == expected.on_streets);

        // The marker's dark disc (radius 8) is drawn there, and nothing as dark where the officer
        // stood at the other time.
        const auto [x, y] = frame_px(f.report, expected.at);
        CHECK(got["marker"]["px"][0].get<double>() == doctest::Approx(x));
        CHECK(got["marker"]["px"][1].get<double>() == doctest::Approx(y));
        CHECK(pixels_near(f.image, x, y, 5, dark) >= 60);
        const auto [ox, oy] = frame_px(f.report, geo::replay_position(t.points, lines, at(other_clock)).at);
        REQUIRE(std::hypot(ox - x, oy - y) > 40);
        CHECK(pixels_near(f.image, ox, oy, 5, dark) < 10);

        // Planned stops standing alone on screen, in their colours: green visited by then, pale
        // green visited later (dimmed with the rest of what lies ahead), vermilion not visited.
        const auto full_green = [](test::Rgb c) { return c.r < 40 && c.g > 130 && c.b > 90 && c.b < 140; };
        const auto pale_green = [](test::Rgb c) { return c.r > 150 && c.r < 200 && c.g > 200 && c.g < 235 && c.b > 185 && c.b < 220; };
        const auto vermilion = [](test::Rgb c) { return c.r > 190 && c.g > 70 && c.g < 120 && c.b < 40; };
        int not_visited = 0, visited_by_then = 0, visited_later = 0;
        for (const auto& s : got["planned_stops"]) {
            const double sx = s["px"][0], sy = s["px"][1];
            // Clear of the marker and its time label (right of it), and of the other stops'
            // discs (radius 10.5 with the halo, drawn after it in stop order).
            bool alone = std::hypot(sx - x, sy - y) > 30 && !(sx > x && sx < x + 90 && std::abs(sy - y) < 25);
            for (const auto& o : got["planned_stops"])
                if (&o != &s && std::hypot(o["px"][0].get<double>() - sx, o["px"][1].get<double>() - sy) < 18) alone = false;
            if (!alone) continue;
            CAPTURE(s["building_id"].get<std::string>());
            if (s["visited"] == false) {
                CHECK(pixels_near(f.image, sx, sy, 7, vermilion) >= 40);
                ++not_visited;
            } else if (seconds_at(s["visited_at"].get<std::string>()) <= when) {
                CHECK(pixels_near(f.image, sx, sy, 7, full_green) >= 40);
                ++visited_by_then;
            } else {
                CHECK(pixels_near(f.image, sx, sy, 7, full_green) < 5);
                CHECK(pixels_near(f.image, sx, sy, 7, pale_green) >= 40);
                ++visited_later;
            }
        }
        if (clock == "15:00") {
            CHECK(not_visited >= 1);
            CHECK(visited_by_then >= 3);
        } else {
            CHECK(visited_later >= 3);
        }
    }
}

TEST_CASE("track replay: an unknown track or a time outside the track's day is refused with exit 2") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    CHECK(run_gui(kQuiet + ",track=P03-2021-06-19-phone", dir) == 2);
    CHECK(run_gui(kQuiet + ",track=" + kTrack + ",track_time=20:00", dir) == 2);  // the day ends at 16:40
    CHECK(run_gui(kQuiet + ",track=" + kTrack + ",track_time=3pm", dir) == 2);
    CHECK(run_gui(kQuiet + ",track_time=15:00", dir) == 2);  // no track to move along
}
