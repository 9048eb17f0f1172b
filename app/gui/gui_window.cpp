// The PatrolMap window: GLFW + OpenGL 3.3 core + Dear ImGui. The loop reads as ImGui's
// example_glfw_opengl3: poll, new frame, build the UI, render, swap.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "app/map/gl.h"
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb/stb_image_write.h>

#include "app/gui/app_state.h"
#include "app/gui/cjk_font.h"
#include "app/gui/dashboard_panel.h"
#include "app/gui/dialogs.h"
#include "app/gui/frame_report.h"
#include "app/gui/gl_window.h"
#include "app/gui/gui_options.h"
#include "app/gui/i18n.h"
#include "app/gui/layer_state.h"
#include "app/gui/lectures_panel.h"
#include "app/gui/map_view.h"
#include "app/gui/panels.h"
#include "app/gui/summary_panel.h"
#include "geo/edit/autosave.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"

namespace gui {
namespace {

std::deque<std::string> g_dropped;  // paths dropped on the window, handled by the loop

// Reads a rectangle of the back buffer (window coordinates, y down) and writes it as PNG.
bool write_png(const std::string& path, int x, int y, int width, int height, int framebuffer_height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(x, framebuffer_height - y - height, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> flipped(pixels.size());
    for (int row = 0; row < height; ++row)
        std::copy_n(&pixels[static_cast<std::size_t>(height - 1 - row) * stride], stride, &flipped[row * stride]);
    for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // the window is opaque
    return stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(stride)) != 0;
}

std::string workspace_text(const AppState& state) {
    std::string text = state.district.metadata.name;
    for (const auto& n : state.district.neighbourhoods) text += n.name + n.name_en;
    for (const auto& s : state.district.sites) text += s.name;
    for (const auto& o : state.district.officers) text += o.name;
    for (const auto& s : state.district.stations) text += s.name;
    for (const auto& b : state.district.buildings) text += b.address;
    return text;
}

void draw_menu(AppState& state, Dialogs& dialogs, MapView& map_view, bool has_workspace) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu(tr("File"))) {
        if (ImGui::MenuItem(tr("Open workspace..."), "Ctrl+O")) dialogs.want_open = true;
        if (ImGui::MenuItem(tr("Save"), "Ctrl+S", false, has_workspace && state.history.dirty())) {
            try {
                state.save();
                state.status = tr("Saved");
            } catch (const std::exception& e) {
                dialogs.error = e.what();
            }
        }
        if (ImGui::MenuItem(tr("Import..."), nullptr, false, has_workspace)) dialogs.want_import = true;
        if (ImGui::MenuItem(tr("Export view as PNG..."), nullptr, false, has_workspace)) dialogs.want_export_png = true;
        if (ImGui::MenuItem(tr("Basemap..."), nullptr, false, has_workspace)) dialogs.want_basemap = true;
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Quit"))) dialogs.want_quit = state.history.dirty(), dialogs.quit = !state.history.dirty();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("Edit"))) {
        const std::string undo = std::string(tr("Undo")) + " " + state.history.undo_label();
        const std::string redo = std::string(tr("Redo")) + " " + state.history.redo_label();
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, state.history.can_undo())) state.undo();
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, state.history.can_redo())) state.redo();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("View"))) {
        if (ImGui::MenuItem(tr("Fit the district"), "F")) map_view.fit(state);
        if (ImGui::MenuItem("中文", nullptr, current_language() == Language::zh)) set_language(Language::zh);
        if (ImGui::MenuItem("English", nullptr, current_language() == Language::en)) set_language(Language::en);
        ImGui::EndMenu();
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", state.district.metadata.name.c_str());
    if (const std::string station = state.station_text(); !station.empty())
        ImGui::TextColored(ImVec4(0.2f, 0.45f, 0.75f, 1), "[%s]", station.c_str());
    if (state.district.metadata.synthetic) ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "[%s]", tr("synthetic data"));
    if (state.history.dirty()) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "* %s", tr("unsaved edits"));
    ImGui::EndMenuBar();
}

void draw_tools(AppState& state) {
    ImGui::TextUnformatted(tr("Placement"));
    int tool = static_cast<int>(state.tool);
    const char* names[] = {tr("Select"), tr("Add poster"), tr("Add contact card"), tr("Add banner"), tr("Move")};
    for (int t = 0; t < 5; ++t) {
        if (t) ImGui::SameLine();
        if (ImGui::RadioButton(names[t], &tool, t)) state.tool = static_cast<EditTool>(t);
    }
    if (state.selection && state.selection->kind == geo::LayerKind::posters) {
        if (ImGui::Button(tr("Delete selected"))) {
            const std::string id = state.district.posters.at(state.selection->index).id;
            state.perform(geo::make_delete(state.district, id));
        }
    }
}

void shortcuts(AppState& state, Dialogs& dialogs) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z))) state.undo();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y))) state.redo();
    if (ImGui::IsKeyPressed(GLFW_KEY_O)) dialogs.want_open = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_S) && state.history.dirty()) {
        try {
            state.save();
        } catch (const std::exception& e) {
            dialogs.error = e.what();
        }
    }
}

}  // namespace

int run_gui(const GuiOptions& options) {
    set_language(language_from(options.language));
    // Read the workspace before opening a window, so bad input fails fast with exit 2.
    AppState state;
    bool has_workspace = false;
    Dialogs dialogs;
    if (!options.workspace.empty()) {
        state = load_state(options.workspace);
        has_workspace = true;
        if (options.screenshot.empty()) dialogs.journal = geo::find_journal(options.workspace);
    }
    if (!options.basemap.empty()) {
        if (!std::filesystem::exists(options.basemap)) throw geo::BadInput(options.basemap + ": no such basemap file");
        state.basemap = options.basemap;
    }
    if (!options.layer_state.empty()) apply_layer_state(options.layer_state, state);

    GlfwSession glfw;
    if (!glfw.ok()) {
        std::fprintf(stderr, "patrolmap: cannot open a window (no display?); try 'patrolmap info'\n");
        return 1;
    }
    WindowPtr window = open_gl33_window(options.width, options.height, "PatrolMap 反诈巡防图", options.screenshot.empty());
    if (!window) return 1;
    glfwSwapInterval(1);
    glfwSetDropCallback(window.get(), [](GLFWwindow*, int count, const char** paths) {
        for (int i = 0; i < count; ++i) g_dropped.emplace_back(paths[i]);
    });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini beside the user's files
    ImGui::StyleColorsLight();
    // The light style draws frames white on white: an unticked box would be invisible.
    ImGui::GetStyle().FrameBorderSize = 1.0f;
    float x_scale = 1, y_scale = 1;
    glfwGetWindowContentScale(window.get(), &x_scale, &y_scale);  // HiDPI: crisp text at the monitor's scale
    load_cjk_font(std::round(18.0f * x_scale), all_translations() + workspace_text(state));
    ImGui::GetStyle().ScaleAllSizes(x_scale);
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int exit_code = 0;
    {
        MapView map_view;
        int frame = 0;
        double last_time = glfwGetTime();
        double last_change_check = last_time;
        while (!dialogs.quit) {
            glfwPollEvents();
            if (glfwWindowShouldClose(window.get())) {
                glfwSetWindowShouldClose(window.get(), GLFW_FALSE);
                if (state.history.dirty()) dialogs.want_quit = true;
                else break;
            }
            const double now = glfwGetTime();
            const double frame_seconds = now - last_time;
            last_time = now;
            // Another program's commit (visits --import, an import, QGIS) is picked up within
            // a couple of seconds: one small read of the metadata each time.
            if (has_workspace && now - last_change_check > 2.0) {
                last_change_check = now;
                try {
                    state.reload_if_changed();
                } catch (const std::exception& e) {
                    state.status = e.what();
                }
            }
            if (!g_dropped.empty()) {
                if (has_workspace) dialogs.start_import_of(g_dropped.front());
                g_dropped.clear();
            }

            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            shortcuts(state, dialogs);

            const ImGuiViewport* viewport = ImGui::GetMainViewport();
            ImGui::SetNextWindowPos(viewport->WorkPos);
            ImGui::SetNextWindowSize(viewport->WorkSize);
            ImGui::Begin("PatrolMap", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                             ImGuiWindowFlags_NoBringToFrontOnFocus);
            draw_menu(state, dialogs, map_view, has_workspace);
            // The dashboard's and the lecture plan's tables need room: while one is open the side
            // panel takes close to half the window, the map keeps the rest (a row click flies it there).
            const float left_w = 280 * x_scale, bottom_h = 128 * x_scale;
            const bool wide = state.dashboard.shown || state.lectures.shown;
            const float right_w = wide ? std::max(340 * x_scale, viewport->WorkSize.x * 0.47f) : 340 * x_scale;

            ImGui::BeginChild("left", ImVec2(left_w, 0), true);
            draw_layers_panel(state);
            ImGui::Separator();
            draw_legend_panel(state, map_view.scene());
            ImGui::EndChild();
            ImGui::SameLine();

            ImGui::BeginGroup();
            const float centre_w = ImGui::GetContentRegionAvail().x - right_w - ImGui::GetStyle().ItemSpacing.x;
            ImGui::BeginChild("map", ImVec2(centre_w, -bottom_h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
            map_view.draw(state);
            ImGui::EndChild();
            ImGui::BeginChild("time", ImVec2(centre_w, 0), true);
            draw_time_panel(state, frame_seconds);
            draw_tools(state);
            ImGui::EndChild();
            ImGui::EndGroup();
            ImGui::SameLine();

            ImGui::BeginChild("right", ImVec2(0, 0), true);
            if (auto fly_to = draw_search_panel(state)) {
                state.camera.set(*fly_to, std::max(state.camera.pixels_per_metre(), 0.5));
            }
            // Seven tabs do not fit the narrow panel in English: they scroll (arrows) rather than shrink
            // to "Ins… Rou…"; the chosen one is scrolled into view.
            if (ImGui::BeginTabBar("tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
                // --layer-state tab=KEY opens that tab on the first frame only.
                const auto opened = [&](const char* key) {
                    return state.open_tab == key ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
                };
                if (ImGui::BeginTabItem(tr("Inspector"), nullptr, opened("inspector"))) {
                    draw_inspector_panel(state, map_view.scene());
                    ImGui::EndTabItem();
                }
                if (ImGui::BeginTabItem(tr("Routes"), nullptr, opened("routes"))) {
                    draw_routes_panel(state);
                    ImGui::EndTabItem();
                }
                if (ImGui::BeginTabItem(tr("Banners"), nullptr, opened("banners"))) {
                    draw_banner_panel(state);
                    ImGui::EndTabItem();
                }
                if (ImGui::BeginTabItem(tr("Filters"), nullptr, opened("filters"))) {
                    draw_filters_panel(state);
                    ImGui::EndTabItem();
                }
                bool dashboard_shown = false;
                if (ImGui::BeginTabItem(tr("Dashboard"), nullptr, opened("dashboard"))) {
                    if (has_workspace) draw_dashboard_panel(state);
                    dashboard_shown = true;
                    ImGui::EndTabItem();
                }
                state.dashboard.shown = dashboard_shown;
                bool lectures_shown = false;
                if (ImGui::BeginTabItem(tr("Lectures"), nullptr, opened("lectures"))) {
                    if (has_workspace) draw_lectures_panel(state);
                    lectures_shown = true;
                    ImGui::EndTabItem();
                }
                state.lectures.shown = lectures_shown;
                if (ImGui::BeginTabItem(tr("Summary"), nullptr, opened("summary"))) {
                    if (has_workspace) draw_summary_panel(state);
                    ImGui::EndTabItem();
                }
                ImGui::EndTabBar();
                state.open_tab.clear();
            }
            ImGui::EndChild();
            dialogs.draw(state);
            ImGui::End();

            ImGui::Render();
            int width, height;
            glfwGetFramebufferSize(window.get(), &width, &height);
            glViewport(0, 0, width, height);
            glClearColor(0.96f, 0.96f, 0.95f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

            if (dialogs.png_path) {
                const auto r = map_view.last_rect();
                if (!write_png(dialogs.png_path->string(), static_cast<int>(r.x), static_cast<int>(r.y), static_cast<int>(r.w),
                               static_cast<int>(r.h), height))
                    dialogs.error = "cannot write " + dialogs.png_path->string();
                else
                    state.status = "wrote " + dialogs.png_path->string();
                dialogs.png_path.reset();
            }
            if (dialogs.basemap_path) {
                state.basemap = *dialogs.basemap_path;
                ++state.basemap_version;
                dialogs.basemap_path.reset();
            }
            if (!map_view.scene().basemap_error().empty() && state.status != map_view.scene().basemap_error()) {
                state.status = map_view.scene().basemap_error();
                dialogs.error = state.status;
            }
            if (dialogs.open_path) {
                try {
                    AppState opened = load_state(*dialogs.open_path);
                    opened.view = state.view;
                    state = std::move(opened);
                    has_workspace = true;
                    dialogs.journal = geo::find_journal(state.workspace);
                    map_view.fit(state);
                    load_cjk_font(std::round(18.0f * x_scale), all_translations() + workspace_text(state));
                    ImGui_ImplOpenGL3_DestroyFontsTexture();
                    ImGui_ImplOpenGL3_CreateFontsTexture();
                } catch (const std::exception& e) {
                    dialogs.error = e.what();
                }
                dialogs.open_path.reset();
            }
            if (dialogs.reload) {
                try {
                    AppState reloaded = load_state(state.workspace);
                    reloaded.view = state.view;
                    reloaded.camera = state.camera;
                    state = std::move(reloaded);
                } catch (const std::exception& e) {
                    dialogs.error = e.what();
                }
                dialogs.reload = false;
            }

            if (!options.screenshot.empty() && ++frame >= options.frames) {
                if (!write_png(options.screenshot, 0, 0, width, height, height)) {
                    std::fprintf(stderr, "patrolmap: cannot write %s\n", options.screenshot.c_str());
                    exit_code = 1;
                }
                if (!options.report.empty()) write_frame_report(options.report, state, map_view);
                if (!options.heatmap_dump.empty()) {
                    const std::vector<float> densities = map_view.renderer().read_densities();
                    try {
                        geo::write_file_atomically(options.heatmap_dump,
                                                   std::string_view(reinterpret_cast<const char*>(densities.data()),
                                                                    densities.size() * sizeof(float)));
                    } catch (const std::exception& e) {
                        std::fprintf(stderr, "patrolmap: %s\n", e.what());
                        exit_code = 1;
                    }
                }
                break;
            }
            glfwSwapBuffers(window.get());
        }
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exit_code;
}

}  // namespace gui
