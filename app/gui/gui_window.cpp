// The PatrolMap window: GLFW + OpenGL 3.3 core + Dear ImGui. The loop fits on one screen:
// poll, new frame, build the UI, render, swap (as ImGui's example_glfw_opengl3 does).
#include <algorithm>
#include <cstdio>
#include <optional>
#include <memory>
#include <vector>

#define GL_GLEXT_PROTOTYPES 1
#define GLFW_INCLUDE_GLCOREARB
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb/stb_image_write.h>

#include "app/gui/cjk_font.h"
#include "app/gui/gui_options.h"
#include "app/gui/i18n.h"
#include "app/gui/summary_panel.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"

namespace gui {
namespace {

struct GlfwSession {
    GlfwSession() {
        glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); });
        ok = glfwInit();
    }
    ~GlfwSession() {
        if (ok) glfwTerminate();
    }
    bool ok = false;
};

struct WindowDeleter {
    void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};

// Reads the back buffer and writes it as PNG (rows flipped: GL's origin is bottom-left).
bool write_screenshot(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::vector<unsigned char> flipped(pixels.size());
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height; ++y)
        std::copy_n(&pixels[static_cast<std::size_t>(height - 1 - y) * stride], stride, &flipped[y * stride]);
    return stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(stride)) != 0;
}

void draw_language_switch() {
    ImGui::TextUnformatted(tr("Language"));
    ImGui::SameLine();
    if (ImGui::RadioButton("中文", current_language() == Language::zh)) set_language(Language::zh);
    ImGui::SameLine();
    if (ImGui::RadioButton("English", current_language() == Language::en)) set_language(Language::en);
}

}  // namespace

int run_gui(const GuiOptions& options) {
    set_language(language_from(options.language));
    // Read the workspace before opening a window, so bad input fails fast with exit 2.
    std::optional<geo::DistrictSummary> summary;
    std::string workspace_text;
    if (!options.workspace.empty()) {
        const geo::District district = geo::read_district(options.workspace);
        summary = geo::summarise(district);
        workspace_text = district.metadata.name;
        for (const auto& n : district.neighbourhoods) workspace_text += n.name;
    }

    GlfwSession glfw;
    if (!glfw.ok) {
        std::fprintf(stderr, "patrolmap: cannot open a window (no display?); try 'patrolmap info'\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    if (!options.screenshot.empty()) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    std::unique_ptr<GLFWwindow, WindowDeleter> window(
        glfwCreateWindow(options.width, options.height, "PatrolMap 反诈巡防图", nullptr, nullptr));
    if (!window) {
        std::fprintf(stderr, "patrolmap: cannot create an OpenGL 3.3 window\n");
        return 1;
    }
    glfwMakeContextCurrent(window.get());
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini beside the user's files
    ImGui::StyleColorsLight();
    ImGui::GetStyle().ScaleAllSizes(1.0f);
    load_cjk_font(20.0f, all_translations() + workspace_text);
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int frame = 0;
    int exit_code = 0;
    while (!glfwWindowShouldClose(window.get())) {
        glfwPollEvents();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();

        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::Begin(tr("PatrolMap"), nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        draw_language_switch();
        ImGui::Separator();
        if (summary) draw_summary_panel(options.workspace, *summary);
        else ImGui::TextDisabled("%s", tr("No workspace open"));
        ImGui::End();

        ImGui::Render();
        int width, height;
        glfwGetFramebufferSize(window.get(), &width, &height);
        glViewport(0, 0, width, height);
        glClearColor(0.96f, 0.96f, 0.95f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        if (!options.screenshot.empty() && ++frame >= options.frames) {
            if (!write_screenshot(options.screenshot, width, height)) {
                std::fprintf(stderr, "patrolmap: cannot write %s\n", options.screenshot.c_str());
                exit_code = 1;
            }
            break;
        }
        glfwSwapBuffers(window.get());
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exit_code;
}

}  // namespace gui
