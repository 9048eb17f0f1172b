#include "app/gui/button_row.h"

#include <imgui.h>

namespace gui {

void same_line_if_fits(const char* label) {
    // A button is its label (up to any "##id") plus the frame's padding on both sides.
    const float width = ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine();  // the cursor moves past the previous item and the item spacing
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

}  // namespace gui
