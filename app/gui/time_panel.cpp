// Time: a date-range slider in weekly or monthly steps with play; and the incident filters.
// Both feed AppState::filter, which every view uses.
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/panels.h"

namespace gui {
namespace {

template <class E>
bool enum_filter(const char* title, std::set<E>& chosen) {
    bool changed = false;
    if (ImGui::TreeNodeEx(title, ImGuiTreeNodeFlags_DefaultOpen)) {
        const auto& names = geo::EnumNames<E>::names;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const E value = static_cast<E>(i);
            bool on = chosen.empty() || chosen.count(value);
            if (ImGui::Checkbox(tr_value(names[i]), &on)) {
                if (chosen.empty())  // "all" becomes an explicit list the first time one is unticked
                    for (std::size_t k = 0; k < names.size(); ++k) chosen.insert(static_cast<E>(k));
                on ? (void)chosen.insert(value) : (void)chosen.erase(value);
                if (chosen.size() == names.size()) chosen.clear();
                changed = true;
            }
        }
        ImGui::TreePop();
    }
    return changed;
}

}  // namespace

void draw_time_panel(AppState& state, double frame_seconds) {
    TimeControl& time = state.time;
    const std::string& zone = state.district.metadata.timezone;
    if (time.steps.empty()) {
        ImGui::TextDisabled("%s", tr("No incidents"));
        return;
    }
    bool changed = false;
    if (ImGui::Checkbox(tr("All time"), &time.all_time)) changed = true;
    ImGui::SameLine();
    int step = static_cast<int>(time.step);
    ImGui::SetNextItemWidth(110);
    if (ImGui::Combo("##step", &step, current_language() == Language::zh ? "按周\0按月\0" : "weekly\0monthly\0")) {
        time.step = static_cast<geo::TimeStep>(step);
        state.rebuild_time_steps();
        if (!time.all_time) time.first = time.last = static_cast<int>(time.steps.size()) - 1;
        changed = true;
    }
    ImGui::SameLine();
    if (ImGui::Button(time.playing ? tr("Pause") : tr("Play"))) {
        time.playing = !time.playing;
        if (time.playing && time.all_time) {
            time.all_time = false;
            time.first = time.last = 0;
            changed = true;
        }
    }
    if (time.playing) {
        time.play_clock += frame_seconds;
        if (time.play_clock >= time.seconds_per_step) {
            time.play_clock = 0;
            const int width = time.last - time.first;
            if (time.last + 1 >= static_cast<int>(time.steps.size())) time.first = 0, time.last = width;
            else ++time.first, ++time.last;
            changed = true;
        }
    }
    const int last_index = static_cast<int>(time.steps.size()) - 1;
    ImGui::BeginDisabled(time.all_time);
    const std::string from_label = geo::window_label(time.steps[time.first], time.step, zone);
    const std::string to_label = geo::window_label(time.steps[time.last], time.step, zone);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::SetNextItemWidth(half);
    if (ImGui::SliderInt("##from", &time.first, 0, last_index, (std::string(tr("from")) + " " + from_label).c_str())) {
        time.last = std::max(time.last, time.first);
        changed = true;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    if (ImGui::SliderInt("##to", &time.last, 0, last_index, (std::string(tr("to")) + " " + to_label).c_str())) {
        time.first = std::min(time.first, time.last);
        changed = true;
    }
    ImGui::EndDisabled();
    if (changed) state.apply_time_range();
}

void draw_filters_panel(AppState& state) {
    bool changed = false;
    changed |= enum_filter(tr("Fraud types"), state.filter.fraud_types);
    changed |= enum_filter(tr("Outcomes"), state.filter.outcomes);
    changed |= enum_filter(tr("Victim age"), state.filter.age_bands);
    changed |= enum_filter(tr("Source"), state.filter.sources);
    if (changed) ++state.filter_version;
}

}  // namespace gui
