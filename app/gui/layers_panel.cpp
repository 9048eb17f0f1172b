// Layers: visibility, opacity, order; and how the neighbourhoods and incidents are styled.
#include <algorithm>

#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/panels.h"
#include "app/gui/school_transport_layer.h"

namespace gui {
namespace {

const char* field_label(geo::ChoroplethField f) {
    switch (f) {
        case geo::ChoroplethField::residents: return tr("Residents");
        case geo::ChoroplethField::transients: return tr("Transients");
        case geo::ChoroplethField::population: return tr("Residents + transients");
        case geo::ChoroplethField::incidents_per_1000: return tr("Incidents per 1,000 people");
        case geo::ChoroplethField::app_adoption: return tr("App adoption");
    }
    return "";
}

const char* method_label(geo::BreakMethod m) {
    switch (m) {
        case geo::BreakMethod::quantiles: return tr("Quantiles");
        case geo::BreakMethod::natural_breaks: return tr("Natural breaks (Jenks)");
        case geo::BreakMethod::equal_interval: return tr("Equal interval");
    }
    return "";
}

// The isochrone layer's settings; its origin is set from the map's right-click menu.
void draw_isochrone_settings(AppState& state) {
    IsochroneSettings& iso = state.response.isochrones;
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Isochrones"));
    int profile = iso.profile == geo::Profile::driving ? 0 : 1;
    ImGui::RadioButton(tr("driving"), &profile, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr("walking"), &profile, 1);
    const geo::Profile chosen = profile == 0 ? geo::Profile::driving : geo::Profile::walking;
    if (chosen != iso.profile) iso.profile = chosen, ++iso.version;
    // Three thresholds, each after the one before (geo refuses any other order).
    int minutes[3] = {0, 0, 0};
    for (std::size_t k = 0; k < 3; ++k) minutes[k] = k < iso.minutes.size() ? static_cast<int>(iso.minutes[k]) : static_cast<int>(5 * (k + 1));
    // Recomputed when a slider is let go, not on every frame of the drag.
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt3("##minutes", minutes, 1, 30, (std::string("%d ") + tr("min")).c_str())) {
        minutes[1] = std::max(minutes[1], minutes[0] + 1);
        minutes[2] = std::max(minutes[2], minutes[1] + 1);
        iso.minutes = {double(minutes[0]), double(minutes[1]), double(minutes[2])};
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) ++iso.version;
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##tolerance", &iso.tolerance_m, 5, 200, (std::string(tr("Reach from the road (m)")) + " %.0f").c_str());
    if (ImGui::IsItemDeactivatedAfterEdit()) ++iso.version;
    ImGui::TextDisabled("%s", tr("Right-click the map: isochrones from another place"));
}

}  // namespace

void draw_layers_panel(AppState& state) {
    ViewState& view = state.view;
    ImGui::TextUnformatted(tr("Layers"));
    // Top of the list paints last (on top), as in QGIS.
    for (int row = static_cast<int>(view.order.size()) - 1; row >= 0; --row) {
        const MapLayer layer = view.order[row];
        LayerStyle& style = view.style(layer);
        ImGui::PushID(layer_key(layer));
        if (ImGui::Checkbox("##visible", &style.visible)) ++state.style_version;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(70);
        if (ImGui::SliderFloat("##opacity", &style.opacity, 0.0f, 1.0f, "%.1f")) ++state.style_version;
        ImGui::SameLine();
        if (ImGui::ArrowButton("##up", ImGuiDir_Up) && row + 1 < static_cast<int>(view.order.size()))
            std::swap(view.order[row], view.order[row + 1]);
        ImGui::SameLine();
        if (ImGui::ArrowButton("##down", ImGuiDir_Down) && row > 0) std::swap(view.order[row], view.order[row - 1]);
        ImGui::SameLine();
        ImGui::TextUnformatted(layer_title(layer));
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Neighbourhood fill"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##field", field_label(view.fill_field))) {
        for (auto f : {geo::ChoroplethField::incidents_per_1000, geo::ChoroplethField::residents, geo::ChoroplethField::transients,
                       geo::ChoroplethField::population, geo::ChoroplethField::app_adoption})
            if (ImGui::Selectable(field_label(f), f == view.fill_field)) view.fill_field = f, ++state.style_version;
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##method", method_label(view.break_method))) {
        for (auto m : {geo::BreakMethod::quantiles, geo::BreakMethod::natural_breaks, geo::BreakMethod::equal_interval})
            if (ImGui::Selectable(method_label(m), m == view.break_method)) view.break_method = m, ++state.style_version;
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##classes", &view.classes, 3, 9, tr("%d classes"))) ++state.style_version;
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Incidents"));
    int colouring = static_cast<int>(view.colouring);
    if (ImGui::RadioButton(tr("by fraud type"), &colouring, 0)) view.colouring = IncidentColouring::fraud_type, ++state.style_version;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("by outcome"), &colouring, 1)) view.colouring = IncidentColouring::outcome, ++state.style_version;
    if (ImGui::Checkbox(tr("Size by loss"), &view.size_by_loss)) ++state.style_version;
    ImGui::Checkbox(tr("Labels"), &view.show_labels);
    if (view.style(MapLayer::analysis).visible) {
        ImGui::Separator();
        ImGui::TextUnformatted(tr("Hot spots and clusters"));
        AnalysisSettings& a = view.analysis;
        int mode = static_cast<int>(a.mode) - 1;
        const std::string modes = std::string(tr("Gi* hot spots, grid")) + '\0' + tr("Gi* hot spots, neighbourhoods") + '\0' +
                                  tr("DBSCAN clusters") + '\0' + tr("Emerging hot spots (weekly)") + '\0' + '\0';
        ImGui::SetNextItemWidth(-1);
        if (ImGui::Combo("##mode", &mode, modes.c_str())) a.mode = static_cast<AnalysisMode>(mode + 1), ++state.style_version;
        ImGui::SetNextItemWidth(-1);
        if (a.mode == AnalysisMode::clusters) {
            if (ImGui::SliderFloat("##eps", &a.eps_m, 20, 1000, (std::string(tr("eps (m)")) + " %.0f").c_str())) ++state.style_version;
            ImGui::SetNextItemWidth(-1);
            if (ImGui::SliderInt("##minpts", &a.min_points, 2, 50, (std::string(tr("min points")) + " %d").c_str())) ++state.style_version;
        } else if (a.mode != AnalysisMode::gi_neighbourhoods) {
            if (ImGui::SliderFloat("##cell", &a.cell_m, 50, 1000, (std::string(tr("cell (m)")) + " %.0f").c_str())) ++state.style_version;
            ImGui::SetNextItemWidth(-1);
            if (ImGui::SliderFloat("##band", &a.band_m, 50, 3000, (std::string(tr("distance band (m)")) + " %.0f").c_str())) ++state.style_version;
        }
        if (a.mode == AnalysisMode::gi_grid || a.mode == AnalysisMode::gi_neighbourhoods)
            if (ImGui::Checkbox(tr("False discovery rate correction"), &a.fdr)) ++state.style_version;
    }
    if (view.style(MapLayer::isochrones).visible) draw_isochrone_settings(state);
    if (view.style(MapLayer::school_transport).visible) draw_school_transport_settings(state);
    if (view.style(MapLayer::heatmap).visible) {
        ImGui::Separator();
        ImGui::TextUnformatted(tr("Heatmap"));
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##kernel", std::string(geo::name_of(view.heat_kernel)).c_str())) {
            for (std::size_t k = 0; k < geo::kernel_names.size(); ++k)
                if (ImGui::Selectable(std::string(geo::kernel_names[k]).c_str(), static_cast<std::size_t>(view.heat_kernel) == k))
                    view.heat_kernel = static_cast<geo::Kernel>(k), ++state.style_version;
            ImGui::EndCombo();
        }
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##bandwidth", &view.heat_bandwidth_m, 50, 1500, (std::string(tr("Bandwidth (m)")) + " %.0f").c_str()))
            ++state.style_version;
        if (ImGui::Checkbox(tr("Weight by loss"), &view.heat_weight_by_loss)) ++state.style_version;
        ImGui::Checkbox(tr("Automatic range"), &view.heat_auto_range);
        if (!view.heat_auto_range) {
            ImGui::SetNextItemWidth(-1);
            ImGui::DragFloat("##max", &view.heat_max, std::max(view.heat_max * 0.01f, 0.001f), 0, 1e9f,
                             (std::string(tr("Maximum (per km²)")) + " %.3g").c_str());
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::SliderFloat("##heat_opacity", &view.heat_opacity, 0, 1, (std::string(tr("Opacity")) + " %.2f").c_str());
    }
}

}  // namespace gui
