#pragma once
// `patrolmap bench render`: frame times of the map with many incidents, against a reference
// run in the same process (the same points drawn as ImDrawList circles, the CPU path ImGui
// offers), so the numbers say what the GPU path buys.
#include <string>

namespace gui {

struct RenderBenchOptions {
    std::string workspace = "data/jiangnan.gpkg";
    std::size_t points = 1'000'000;
    int frames = 60;
    int width = 1600;
    int height = 1000;
};

int run_render_bench(const RenderBenchOptions& options);

}  // namespace gui
