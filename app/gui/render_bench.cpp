#include "app/gui/render_bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <numeric>
#include <random>
#include <vector>

#include "app/map/gl.h"
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/gui/app_state.h"
#include "app/gui/gl_window.h"
#include "app/gui/map_view.h"

namespace gui {
namespace {

struct Stats {
    double mean_ms, median_ms, p95_ms;
};

Stats stats_of(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    return {mean, ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

// Copies of the workspace's incidents, jittered by up to 150 m, until there are `count`.
void grow_incidents(geo::District& d, std::size_t count) {
    if (d.incidents.empty()) return;
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> jitter(-150, 150);
    const std::size_t original = d.incidents.size();
    d.incidents.reserve(count);
    for (std::size_t i = original; i < count; ++i) {
        geo::Incident copy = d.incidents[i % original];
        copy.id = "B" + std::to_string(i);
        copy.location.x += jitter(rng);
        copy.location.y += jitter(rng);
        d.incidents.push_back(std::move(copy));
    }
}

}  // namespace

int run_render_bench(const RenderBenchOptions& o) {
    AppState state = load_state(o.workspace);
    std::fprintf(stderr, "growing the incidents to %zu ...\n", o.points);
    grow_incidents(state.district, o.points);
    state.incident_neighbourhood.assign(state.district.incidents.size(), -1);
    state.rebuild_time_steps();
    state.view.style(MapLayer::buildings).visible = false;

    GlfwSession glfw;
    if (!glfw.ok()) {
        std::fprintf(stderr, "patrolmap: bench render needs a display (run it under xvfb-run)\n");
        return 1;
    }
    WindowPtr window = open_gl33_window(o.width, o.height, "bench", false);
    if (!window) return 1;
    glfwSwapInterval(0);
    std::printf("renderer: %s (%s)\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)),
                reinterpret_cast<const char*>(glGetString(GL_VERSION)));
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window.get(), false);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    using clock = std::chrono::steady_clock;
    auto ms_since = [](clock::time_point t0) { return std::chrono::duration<double, std::milli>(clock::now() - t0).count(); };
    std::vector<double> gpu_ms, reference_ms;
    double scene_ms = 0;
    std::size_t symbols_drawn = 0;
    {
        MapView view;
        for (int pass = 0; pass < 2; ++pass) {
            const int frames = pass == 0 ? o.frames : std::max(3, o.frames / 10);  // the reference is slow
            for (int f = 0; f < frames + 1; ++f) {
                ImGui_ImplOpenGL3_NewFrame();
                ImGui_ImplGlfw_NewFrame();
                ImGui::NewFrame();
                ImGui::SetNextWindowPos(ImVec2(0, 0));
                ImGui::SetNextWindowSize(ImVec2(static_cast<float>(o.width), static_cast<float>(o.height)));
                ImGui::Begin("map", nullptr, ImGuiWindowFlags_NoDecoration);
                const auto t0 = clock::now();
                if (pass == 0) {
                    view.draw(state);  // the first frame builds the scene: timed apart
                    symbols_drawn = view.scene().incident_symbols_at(state.camera.pixels_per_metre());
                } else {
                    // Reference: every visible incident as an ImDrawList circle.
                    ImDrawList* dl = ImGui::GetWindowDrawList();
                    const ImVec2 origin = ImGui::GetCursorScreenPos();
                    for (const auto& incident : state.district.incidents) {
                        const map::ScreenPoint s = state.camera.to_screen(incident.location);
                        dl->AddCircleFilled(ImVec2(origin.x + static_cast<float>(s.x), origin.y + static_cast<float>(s.y)), 3.5f,
                                            IM_COL32(200, 60, 40, 230), 8);
                    }
                }
                ImGui::End();
                ImGui::Render();
                glViewport(0, 0, o.width, o.height);
                glClear(GL_COLOR_BUFFER_BIT);
                ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
                glFinish();  // count the GPU's work, not just the submission
                const double ms = ms_since(t0);
                if (f == 0 && pass == 0) scene_ms = ms;
                else if (f > 0) (pass == 0 ? gpu_ms : reference_ms).push_back(ms);
                // Pan a little every frame, as a user dragging the map would.
                state.camera.pan_by_pixels(3, 1);
                glfwSwapBuffers(window.get());
            }
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    window.reset();

    const Stats gpu = stats_of(gpu_ms), ref = stats_of(reference_ms);
    std::printf("incidents: %zu, viewport %dx%d, frames %zu (map) / %zu (reference)\n", state.district.incidents.size(), o.width,
                o.height, gpu_ms.size(), reference_ms.size());
    std::printf("first frame (builds the scene: triangulation, buffers, levels of detail): %.1f ms\n", scene_ms);
    std::printf("symbols drawn at the benchmark's zoom: %zu (one per %.0f-pixel cell where they crowd)\n", symbols_drawn,
                MapScene::kLodCellPx);
    std::printf("map (GLSL point symbols)       mean %8.2f ms  median %8.2f ms  p95 %8.2f ms  (%.1f fps)\n", gpu.mean_ms, gpu.median_ms,
                gpu.p95_ms, 1000.0 / gpu.mean_ms);
    std::printf("reference (ImDrawList circles) mean %8.2f ms  median %8.2f ms  p95 %8.2f ms  (%.1f fps)\n", ref.mean_ms,
                ref.median_ms, ref.p95_ms, 1000.0 / ref.mean_ms);
    std::printf("ratio: the map draws a frame %.1fx faster than the reference\n", ref.median_ms / gpu.median_ms);
    return 0;
}

}  // namespace gui
