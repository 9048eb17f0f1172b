#include "app/gui/summary_panel.h"

#include <vector>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/text_format.h"
#include "geo/query/time_window.h"
#include "geo/util/time_parse.h"

namespace gui {
namespace {

void row(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
}

void monthly_chart(const geo::DistrictSummary& s) {
    std::vector<float> counts;
    float highest = 0;
    for (const auto& m : s.months) {
        counts.push_back(static_cast<float>(m.incidents));
        highest = std::max(highest, counts.back());
    }
    ImGui::PlotHistogram("##months", counts.data(), static_cast<int>(counts.size()), 0, nullptr, 0,
                         highest * 1.1f, ImVec2(ImGui::GetContentRegionAvail().x, 160));
    if (ImGui::BeginTable("months", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(tr("Month"));
        ImGui::TableSetupColumn(tr("Cases"));
        ImGui::TableSetupColumn(tr("Change"));
        ImGui::TableHeadersRow();
        for (const auto& m : s.months) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%04d-%02d", m.year, m.month);
            ImGui::TableNextColumn();
            ImGui::Text("%zu", m.incidents);
            ImGui::TableNextColumn();
            if (m.change_pct) {
                const ImVec4 colour = *m.change_pct <= 0 ? ImVec4(0.2f, 0.6f, 0.3f, 1) : ImVec4(0.8f, 0.25f, 0.2f, 1);
                ImGui::TextColored(colour, "%+.1f%%", *m.change_pct);
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace

void draw_summary_panel(AppState& state) {
    SummaryView& view = state.summary;
    if (!view.summary || view.filter_version != state.filter_version || view.data_version != state.data_version) {
        view.summary = geo::summarise(state.district, state.filter);
        view.filter_version = state.filter_version;
        view.data_version = state.data_version;
    }
    const geo::DistrictSummary& s = *view.summary;
    const std::string path = state.workspace.string();
    const auto& m = s.metadata;
    ImGui::TextUnformatted(m.name.c_str());
    if (m.synthetic) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "[%s]", tr("synthetic data"));
    }
    ImGui::TextDisabled("%s: %s   %s: %s   %s: %s", tr("Workspace"), path.c_str(), tr("CRS"), m.crs.c_str(),
                        tr("Time zone"), m.timezone.c_str());
    // The case figures below are the filter's: say which, so a total is never read as the year's.
    const std::string& zone = state.district.metadata.timezone;
    const std::string window =
        state.filter.window ? geo::format_local(state.filter.window->from, zone, "%Y-%m-%d") + " – " +
                                  geo::format_local(state.filter.window->to - std::chrono::seconds(1), zone, "%Y-%m-%d")
                            : std::string(tr("All time"));
    ImGui::TextWrapped("%s: %s · %s", tr("Cases counted"), window.c_str(), filter_description(state.filter).c_str());
    ImGui::Separator();

    if (ImGui::BeginTable("overview", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr("Totals"));
        if (ImGui::BeginTable("totals", 2, ImGuiTableFlags_RowBg)) {
            row(tr("Residents"), grouped(double(s.residents)));
            row(tr("Transients"), grouped(double(s.transients)));
            row(tr("Households"), grouped(double(s.households)));
            row(tr("Incidents"), grouped(double(s.incidents)));
            row(tr("Loss (yuan)"), "¥" + grouped(s.loss_yuan));
            row(tr("Recovered (yuan)"), "¥" + grouped(s.recovered_yuan));
            if (s.mean_app_adoption) row(tr("App adoption"), fmt::format("{:.1f}%", *s.mean_app_adoption * 100));
            ImGui::EndTable();
        }
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("Layers"));
        if (ImGui::BeginTable("layers", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& [name, count] : s.layer_counts) row(tr(name.c_str()), grouped(double(count)));
            ImGui::EndTable();
        }
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("Outcomes"));
        if (ImGui::BeginTable("outcomes", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& [name, count] : s.incidents_by_outcome) row(tr_value(name), grouped(double(count)));
            ImGui::EndTable();
        }
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("Fraud types"));
        if (ImGui::BeginTable("types", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& [name, count] : s.incidents_by_type) row(tr_value(name), grouped(double(count)));
            ImGui::EndTable();
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr("Incidents by month"));
        monthly_chart(s);
        ImGui::EndTable();
    }
}

}  // namespace gui
