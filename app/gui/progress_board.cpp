// The week's progress board in the Routes tab: per officer, the issued plan's visits done
// (geo/planning/completion.h), so that the commander sees who is behind before Friday.
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/routes_parts.h"
#include "geo/planning/completion.h"
#include "geo/planning/iso_week.h"

namespace gui {

void draw_progress_board(AppState& state) {
    RouteReview& r = state.routes;
    if (!ImGui::CollapsingHeader(tr("Progress this week"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const auto week = geo::parse_iso_week(r.week, state.district.metadata.timezone);
    if (!week) return;
    if (r.board_version != state.visits_version || r.board_week != r.week) {
        r.board = geo::weekly_completion(state.district, r.week, *week);
        r.board_week = r.week;
        r.board_version = state.visits_version;
    }
    const auto& rows = r.board;
    if (!ImGui::BeginTable("board", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn(tr("Officer"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("Done / planned"));
    ImGui::TableSetupColumn("%", ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableSetupColumn(tr("Off plan"));
    ImGui::TableHeadersRow();
    for (const auto& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%s", row.officer_name.empty() ? row.officer_id.c_str() : row.officer_name.c_str());
        ImGui::TableNextColumn();
        if (!row.issued) {
            ImGui::TextDisabled("%s", tr("no plan issued"));
        } else {
            ImGui::Text("%zu / %zu", row.done, row.planned);
        }
        ImGui::TableNextColumn();
        if (row.issued) ImGui::ProgressBar(static_cast<float>(row.share()), ImVec2(-1, 0));
        ImGui::TableNextColumn();
        ImGui::Text("%zu", row.off_plan);
    }
    ImGui::EndTable();
}

}  // namespace gui
