// Search: neighbourhoods, buildings, sites and officers by name, Chinese or English.
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/panels.h"
#include "geo/query/search.h"

namespace gui {

std::optional<geo::XY> draw_search_panel(AppState& state) {
    static char query[128] = "";  // ImGui's own widget state
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", tr("Search names, addresses, ids"), query, sizeof query);
    if (query[0] == '\0') return std::nullopt;
    std::optional<geo::XY> fly_to;
    const auto hits = geo::search(state.district, query, 12);
    if (hits.empty()) ImGui::TextDisabled("%s", tr("Nothing found"));
    for (std::size_t k = 0; k < hits.size(); ++k) {
        const auto& hit = hits[k];
        ImGui::PushID(static_cast<int>(k));
        if (ImGui::Selectable((hit.label + "  ·  " + tr(std::string(geo::layer_spec(hit.layer).name).c_str())).c_str())) {
            fly_to = hit.location;
            if (hit.layer == geo::LayerKind::neighbourhoods || hit.layer == geo::LayerKind::sites)
                state.selection = Selection{hit.layer, hit.index};
        }
        ImGui::PopID();
    }
    return fly_to;
}

}  // namespace gui
