// The school transport layer (issue 17) in the window, under Xvfb on the sample: the cameras'
// tallies and the flagged vehicles drawn are geo::profile_vehicles', the checkpoints are
// geo::place_checkpoints' for the same count, and they show on real pixels (red inside the
// discs of cameras that saw a flagged vehicle, slate where none did, the checkpoints' purple
// frames).
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "geo/network/road_graph.h"
#include "geo/transport/checkpoint_placement.h"
#include "geo/transport/vehicle_profile.h"
#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"

namespace {

// Every other layer off: the pixels are the school transport layer's alone.
const std::string kQuiet =
    "neighbourhoods=off,incidents=off,posters=off,sites=off,buildings=off,roads=off,officer_areas=off,labels=off";

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

struct Frame {
    test::PngImage image;
    nlohmann::json report;
    int exit_code = -1;
};

Frame render(const std::string& layer_state) {
    test::ScratchDir dir;
    const auto png = dir / "frame.png", json = dir / "frame.json";
    const std::string command = "xvfb-run -a -s '-screen 0 1280x800x24' '" + test::binary("patrolmap").string() + "' gui '" +
                                (test::source_dir() / "data/jiangnan.gpkg").string() + "' --size 1280x800 --lang zh --layer-state '" +
                                layer_state + "' --screenshot '" + png.string() + "' --report '" + json.string() + "' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    Frame f;
    f.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (f.exit_code != 0) return f;
    f.image = test::load_png(png);
    std::ifstream in(json);
    f.report = nlohmann::json::parse(in);
    return f;
}

const geo::District& sample() {
    static const geo::District d = geo::read_district(test::source_dir() / "data/jiangnan.gpkg");
    return d;
}

test::Rgb pixel(const Frame& f, const nlohmann::json& px) {
    return f.image.at(static_cast<int>(std::lround(px[0].get<double>())), static_cast<int>(std::lround(px[1].get<double>())));
}

}  // namespace

TEST_CASE("school transport: the cameras' tallies and the flagged vehicles are geo's, flagged ones red inside their discs") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Frame f = render(kQuiet + ",school_transport=on");
    REQUIRE(f.exit_code == 0);
    const auto& layer = f.report["school_transport"];
    REQUIRE(layer["profiling_error"] == "");
    const geo::VehicleProfiling expected = geo::profile_vehicles(sample());

    std::map<std::string, const geo::CameraSightings*> by_site;
    for (const auto& c : expected.cameras) by_site[sample().sites[c.site].id] = &c;
    REQUIRE(layer["cameras"].size() == expected.cameras.size());
    REQUIRE(expected.cameras.size() >= 5);
    int red = 0, slate = 0;
    for (const auto& camera : layer["cameras"]) {
        const std::string id = camera["site_id"];
        CAPTURE(id);
        REQUIRE(by_site.count(id));
        CHECK(camera["sightings"] == by_site[id]->sightings);
        CHECK(camera["flagged_sightings"] == by_site[id]->flagged_sightings);
        // The disc's centre: red where the camera saw a flagged vehicle, slate elsewhere (a
        // checkpoint's frame leaves it open); unless another camera's disc lies over it.
        bool covered = false;
        for (const auto& other : layer["cameras"])
            if (&other != &camera && std::hypot(other["px"][0].get<double>() - camera["px"][0].get<double>(),
                                                other["px"][1].get<double>() - camera["px"][1].get<double>()) < 24)
                covered = true;
        if (covered) continue;
        const test::Rgb c = pixel(f, camera["px"]);
        if (by_site[id]->flagged_sightings > 0) {
            CHECK(camera["inner_radius_px"].get<double>() > 2);
            const bool is_red = c.r > 200 && c.g < 80 && c.b < 80;
            CHECK_MESSAGE(is_red, c.r << "," << c.g << "," << c.b);
            red += is_red;
        } else {
            CHECK(camera["inner_radius_px"] == 0);
            const bool is_slate = std::abs(c.r - 96) < 40 && std::abs(c.g - 125) < 40 && std::abs(c.b - 139) < 40 && c.b > c.r;
            CHECK_MESSAGE(is_slate, c.r << "," << c.g << "," << c.b);
            slate += is_slate;
        }
    }
    CHECK(red >= 1);
    CHECK(slate >= 1);

    // The flagged vehicles, in geo's order, the report's van first with its reasons.
    std::vector<std::string> flagged;
    for (const auto& p : expected.vehicles)
        if (p.flagged) flagged.push_back(sample().vehicles[p.vehicle].id);
    REQUIRE(layer["flagged"].size() == flagged.size());
    for (std::size_t k = 0; k < flagged.size(); ++k) CHECK(layer["flagged"][k]["vehicle_id"] == flagged[k]);
    REQUIRE(!flagged.empty());
    CHECK(layer["flagged"][0]["reasons"] == nlohmann::json({"over_capacity", "school_runs", "non_commercial", "unlicensed"}));

    // Off, nothing of it is reported or drawn.
    const Frame off = render(kQuiet);
    REQUIRE(off.exit_code == 0);
    CHECK_FALSE(off.report.contains("school_transport"));
    CHECK(off.image.at(static_cast<int>(layer["cameras"][0]["px"][0].get<double>()),
                       static_cast<int>(layer["cameras"][0]["px"][1].get<double>())).r > 230);  // the background
}

TEST_CASE("school transport: the checkpoints drawn are geo::place_checkpoints' for the count asked, framed in purple") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run missing: skipped");
        return;
    }
    const Frame f = render(kQuiet + ",checkpoints=2");
    REQUIRE(f.exit_code == 0);
    const auto& layer = f.report["school_transport"];
    REQUIRE(layer["placement_error"] == "");
    const geo::RoadGraph graph = geo::build_road_graph(sample().roads);
    geo::CheckpointOptions o;
    o.count = 2;
    const geo::CheckpointPlacement expected = geo::place_checkpoints(sample(), graph, o);
    REQUIRE(expected.chosen.size() == 2);
    REQUIRE(layer["checkpoints"].size() == 2);
    for (std::size_t k = 0; k < 2; ++k) {
        CAPTURE(k);
        const auto& c = layer["checkpoints"][k];
        CHECK(c["node"] == expected.chosen[k].node);
        CHECK(c["pupils"].get<double>() == doctest::Approx(expected.chosen[k].pupils).epsilon(1e-12));
        CHECK(c["added"].get<double>() == doctest::Approx(expected.chosen[k].added).epsilon(1e-12));
        // The middle of the frame's left side: the checkpoint's purple.
        const int half = static_cast<int>(std::lround(c["frame_half_px"].get<double>()));
        const test::Rgb px = f.image.at(static_cast<int>(std::lround(c["px"][0].get<double>())) - half,
                                        static_cast<int>(std::lround(c["px"][1].get<double>())));
        CHECK_MESSAGE((std::abs(px.r - 84) < 30 && std::abs(px.g - 39) < 30 && std::abs(px.b - 143) < 30), px.r << "," << px.g << "," << px.b);
    }
    CHECK(layer["covered"].get<double>() == doctest::Approx(expected.solution.covered_weight).epsilon(1e-12));
    CHECK(layer["upper_bound"].get<double>() >= layer["covered"].get<double>() - 1e-9);

    // A count out of range is refused at the command line: exit 2, no window.
    CHECK(render(kQuiet + ",checkpoints=0").exit_code == 2);
}
