// Reviewing banner suggestions in the window (issue 6), under Xvfb: the cases a selected
// suggestion covers are ringed on the map, accepting raises the share in reach and Ctrl+Z takes
// it back, a suggestion moved before or after accepting covers the cases around its new place,
// and the review's own undo restores rejections and moves. Each case runs
// `patrolmap gui --layer-state banners=5,banner_…` on a copy of the sample (accepting writes a
// crash journal beside the workspace) and checks the JSON report against geo::place_banners
// and the PNG's pixels.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "geo/placement/banner_placement.h"
#include "geo/placement/radius_reach.h"
#include "geo/spatial/point_in_area.h"
#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"

namespace {

// Only the banner review on a bare map: no layers, labels or marks of unreached cases.
const std::string kReviewOnly =
    "neighbourhoods=off,incidents=off,posters=off,sites=off,buildings=off,roads=off,officer_areas=off,labels=off,"
    "banner_unreached=off,banners=5";
const test::Rgb kCoveredRing{255, 214, 0};  // map_view.cpp: yellow ring around a covered case

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

struct Frame {
    test::PngImage image;
    nlohmann::json report;
    nlohmann::json banners;
};

Frame render(const std::string& layer_state) {
    test::ScratchDir dir;
    const auto workspace = dir / "jiangnan.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", workspace);
    const auto png = dir / "frame.png", json = dir / "frame.json";
    const std::string command = "xvfb-run -a -s '-screen 0 1280x800x24' '" + test::binary("patrolmap").string() + "' gui '" +
                                workspace.string() + "' --size 1280x800 --lang en --layer-state '" + layer_state + "' --screenshot '" +
                                png.string() + "' --report '" + json.string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    Frame f;
    f.image = test::load_png(png);
    std::ifstream in(json);
    f.report = nlohmann::json::parse(in);
    f.banners = f.report["banners"];
    return f;
}

// What the review starts from: geo's plan with the panel's defaults over every case (no filter).
struct Expected {
    geo::District district;
    geo::BannerPlacement plan;
    std::vector<geo::XY> cases;  // every incident's location, by index
};

const Expected& expected() {
    static const Expected e = [] {
        Expected out;
        out.district = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
        geo::BannerOptions o;
        o.count = 5;
        o.radius_m = 300;
        o.min_spacing_m = 150;
        out.plan = geo::place_banners(out.district, o);
        for (const auto& i : out.district.incidents) out.cases.push_back(i.location);
        return out;
    }();
    return e;
}

std::vector<std::uint32_t> covered_list(const nlohmann::json& site) { return site["covered"].get<std::vector<std::uint32_t>>(); }

// Cases within 300 m of `at` (the plan's straight-line rule), computed here.
std::vector<std::uint32_t> cases_within_300m(geo::XY at) { return geo::points_within({at}, expected().cases, 300)[0]; }

// focus=<the neighbourhood holding p, else the nearest>: a view close enough that the rings
// around cases a few metres apart stand apart (300 m is ~30 px on the whole district).
std::string focus_on(geo::XY p) {
    const geo::District& d = expected().district;
    const std::int32_t inside = geo::neighbourhood_of_points(d, {p})[0];
    std::size_t best = 0;
    if (inside >= 0) {
        best = static_cast<std::size_t>(inside);
    } else {
        for (std::size_t n = 1; n < d.neighbourhoods.size(); ++n) {
            const geo::XY a = geo::centroid(d.neighbourhoods[n].area), b = geo::centroid(d.neighbourhoods[best].area);
            if (std::hypot(a.x - p.x, a.y - p.y) < std::hypot(b.x - p.x, b.y - p.y)) best = n;
        }
    }
    return ",focus=" + d.neighbourhoods[best].id;
}

// Cases in reach of the hanging banners and of the given sites (by location): how many.
std::size_t reached_with(const std::vector<geo::XY>& sites) {
    std::set<std::uint32_t> reached;
    for (const auto& b : expected().plan.hanging) reached.insert(b.incidents.begin(), b.incidents.end());
    for (const auto& at : sites)
        for (auto i : cases_within_300m(at)) reached.insert(i);
    return reached.size();
}

// The case's pixel on screen, from the report's camera.
std::pair<double, double> screen_of(const Frame& f, geo::XY p) {
    const auto& r = f.report["map_rect"];
    const double ppm = f.report["pixels_per_metre"];
    return {r[0].get<double>() + f.report["viewport"][0].get<double>() / 2 + (p.x - f.report["centre"][0].get<double>()) * ppm,
            r[1].get<double>() + f.report["viewport"][1].get<double>() / 2 - (p.y - f.report["centre"][1].get<double>()) * ppm};
}

// Whether a yellow ring of radius 7 px is drawn around the point: some of 16 samples on it.
bool ringed(const Frame& f, geo::XY p) {
    const auto [x, y] = screen_of(f, p);
    for (int a = 0; a < 16; ++a) {
        const double t = a * M_PI / 8;
        if (test::close(f.image.at(static_cast<int>(std::lround(x + 7 * std::cos(t))), static_cast<int>(std::lround(y + 7 * std::sin(t)))),
                        kCoveredRing, 40))
            return true;
    }
    return false;
}

// Away from every numbered marker (drawn over the rings), inside the map.
bool clear_of_markers(const Frame& f, geo::XY p) {
    const auto [x, y] = screen_of(f, p);
    const auto& r = f.report["map_rect"];
    if (x < r[0].get<double>() + 10 || y < r[1].get<double>() + 10 || x > r[0].get<double>() + r[2].get<double>() - 10 ||
        y > r[1].get<double>() + r[3].get<double>() - 10)
        return false;
    for (const auto& site : f.banners["sites"])
        if (std::hypot(site["px"][0].get<double>() - x, site["px"][1].get<double>() - y) < 22) return false;
    return true;
}

int yellow_pixels(const Frame& f) {
    const auto& r = f.report["map_rect"];
    int n = 0;
    for (int y = static_cast<int>(r[1].get<double>()); y < static_cast<int>(r[1].get<double>() + r[3].get<double>()); ++y)
        for (int x = static_cast<int>(r[0].get<double>()); x < static_cast<int>(r[0].get<double>() + r[2].get<double>()); ++x)
            n += test::close(f.image.at(x, y), kCoveredRing, 40);
    return n;
}

// Every covered case clear of the markers is ringed; returns how many were checked.
int check_rings(const Frame& f, const std::vector<std::uint32_t>& covered) {
    int checked = 0;
    for (auto i : covered) {
        if (!clear_of_markers(f, expected().cases[i])) continue;
        CAPTURE(i);
        CHECK(ringed(f, expected().cases[i]));
        ++checked;
    }
    return checked;
}

}  // namespace

TEST_CASE("a selected suggestion rings the cases geo says it covers, and only those") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Expected& e = expected();
    REQUIRE(e.plan.suggested.size() == 5);
    const Frame none = render(kReviewOnly);
    const Frame second = render(kReviewOnly + ",banner_select=2");

    // The report's counts are geo's, suggestion by suggestion.
    const auto& sites = second.banners["sites"];
    REQUIRE(sites.size() == 5);
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        CHECK(sites[k]["status"] == "open");
        CHECK(covered_list(sites[k]) == e.plan.suggested[k].incidents);
        CHECK(sites[k]["incidents"] == e.plan.suggested[k].incidents.size());
        CHECK(sites[k]["weight"].get<double>() == doctest::Approx(e.plan.suggested[k].reach_weight));
    }
    CHECK(second.banners["selected"] == 2);
    CHECK(second.banners["incidents"] == e.plan.incidents);
    CHECK(second.banners["reached"] == reached_with({}));  // nothing accepted: the banners hanging
    CHECK(none.banners["selected"].is_null());

    // Rings around suggestion 2's cases; none without a selection.
    CHECK(yellow_pixels(none) == 0);
    CHECK(yellow_pixels(second) > 0);
    const Frame close_up = render(kReviewOnly + ",banner_select=2" + focus_on(e.plan.suggested[1].site.location));
    CHECK(check_rings(close_up, e.plan.suggested[1].incidents) >= static_cast<int>(e.plan.suggested[1].incidents.size() / 2));
    // A case suggestion 2 does not cover, far from its circle, carries no ring.
    const geo::XY site2 = e.plan.suggested[1].site.location;
    int far_checked = 0;
    for (std::uint32_t i = 0; i < e.cases.size() && far_checked < 50; ++i) {
        if (std::hypot(e.cases[i].x - site2.x, e.cases[i].y - site2.y) < 300 + 60 || !clear_of_markers(second, e.cases[i])) continue;
        CAPTURE(i);
        CHECK_FALSE(ringed(second, e.cases[i]));
        ++far_checked;
    }
    CHECK(far_checked == 50);

    // Marking the cases out of reach: a thin grey ring around each, none around the others.
    const Frame marked = render(kReviewOnly + ",banner_unreached=on");
    CHECK(marked.banners["unreached"] == e.plan.incidents - reached_with({}));
    auto grey_ring = [](const Frame& f, geo::XY p) {
        const auto [x, y] = screen_of(f, p);
        for (int a = 0; a < 16; ++a) {
            const double t = a * M_PI / 8;
            const test::Rgb c = f.image.at(static_cast<int>(std::lround(x + 5.5 * std::cos(t))), static_cast<int>(std::lround(y + 5.5 * std::sin(t))));
            if (c.r < 180 && std::abs(c.r - c.g) < 12 && std::abs(c.g - c.b) < 12) return true;
        }
        return false;
    };
    std::set<std::uint32_t> reached;
    for (const auto& b : e.plan.hanging) reached.insert(b.incidents.begin(), b.incidents.end());
    int marked_checked = 0;
    for (std::uint32_t i = 0; i < e.cases.size() && marked_checked < 50; ++i) {
        if (reached.count(i) || !clear_of_markers(marked, e.cases[i])) continue;
        CAPTURE(i);
        CHECK(grey_ring(marked, e.cases[i]));
        CHECK_FALSE(grey_ring(none, e.cases[i]));
        ++marked_checked;
    }
    CHECK(marked_checked == 50);
}

TEST_CASE("accepting raises the share in reach, Ctrl+Z takes the acceptance back and Ctrl+Y brings it again") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Expected& e = expected();
    const geo::XY s1 = e.plan.suggested[0].site.location, s3 = e.plan.suggested[2].site.location;
    const Frame accepted = render(kReviewOnly + ",banner_accept=1+3");
    CHECK(accepted.banners["sites"][0]["status"] == "accepted");
    CHECK(accepted.banners["sites"][2]["status"] == "accepted");
    CHECK(accepted.banners["sites"][1]["status"] == "open");
    CHECK(accepted.banners["reached"] == reached_with({s1, s3}));
    CHECK(accepted.banners["share"].get<double>() ==
          doctest::Approx(static_cast<double>(reached_with({s1, s3})) / e.plan.incidents));
    CHECK(accepted.banners["reached"].get<std::size_t>() > reached_with({}));
    // Accepted markers are green at their sites.
    for (int k : {0, 2}) {
        const auto& px = accepted.banners["sites"][k]["px"];
        CHECK(test::close(accepted.image.at(static_cast<int>(px[0].get<double>()) - 7, static_cast<int>(px[1].get<double>())), {30, 140, 60}, 12));
    }

    const Frame undone = render(kReviewOnly + ",banner_accept=1+3,banner_edit_undo=1");
    CHECK(undone.banners["sites"][0]["status"] == "accepted");
    CHECK(undone.banners["sites"][2]["status"] == "open");
    CHECK(undone.banners["reached"] == reached_with({s1}));

    const Frame redone = render(kReviewOnly + ",banner_accept=1+3,banner_edit_undo=2,banner_edit_redo=2");
    CHECK(redone.banners["sites"][0]["status"] == "accepted");
    CHECK(redone.banners["sites"][2]["status"] == "accepted");
    CHECK(redone.banners["reached"] == accepted.banners["reached"]);
}

TEST_CASE("a suggestion moved before accepting covers the cases around its new place and the review's undo puts it back") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Expected& e = expected();
    const geo::XY from = e.plan.suggested[1].site.location;
    const geo::XY to{from.x + 250, from.y - 120};
    const auto at_new_place = cases_within_300m(to);
    REQUIRE(at_new_place != e.plan.suggested[1].incidents);

    const Frame moved = render(kReviewOnly + ",banner_move=2:250:-120,banner_select=2" + focus_on(to));
    const auto& site = moved.banners["sites"][1];
    CHECK(site["status"] == "open");
    CHECK(site["location"][0].get<double>() == doctest::Approx(to.x));
    CHECK(site["location"][1].get<double>() == doctest::Approx(to.y));
    CHECK(covered_list(site) == at_new_place);
    CHECK(moved.banners["undo_steps"] == 1);
    CHECK(check_rings(moved, at_new_place) >= static_cast<int>(at_new_place.size() / 2));
    // Accepting it there hangs the banner at the new place.
    const Frame moved_accepted = render(kReviewOnly + ",banner_move=2:250:-120,banner_accept=2");
    CHECK(moved_accepted.banners["sites"][1]["status"] == "accepted");
    CHECK(moved_accepted.banners["reached"] == reached_with({to}));

    const Frame back = render(kReviewOnly + ",banner_move=2:250:-120,banner_reject=4,banner_undo=2,banner_select=2" + focus_on(from));
    CHECK(back.banners["sites"][3]["status"] == "open");
    CHECK(covered_list(back.banners["sites"][1]) == e.plan.suggested[1].incidents);
    CHECK(back.banners["sites"][1]["location"][0].get<double>() == doctest::Approx(from.x));
    CHECK(check_rings(back, e.plan.suggested[1].incidents) >= static_cast<int>(e.plan.suggested[1].incidents.size() / 2));

    const Frame rejected = render(kReviewOnly + ",banner_reject=4");
    CHECK(rejected.banners["sites"][3]["status"] == "rejected");
}

TEST_CASE("an accepted banner moved on the map reaches from its new place, and Ctrl+Z moves it back") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Expected& e = expected();
    const geo::XY from = e.plan.suggested[0].site.location;
    const geo::XY to{from.x - 200, from.y + 150};
    const Frame moved = render(kReviewOnly + ",banner_accept=1,banner_move=1:-200:150");
    const auto& site = moved.banners["sites"][0];
    CHECK(site["status"] == "accepted");
    CHECK(site["location"][0].get<double>() == doctest::Approx(to.x));
    CHECK(covered_list(site) == cases_within_300m(to));
    CHECK(moved.banners["reached"] == reached_with({to}));
    CHECK(moved.banners["undo_steps"] == 0);  // the move went through the edit history

    const Frame undone = render(kReviewOnly + ",banner_accept=1,banner_move=1:-200:150,banner_edit_undo=1");
    CHECK(undone.banners["sites"][0]["status"] == "accepted");
    CHECK(undone.banners["sites"][0]["location"][0].get<double>() == doctest::Approx(from.x));
    CHECK(undone.banners["reached"] == reached_with({from}));
}
