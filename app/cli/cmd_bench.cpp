// patrolmap bench render [...]: benchmarks that print numbers and ratios (never run by ctest).
#include "app/cli/commands.h"
#include "app/gui/render_bench.h"
#include "geo/util/error.h"

namespace cli {

void add_bench_command(CLI::App& app, Action& action) {
    auto* bench = app.add_subcommand("bench", "Benchmarks: print timings and ratios against a reference");
    bench->require_subcommand(1);
    auto* render = bench->add_subcommand("render", "Map frame times with many incidents (needs a display: use xvfb-run)");
    auto o = std::make_shared<gui::RenderBenchOptions>();
    auto size = std::make_shared<std::string>("1600x1000");
    render->add_option("WS", o->workspace, "Workspace whose incidents are multiplied")->capture_default_str();
    render->add_option("--points", o->points, "Incidents to draw")->capture_default_str();
    render->add_option("--frames", o->frames, "Frames to time")->capture_default_str();
    render->add_option("--size", *size, "Viewport WxH")->capture_default_str();
    render->callback([=, &action] {
        action = [=] {
            gui::RenderBenchOptions options = *o;
            if (std::sscanf(size->c_str(), "%dx%d", &options.width, &options.height) != 2)
                throw geo::BadInput("--size '" + *size + "' must look like 1600x1000");
            return gui::run_render_bench(options);
        };
    });
}

}  // namespace cli
