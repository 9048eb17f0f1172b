// The Routes tab as an officer and a dispatcher use it, under Xvfb: a stop moved to another
// day stays there after the re-plan, a ticked visit is recorded in the workspace at once and
// drawn as done, and the issued plan shows on the progress board. With "Must visit" set, the
// week serves every flagged building of the officer (issue 16's every-stop mode).
#include <cstdlib>
#include <fstream>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "geo/network/road_graph.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/must_visit.h"
#include "geo/planning/visit_priority.h"
#include "geo/planning/week_plan.h"
#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"

namespace {

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

struct Frame {
    test::PngImage image;
    nlohmann::json report;
};

// Renders `workspace` (a scratch copy: ticks write to it) with the layer state.
Frame render(const std::filesystem::path& workspace, const std::string& layer_state, const test::ScratchDir& dir) {
    const auto png = dir / "frame.png", json = dir / "frame.json";
    const std::string command = "xvfb-run -a -s '-screen 0 1280x800x24' '" + test::binary("patrolmap").string() + "' gui '" +
                                workspace.string() + "' --size 1280x800 --lang en --layer-state '" + layer_state +
                                "' --screenshot '" + png.string() + "' --report '" + json.string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    Frame f;
    f.image = test::load_png(png);
    std::ifstream in(json);
    f.report = nlohmann::json::parse(in);
    return f;
}

const std::string kQuiet = "incidents=off,neighbourhoods=off,posters=off,sites=off,buildings=off,roads=off,officer_areas=off,labels=off";

}  // namespace

TEST_CASE("Routes tab: move a stop to Thursday, re-plan, tick a visit, issue the plan") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    const auto ws = dir / "ws.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", ws);

    // W25: the sample has issued W24 (its week of patrol tracks), not W25.
    // The plan as the planner makes it; the dispatcher moves Tuesday's first stop to Thursday,
    // and the officer visits it there.
    const Frame first = render(ws, kQuiet + ",routes=P03@2021-W25", dir);
    const auto& days = first.report["routes"];
    REQUIRE(days.size() == 5);
    REQUIRE(days[1]["stops"].size() > 0);
    const std::string moved = days[1]["stops"][0]["building_id"];
    const std::string& ticked = moved;
    CHECK(geo::read_district(ws).visits.empty());  // planning alone writes nothing

    const Frame f = render(ws, kQuiet + ",tab=routes,route_pin=" + moved + "@3,routes=P03@2021-W25,route_day=3,route_issue=on,route_done=" + ticked, dir);
    int moved_day = -1, ticked_day = -1;
    nlohmann::json ticked_stop;
    std::size_t stops = 0;
    for (int k = 0; k < 5; ++k)
        for (const auto& s : f.report["routes"][k]["stops"]) {
            ++stops;
            if (s["building_id"] == moved) {
                moved_day = k;
                CHECK(s["locked_day"] == 3);
            }
            if (s["building_id"] == ticked) {
                ticked_day = k;
                ticked_stop = s;
            }
        }
    CHECK(moved_day == 3);  // Thursday, as the dispatcher said
    REQUIRE(ticked_day == 3);
    CHECK(ticked_stop["visited"] == true);

    // In the workspace at once: the issued plan and the visit, on the plan's day.
    const geo::District d = geo::read_district(ws);
    REQUIRE(d.visits.size() == 1);
    CHECK(d.visits[0].building_id == ticked);
    CHECK(d.visits[0].date == "2021-06-24");
    CHECK(d.visits[0].officer_id == "P03");
    CHECK(d.visits[0].source == "app");
    CHECK(std::count_if(d.planned_visits.begin(), d.planned_visits.end(), [](const geo::PlannedVisit& v) { return v.week == "2021-W25"; }) ==
          static_cast<std::ptrdiff_t>(stops));
    const auto& board = f.report["progress"];
    REQUIRE(board.size() == d.officers.size());
    CHECK(board[2]["officer_id"] == "P03");
    CHECK(board[2]["issued"] == true);
    CHECK(board[2]["planned"] == stops);
    CHECK(board[2]["done"] == 1);
    CHECK(board[0]["issued"] == false);

    // Drawn as done: a green ring around the grey stop (radius 9 + 2 when one day is shown).
    const int x = static_cast<int>(ticked_stop["px"][0].get<double>()), y = static_cast<int>(ticked_stop["px"][1].get<double>());
    int green = 0;
    for (int dx = -13; dx <= 13; ++dx)
        for (int dy = -13; dy <= 13; ++dy) {
            const test::Rgb c = f.image.at(x + dx, y + dy);
            if (c.g > 120 && c.r < 80 && c.b < 110) ++green;
        }
    CHECK(green > 10);
}

TEST_CASE("Routes tab, must visit the elderly living alone: every such building of the officer is served; by priority unchanged") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    const auto ws = dir / "ws.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", ws);
    const geo::District d = geo::read_district(ws);

    // The shared selection (routes --every's too): P03's neighbourhoods' buildings with the flag,
    // and across the officers every flagged building that has an officer, once.
    std::set<std::string> hoods_of_p03, hoods_with_officer;
    for (const geo::Neighbourhood& n : d.neighbourhoods) {
        if (n.officer_id == "P03") hoods_of_p03.insert(n.id);
        if (!n.officer_id.empty()) hoods_with_officer.insert(n.id);
    }
    std::vector<std::string> flagged = geo::flagged_buildings_of(d, "P03", geo::VisitFlag::elderly_alone);
    REQUIRE(flagged.size() > 5);
    std::map<std::string, const geo::Building*> building_of;
    for (const geo::Building& b : d.buildings) building_of[b.id] = &b;
    for (const std::string& id : flagged) {
        CHECK(building_of.at(id)->flags.elderly_alone);
        CHECK(hoods_of_p03.contains(building_of.at(id)->neighbourhood_id));
    }
    std::size_t all_officers = 0, with_officer = 0;
    for (const geo::Officer& o : d.officers) all_officers += geo::flagged_buildings_of(d, o.id, geo::VisitFlag::elderly_alone).size();
    for (const geo::Building& b : d.buildings) with_officer += b.flags.elderly_alone && hoods_with_officer.contains(b.neighbourhood_id);
    CHECK(all_officers == with_officer);

    // A lock from before plays no part in an every-stop plan (plan_week refuses pins there).
    const Frame f = render(ws, kQuiet + ",tab=routes,route_pin=" + flagged.front() + "@4,route_every=elderly_alone,routes=P03@2021-W25", dir);
    std::vector<std::string> served;
    std::size_t days_with_stops = 0;
    for (const auto& day : f.report["routes"]) {
        days_with_stops += !day["stops"].empty();
        for (const auto& s : day["stops"]) served.push_back(s["building_id"]);
    }
    std::sort(served.begin(), served.end());
    std::sort(flagged.begin(), flagged.end());
    CHECK(served == flagged);
    const auto& summary = f.report["every_stop"];
    CHECK(summary["flag"] == "elderly_alone");
    CHECK(summary["listed"] == flagged.size());
    CHECK(summary["served"] == flagged.size());
    CHECK(summary["unserved"].empty());
    CHECK(summary["days_used"] == days_with_stops);
    CHECK(summary["days"] == 5);

    // Without the choice: the plan by priority that plan_week makes (plan_routes_now's budget).
    const Frame by_priority = render(ws, kQuiet + ",routes=P03@2021-W25", dir);
    CHECK_FALSE(by_priority.report.contains("every_stop"));
    const auto week = geo::parse_iso_week("2021-W25", d.metadata.timezone);
    REQUIRE(week);
    geo::WeekPlanOptions options;
    options.time_budget_s = 0;
    options.max_rounds = 50;
    const geo::WeekPlan expected =
        geo::plan_week(d, geo::build_road_graph(d.roads), geo::visit_priorities(d, week->from), "P03", *week, options);
    REQUIRE(by_priority.report["routes"].size() == expected.days.size());
    for (std::size_t k = 0; k < expected.days.size(); ++k) {
        std::vector<std::string> shown, planned;
        for (const auto& s : by_priority.report["routes"][k]["stops"]) shown.push_back(s["building_id"]);
        for (const auto& s : expected.days[k].stops) planned.push_back(s.building_id);
        CHECK(shown == planned);
    }
}
