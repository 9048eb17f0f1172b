#pragma once
// Modal dialogs: open a workspace, import a source, export the view as PNG, recover unsaved
// edits, and the save-before-quit question. ImGui 1.86 has no file dialog: paths are typed
// (or dropped on the window).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/app_state.h"
#include "app/gui/import_job.h"
#include "geo/edit/autosave.h"

namespace gui {

struct Dialogs {
    // Requests, set by menus and shortcuts; the dialog opens on the next frame.
    bool want_open = false;
    bool want_import = false;
    bool want_export_png = false;
    bool want_basemap = false;
    bool want_quit = false;
    std::optional<geo::Journal> journal;  // found at load: offer recovery
    std::string error;                    // shown in a modal until dismissed

    // Outputs the main loop acts on.
    std::optional<std::filesystem::path> open_path;
    std::optional<std::filesystem::path> png_path;
    std::optional<std::filesystem::path> basemap_path;
    bool reload = false;  // the workspace changed on disk (after an import)
    bool quit = false;

    // Import dialog fields.
    char import_source[512] = "";
    int import_layer = 2;  // incidents
    char import_fields[512] = "";
    char import_lonlat[64] = "";
    int import_datum = 0;
    bool import_replace = false;
    bool import_skip_invalid = false;
    ImportJob job;
    std::string import_message;

    char open_text[512] = "";
    char png_text[512] = "patrolmap-view.png";
    char basemap_text[512] = "";

    void draw(AppState& state);
    void start_import_of(const std::string& path);  // a file dropped on the window
};

}  // namespace gui
