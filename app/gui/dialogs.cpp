#include "app/gui/dialogs.h"

#include <cstring>
#include <sstream>

#include <imgui.h>

#include "app/gui/i18n.h"
#include "geo/util/error.h"

namespace gui {
namespace {

void copy_into(char* buffer, std::size_t size, const std::string& text) {
    std::snprintf(buffer, size, "%s", text.c_str());
}

geo::ImportOptions options_from(const Dialogs& d) {
    geo::ImportOptions o;
    o.kind = static_cast<geo::LayerKind>(d.import_layer);
    o.source = d.import_source;
    std::istringstream fields(d.import_fields);
    std::string pair;
    while (fields >> pair) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0) throw geo::BadInput("field mapping '" + pair + "' must look like ours=theirs");
        o.field_map[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    const std::string lonlat = d.import_lonlat;
    if (!lonlat.empty()) {
        const auto comma = lonlat.find(',');
        if (comma == std::string::npos) throw geo::BadInput("lon/lat columns '" + lonlat + "' must look like LON,LAT");
        o.lonlat_x = lonlat.substr(0, comma);
        o.lonlat_y = lonlat.substr(comma + 1);
    }
    o.datum = d.import_datum == 1 ? geo::ChineseDatum::gcj02 : d.import_datum == 2 ? geo::ChineseDatum::bd09 : geo::ChineseDatum::none;
    o.replace = d.import_replace;
    o.skip_invalid = d.import_skip_invalid;
    return o;
}

}  // namespace

void Dialogs::start_import_of(const std::string& path) {
    copy_into(import_source, sizeof import_source, path);
    import_message.clear();
    want_import = true;
}

void Dialogs::draw(AppState& state) {
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    auto open_if = [&](bool& flag, const char* id) {
        if (flag) ImGui::OpenPopup(id), flag = false;
        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    };

    open_if(want_open, "open");
    if (ImGui::BeginPopupModal("open", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(tr("Workspace file (.gpkg)"));
        ImGui::SetNextItemWidth(520);
        ImGui::InputText("##path", open_text, sizeof open_text);
        if (ImGui::Button(tr("Open"))) open_path = std::filesystem::path(open_text), ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    open_if(want_import, "import");
    if (ImGui::BeginPopupModal("import", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(tr("Import a GDAL source into the workspace (all or nothing)"));
        ImGui::SetNextItemWidth(520);
        ImGui::InputTextWithHint("##source", tr("file, /vsizip/archive.zip or PG:..."), import_source, sizeof import_source);
        ImGui::SetNextItemWidth(200);
        ImGui::Combo(tr("Layer"), &import_layer, "neighbourhoods\0officers\0incidents\0posters\0buildings\0sites\0roads\0");
        ImGui::SetNextItemWidth(520);
        ImGui::InputTextWithHint("##fields", tr("field mapping: ours=theirs ours=theirs ..."), import_fields, sizeof import_fields);
        ImGui::SetNextItemWidth(200);
        ImGui::InputTextWithHint("##lonlat", tr("lon,lat columns (CSV)"), import_lonlat, sizeof import_lonlat);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(150);
        ImGui::Combo("##datum", &import_datum, "WGS84 / CGCS2000\0GCJ-02 (Amap)\0BD-09 (Baidu)\0");
        ImGui::Checkbox(tr("Replace the layer"), &import_replace);
        ImGui::SameLine();
        ImGui::Checkbox(tr("Skip invalid features"), &import_skip_invalid);
        if (job.running()) {
            ImGui::ProgressBar(job.progress(), ImVec2(520, 0));
            if (job.finished()) {
                if (job.result()) {
                    const auto& r = *job.result();
                    import_message = std::string(tr("Imported")) + " " + std::to_string(r.imported);
                    if (!r.rejected.empty())
                        import_message += ", " + std::string(tr("skipped")) + " " + std::to_string(r.rejected.size()) + ": " + r.report_path;
                    reload = true;
                } else {
                    import_message = job.error();
                }
            }
        } else {
            if (ImGui::Button(tr("Import"))) {
                try {
                    if (state.history.dirty()) state.save();  // an import rewrites the file: keep the edits first
                    job.start(state.workspace, options_from(*this));
                    import_message.clear();
                } catch (const std::exception& e) {
                    import_message = e.what();
                }
            }
            ImGui::SameLine();
            if (ImGui::Button(tr("Close"))) ImGui::CloseCurrentPopup();
        }
        if (!import_message.empty()) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 520);
            const bool failed = !job.result();
            ImGui::TextColored(failed ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.1f, 0.5f, 0.2f, 1), "%s", import_message.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndPopup();
    }

    open_if(want_export_png, "export");
    if (ImGui::BeginPopupModal("export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(tr("Export the current map view as PNG"));
        ImGui::SetNextItemWidth(520);
        ImGui::InputText("##png", png_text, sizeof png_text);
        if (ImGui::Button(tr("Export"))) png_path = std::filesystem::path(png_text), ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    open_if(want_basemap, "basemap");
    if (ImGui::BeginPopupModal("basemap", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(tr("Offline basemap: a GeoTIFF, MBTiles or any raster GDAL opens"));
        ImGui::SetNextItemWidth(520);
        ImGui::InputText("##basemap", basemap_text, sizeof basemap_text);
        if (ImGui::Button(tr("Open"))) basemap_path = std::filesystem::path(basemap_text), ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (journal) ImGui::OpenPopup("recover");
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("recover", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (journal->stale) {
            ImGui::TextWrapped("%s %s", tr("Unsaved edits were found, but the workspace has changed since:"), journal->path.c_str());
            ImGui::TextUnformatted(tr("They are kept in that file and not applied."));
            if (ImGui::Button(tr("OK"))) journal.reset(), ImGui::CloseCurrentPopup();
        } else {
            ImGui::Text("%s: %zu (%s)", tr("Unsaved edits from the last session"), journal->edits.size(), journal->written.c_str());
            if (ImGui::Button(tr("Recover"))) {
                geo::replay(state.district, *journal, state.history);
                ++state.filter_version;
                journal.reset();
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button(tr("Discard"))) {
                geo::remove_journal(state.workspace);
                journal.reset();
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndPopup();
    }

    open_if(want_quit, "quit");
    if (ImGui::BeginPopupModal("quit", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s", tr("Save your edits before closing?"));
        if (ImGui::Button(tr("Save"))) {
            try {
                state.save();
                quit = true;
            } catch (const std::exception& e) {
                error = e.what();
            }
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("Discard"))) {
            geo::remove_journal(state.workspace);
            quit = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (!error.empty()) ImGui::OpenPopup("error");
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("error", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(560);
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", error.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button(tr("OK"))) error.clear(), ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace gui
