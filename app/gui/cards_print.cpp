#include "app/gui/cards_print.h"

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "geo/report/contact_cards.h"

namespace gui {

std::filesystem::path default_cards_path(const AppState& state, const std::string& neighbourhood_id, bool poster) {
    const std::filesystem::path folder = std::filesystem::absolute(state.workspace).parent_path();
    return folder / (state.workspace.stem().string() + (poster ? "-poster-" : "-cards-") + neighbourhood_id + ".pdf");
}

void print_cards(AppState& state, std::size_t neighbourhood, bool poster, const std::filesystem::path& out) {
    geo::CardOptions options;  // as `patrolmap cards` defaults: A6, one card per neighbourhood
    options.kind = poster ? geo::CardKind::poster : geo::CardKind::contact_card;
    options.neighbourhood_id = state.district.neighbourhoods.at(neighbourhood).id;
    // Officers' photo paths are relative to the workspace's folder.
    options.photo_folder = std::filesystem::absolute(state.workspace).parent_path();
    const geo::CardsWritten written = geo::write_contact_cards_pdf(state.district, options, out);
    CardsPrint& c = state.cards;
    c.message = fmt::format(fmt::runtime(poster ? tr("Wrote {}: {} posters on {} A4 pages") : tr("Wrote {}: {} contact cards on {} A4 pages")),
                            out.string(), written.cards, written.pages);
    for (const auto& note : written.notes) c.message += "\n" + note;  // a missing officer or photo
    c.neighbourhood_id = options.neighbourhood_id;
    c.failed = false;
}

void draw_print_cards(AppState& state, std::size_t neighbourhood) {
    CardsPrint& c = state.cards;
    const std::string& id = state.district.neighbourhoods.at(neighbourhood).id;
    if (ImGui::Button(tr("Print cards...")) || c.open_dialog) {
        c.open_dialog = false;
        std::snprintf(c.path, sizeof c.path, "%s", default_cards_path(state, id, c.poster).string().c_str());
        c.message.clear();
        ImGui::OpenPopup("###print_cards");
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("The neighbourhood's contact cards (or poster) as a PDF, with QR codes"));
    if (!c.message.empty() && c.neighbourhood_id == id) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(c.failed ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.1f, 0.5f, 0.2f, 1), "%s", c.message.c_str());
        ImGui::PopTextWrapPos();
    }

    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(tr("Print contact cards")) + "###print_cards";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const auto& n = state.district.neighbourhoods.at(neighbourhood);
    ImGui::Text("%s (%s)", n.name.c_str(), n.id.c_str());
    int kind = c.poster ? 1 : 0;
    bool kind_changed = ImGui::RadioButton(tr("Contact cards (A6, four to an A4 page)"), &kind, 0);
    kind_changed |= ImGui::RadioButton(tr("Poster (A4, its top fraud types of 90 days)"), &kind, 1);
    if (kind_changed) {
        // The default name follows the kind, unless the planner typed another.
        const bool was_default = c.path == default_cards_path(state, id, c.poster).string();
        c.poster = kind == 1;
        if (was_default) std::snprintf(c.path, sizeof c.path, "%s", default_cards_path(state, id, c.poster).string().c_str());
    }
    ImGui::TextUnformatted(tr("PDF file"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    ImGui::InputText("##cards_path", c.path, sizeof c.path);
    if (ImGui::Button(tr("Print"))) {
        try {
            print_cards(state, neighbourhood, c.poster, c.path);
        } catch (const std::exception& e) {
            c.message = e.what();
            c.neighbourhood_id = id;
            c.failed = true;
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace gui
