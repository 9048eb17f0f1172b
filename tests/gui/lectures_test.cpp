// The Lectures tab and "Print cards" under Xvfb on copies of the sample: the app's plan is
// geo::plan_lectures' for the same settings, each venue drawn in its week's colour; ticking a
// lecture held writes one row to patrolmap_lectures (read back with geo), the tab and the
// Dashboard count it, a bad tick writes nothing; the inspector's Print cards writes the selected
// neighbourhood's contact cards or poster with its officer's name in Chinese.
#include <cmath>
#include <cstdlib>
#include <fstream>

#include <sys/wait.h>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "geo/outreach/lecture_plan.h"
#include "geo/outreach/lectures_held.h"
#include "geo/planning/iso_week.h"
#include "geo/util/time_parse.h"
#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

namespace {

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

struct Frame {
    test::PngImage image;
    nlohmann::json report;
};

int run_gui(const std::filesystem::path& workspace, const std::string& layer_state, const test::ScratchDir& dir) {
    const auto png = dir / "frame.png", json = dir / "frame.json";
    std::filesystem::remove(json);
    const std::string command = "xvfb-run -a -s '-screen 0 1600x1000x24' '" + test::binary("patrolmap").string() + "' gui '" +
                                workspace.string() + "' --size 1600x1000 --lang zh --layer-state '" + layer_state +
                                "' --screenshot '" + png.string() + "' --report '" + json.string() + "' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Frame render(const std::filesystem::path& workspace, const std::string& layer_state, const test::ScratchDir& dir) {
    REQUIRE(run_gui(workspace, layer_state, dir) == 0);
    Frame f;
    f.image = test::load_png(dir / "frame.png");
    std::ifstream in(dir / "frame.json");
    f.report = nlohmann::json::parse(in);
    return f;
}

std::filesystem::path sample_copy(const test::ScratchDir& dir) {
    const auto ws = dir / "ws.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", ws);
    return ws;
}

// The settings the tab is opened with, and geo's plan for them.
const std::string kWeeks = "2021-W24..2021-W26";
const std::string kPlanned = "tab=lectures,incidents=off,sites=off,lectures=" + kWeeks + ",lecture_teams=6,lecture_min_gap=3";

geo::LecturePlan geo_plan(const geo::District& d) {
    geo::LecturePlanOptions options;
    options.teams = 6;
    options.min_gap_weeks = 3;
    return geo::plan_lectures(d, geo::week_range(kWeeks, d.metadata.timezone), options);
}

std::string topics_of(const geo::PlannedLecture& l) {
    std::string out;
    for (auto t : l.why.topics) out += (out.empty() ? "" : "+") + std::string(geo::name_of(t));
    return out;
}

std::string pdf_text(const std::filesystem::path& pdf, const test::ScratchDir& dir) {
    const auto text = dir / "cards.txt";
    REQUIRE(std::system(("pdftotext '" + pdf.string() + "' '" + text.string() + "'").c_str()) == 0);
    return test::read_text(text);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("Lectures tab: the app's plan is geo's for the same settings, each venue in its week's colour") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    const auto ws = sample_copy(dir);
    const std::string before = test::read_text(ws);
    const Frame f = render(ws, kPlanned, dir);
    const geo::District d = geo::read_district(ws);
    const geo::LecturePlan plan = geo_plan(d);

    const auto& app = f.report["lectures"];
    CHECK(app["weeks"] == nlohmann::json(plan.weeks));
    CHECK(app["teams"] == 6);
    CHECK(app["per_team_week"] == 2);
    CHECK(app["min_gap_weeks"] == 3);
    REQUIRE(plan.lectures.size() > 20);
    REQUIRE(app["lectures"].size() == plan.lectures.size());
    for (std::size_t k = 0; k < plan.lectures.size(); ++k) {
        CAPTURE(k);
        const geo::PlannedLecture& l = plan.lectures[k];
        const geo::LectureVenue& v = plan.venues[l.venue];
        const auto& row = app["lectures"][k];
        CHECK(row["week"] == l.week);
        CHECK(row["team"] == l.team);
        CHECK(row["date"] == geo::format_local(l.day, d.metadata.timezone, "%Y-%m-%d"));
        CHECK(row["venue_id"] == v.id);
        CHECK(row["neighbourhood_id"] == d.neighbourhoods.at(static_cast<std::size_t>(v.neighbourhood)).id);
        CHECK(row["audience"] == v.audience);
        std::string topics;
        for (const auto& t : row["topics"]) topics += (topics.empty() ? "" : "+") + t.get<std::string>();
        CHECK(topics == topics_of(l));
        CHECK(std::abs(row["score"].get<double>() - l.why.score) <= 1e-9 * std::max(1.0, l.why.score));
        CHECK(row["held"] == false);
    }
    CHECK(test::read_text(ws) == before);  // planning alone writes nothing

    // Drawn in its week's colour, weeks told apart: every dot no other covers (earlier weeks are
    // drawn over later ones, later rows of a week over earlier; 20 px keeps clear of their halos).
    CHECK(app["lectures"][0]["colour"] != app["lectures"].back()["colour"]);
    const auto& rect = f.report["map_rect"];
    const double x0 = rect[0], y0 = rect[1], x1 = x0 + rect[2].get<double>(), y1 = y0 + rect[3].get<double>();
    int checked = 0;
    for (std::size_t k = 0; k < app["lectures"].size(); ++k) {
        const auto& row = app["lectures"][k];
        const double x = row["px"][0], y = row["px"][1];
        if (x < x0 + 40 || x > x1 - 40 || y < y0 + 40 || y > y1 - 40) continue;  // north arrow, scale bar
        bool covered = false;
        for (std::size_t m = 0; m < app["lectures"].size(); ++m) {
            const auto& other = app["lectures"][m];
            const bool on_top = other["week"] < row["week"] || (other["week"] == row["week"] && m > k);
            covered = covered || (on_top && std::hypot(other["px"][0].get<double>() - x, other["px"][1].get<double>() - y) < 20);
        }
        if (covered) continue;
        CAPTURE(row["venue_id"]);
        const test::Rgb want{row["colour"][0], row["colour"][1], row["colour"][2]};
        CHECK(test::close(f.image.at(static_cast<int>(x), static_cast<int>(y)), want, 8));
        ++checked;
    }
    CHECK(checked > static_cast<int>(plan.lectures.size()) / 2);
}

TEST_CASE("Lectures tab: ticking held writes one row to patrolmap_lectures, read back by the tab and the Dashboard") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    const auto ws = sample_copy(dir);
    const geo::District before = geo::read_district(ws);
    REQUIRE(before.lectures.empty());
    const geo::LecturePlan plan = geo_plan(before);
    // The first lecture of 2021-W24, ticked with the dialog's default: the venue's audience.
    const geo::PlannedLecture& first = plan.lectures.front();
    REQUIRE(first.week == "2021-W24");
    const geo::LectureVenue& venue = plan.venues[first.venue];
    const std::string date = geo::format_local(first.day, before.metadata.timezone, "%Y-%m-%d");

    const Frame f = render(ws, kPlanned + ",lecture_held=" + venue.id, dir);
    const geo::District after = geo::read_district(ws);
    REQUIRE(after.lectures.size() == 1);
    const geo::LectureRecord& held = after.lectures[0];
    CHECK(held.venue_id == venue.id);
    CHECK(held.date == date);
    CHECK(held.topics == topics_of(first));
    CHECK(held.attendance == venue.audience);
    CHECK(held.leaflets == 0);
    CHECK(held.source == "app");
    // One commit through the change counter, logged for that table.
    CHECK(after.metadata.change == before.metadata.change + 1);
    const auto changes = geo::changes_since(ws, before.metadata.change);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].tables == "patrolmap_lectures");

    // The tab reads it back: that row ticked, no other; a green ring around its dot.
    const auto& rows = f.report["lectures"]["lectures"];
    for (std::size_t k = 0; k < rows.size(); ++k) CHECK(rows[k]["held"] == (k == 0));
    const int x = static_cast<int>(rows[0]["px"][0].get<double>()), y = static_cast<int>(rows[0]["px"][1].get<double>());
    int green = 0;
    for (int dx = -12; dx <= 12; ++dx)
        for (int dy = -12; dy <= 12; ++dy) {
            const test::Rgb c = f.image.at(x + dx, y + dy);
            if (c.g > 120 && c.r < 60 && c.b < 100) ++green;
        }
    CHECK(green > 10);

    // Ticked again in the same plan (the box of a lecture held opens the dialog with what was
    // recorded): a correction of the same venue and day, still one row. In one run: a new plan
    // counts the lecture as given in its week and no longer puts its venue there.
    const auto ws2 = dir / "ws2.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", ws2);
    render(ws2, kPlanned + ",lecture_held=" + venue.id + ",lecture_held=" + venue.id + ":150:300", dir);
    const geo::District corrected = geo::read_district(ws2);
    REQUIRE(corrected.lectures.size() == 1);
    CHECK(corrected.lectures[0].venue_id == venue.id);
    CHECK(corrected.lectures[0].attendance == 150);
    CHECK(corrected.lectures[0].leaflets == 300);

    // The Dashboard's week 2021-W24 counts it, as geo counts the table.
    const Frame dash = render(ws2, "tab=dashboard,step=week,window=2021-W24..2021-W24", dir);
    REQUIRE(dash.report["dashboard"]["week"] == "2021-W24");
    const auto w24 = geo::parse_iso_week("2021-W24", corrected.metadata.timezone);
    REQUIRE(w24);
    const geo::LecturesHeld counted = geo::lectures_held_in(corrected, *w24);
    CHECK(counted.lectures == 1);
    CHECK(dash.report["dashboard"]["lectures"]["held"] == counted.lectures);
    CHECK(dash.report["dashboard"]["lectures"]["attendance"] == 150);
    CHECK(dash.report["dashboard"]["lectures"]["leaflets"] == 300);

    // A tick that cannot be recorded writes nothing: a venue not in the plan, a day still ahead.
    const std::string bytes = test::read_text(ws2);
    CHECK(run_gui(ws2, kPlanned + ",lecture_held=NOPE", dir) == 2);
    const geo::LecturePlan ahead = geo::plan_lectures(corrected, {"2099-W01"}, {});
    REQUIRE(!ahead.lectures.empty());
    CHECK(run_gui(ws2, "tab=lectures,lectures=2099-W01,lecture_held=" + ahead.venues[ahead.lectures[0].venue].id, dir) == 2);
    CHECK(test::read_text(ws2) == bytes);
}

TEST_CASE("Print cards: the selected neighbourhood's contact cards and poster, with its officer's name, in Chinese") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    test::ScratchDir dir;
    const auto ws = sample_copy(dir);
    const geo::District d = geo::read_district(ws);
    const auto officer_of = [&](const std::string& hood) {
        for (const auto& n : d.neighbourhoods)
            if (n.id == hood)
                for (const auto& o : d.officers)
                    if (o.id == n.officer_id) return std::pair{n.name, o.name};
        FAIL("no officer for " << hood);
        return std::pair{std::string(), std::string()};
    };

    // Contact cards to a path of the planner's choosing.
    const auto cards = dir / "n01.pdf";
    const Frame f = render(ws, "tab=inspector,cards=N01,cards_out=" + cards.string(), dir);
    CHECK(f.report["selected_neighbourhood"] == "N01");
    CHECK(f.report["cards"]["failed"] == false);
    CHECK(has(f.report["cards"]["message"].get<std::string>(), cards.string()));  // says where it wrote
    REQUIRE(std::filesystem::exists(cards));
    const auto [n01, officer01] = officer_of("N01");
    const std::string text = pdf_text(cards, dir);
    CHECK(has(text, "警民联系牌"));
    CHECK(has(text, n01));
    CHECK(has(text, officer01));

    // The poster, to the default path beside the workspace.
    render(ws, "tab=inspector,cards=N02,cards_kind=poster", dir);
    const auto poster = dir / "ws-poster-N02.pdf";
    REQUIRE(std::filesystem::exists(poster));
    const auto [n02, officer02] = officer_of("N02");
    const std::string poster_text = pdf_text(poster, dir);
    CHECK(has(poster_text, "反诈提醒"));
    CHECK(has(poster_text, n02));
    CHECK(has(poster_text, officer02));
    CHECK_FALSE(has(poster_text, n01));  // that neighbourhood's only
}
