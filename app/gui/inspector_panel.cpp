// The inspector: what the selected feature is, with the numbers the filter gives it.
#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/cards_print.h"
#include "app/gui/i18n.h"
#include "app/gui/panels.h"
#include "app/gui/response_tools.h"
#include "geo/io/row.h"
#include "geo/util/time_parse.h"

namespace gui {
namespace {

void row(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.c_str());
}

std::string grouped(double v) {
    std::string digits = fmt::format("{:.0f}", std::abs(v)), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
}

std::string when(std::optional<geo::Timestamp> t, const std::string& zone) {
    return t ? geo::format_local(*t, zone, "%Y-%m-%d %H:%M") : "—";
}

void extras(const geo::ExtraFields& fields, const std::string& zone) {
    for (const auto& [name, value] : fields) {
        if (std::holds_alternative<std::monostate>(value)) continue;
        if (const auto* t = std::get_if<geo::Timestamp>(&value)) row(name.c_str(), when(*t, zone));
        else row(name.c_str(), geo::to_text(value));
    }
}

bool begin_table() { return ImGui::BeginTable("inspector", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp); }

}  // namespace

void draw_inspector_panel(AppState& state, const MapScene& scene) {
    if (!state.selection) {
        ImGui::TextDisabled("%s", tr("Click a feature on the map"));
        return;
    }
    const geo::District& d = state.district;
    const std::string& zone = d.metadata.timezone;
    const Selection& sel = *state.selection;
    switch (sel.kind) {
        case geo::LayerKind::neighbourhoods: {
            const auto& n = d.neighbourhoods.at(sel.index);
            ImGui::Text("%s  %s", n.name.c_str(), n.name_en.c_str());
            if (!begin_table()) return;
            row(tr("Id"), n.id);
            if (sel.index < scene.stats().size()) {
                const auto& s = scene.stats()[sel.index];
                row(tr("Residents"), grouped(double(s.residents)));
                row(tr("Transients"), grouped(double(s.transients)));
                row(tr("Residents + transients"), grouped(double(s.population)));
                row(tr("Households"), grouped(double(n.households)));
                row(tr("Officer"), s.officer_name.empty() ? n.officer_id : s.officer_name + " (" + n.officer_id + ")");
                row(tr("Incidents in the window"), std::to_string(s.incidents));
                row(tr("Previous window"), std::to_string(s.incidents_previous));
                row(tr("Change"), s.change_pct ? fmt::format("{:+.1f}%", *s.change_pct) : "—");
                row(tr("Incidents per 1,000 people"), s.per_1000 ? fmt::format("{:.2f}", *s.per_1000) : "—");
                row(tr("Loss (yuan)"), "¥" + grouped(s.loss_yuan));
                row(tr("Poster"), std::to_string(s.posters));
                row(tr("Police contact card"), std::to_string(s.contact_cards));
                row(tr("Warning banner"), std::to_string(s.banners));
                row(tr("App adoption"), s.app_adoption ? fmt::format("{:.1f}%", *s.app_adoption * 100) : "—");
            }
            row(tr("Liaison"), n.liaison);
            extras(n.extras, zone);
            ImGui::EndTable();
            draw_print_cards(state, sel.index);
            break;
        }
        case geo::LayerKind::incidents: {
            const auto& i = d.incidents.at(sel.index);
            ImGui::Text("%s %s", tr("Incident"), i.id.c_str());
            if (!begin_table()) return;
            row(tr("Time"), when(i.time, zone));
            row(tr("Fraud type"), tr_value(geo::name_of(i.fraud_type)));
            row(tr("Loss (yuan)"), "¥" + grouped(i.loss_yuan));
            row(tr("Victim age"), tr_value(geo::name_of(i.victim_age_band)));
            row(tr("Outcome"), tr_value(geo::name_of(i.outcome)));
            row(tr("Recovered (yuan)"), "¥" + grouped(i.recovered_yuan));
            row(tr("Source"), tr_value(geo::name_of(i.source)));
            extras(i.extras, zone);
            ImGui::EndTable();
            draw_within_section(state);
            break;
        }
        case geo::LayerKind::posters: {
            const auto& p = d.posters.at(sel.index);
            ImGui::Text("%s %s", tr_value(geo::name_of(p.kind)), p.id.c_str());
            if (!begin_table()) return;
            row(tr("Installed"), when(p.installed, zone));
            row(tr("Removed"), when(p.removed, zone));
            row(tr("Building"), p.building_id);
            extras(p.extras, zone);
            ImGui::EndTable();
            draw_within_section(state);
            break;
        }
        case geo::LayerKind::sites: {
            const auto& s = d.sites.at(sel.index);
            ImGui::Text("%s", s.name.c_str());
            if (!begin_table()) return;
            row(tr("Kind"), tr_value(geo::name_of(s.kind)));
            row(tr("Phone"), s.phone);
            extras(s.extras, zone);
            ImGui::EndTable();
            draw_within_section(state);
            break;
        }
        default:
            ImGui::TextDisabled("%s", tr("Click a feature on the map"));
    }
}

}  // namespace gui
