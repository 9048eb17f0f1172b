// One day's stops in the Routes tab: tick a visit done (recorded in the workspace at once),
// lock a stop to its day, or move it to another day (drag the row onto a day, or pick the day)
// for the next re-plan.
#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/text_format.h"
#include "app/gui/routes_parts.h"
#include "geo/planning/visit_log.h"
#include "geo/report/route_sheet.h"
#include "geo/util/time_parse.h"

namespace gui {

void set_visit_done(AppState& state, const std::string& building_id, const std::string& date, const std::string& officer_id,
                    bool done) {
    const auto planned_before = state.district.planned_visits;
    const auto visits_before = state.district.visits;
    if (done) {
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        geo::add_visits(state.district.visits, {{building_id, date, officer_id, "app", geo::format_iso8601_utc(now)}});
    } else {
        geo::remove_visit(state.district.visits, building_id, date);
    }
    state.save_visits(planned_before, visits_before);
}

void pin_stop(RouteReview& review, const std::string& building_id, int day) {
    std::erase_if(review.pinned, [&](const geo::PinnedStop& p) { return p.building_id == building_id; });
    if (day >= 0) review.pinned.push_back({building_id, day});
}

int pinned_day(const RouteReview& review, const std::string& building_id) {
    for (const auto& p : review.pinned)
        if (p.building_id == building_id) return p.day;
    return -1;
}

void draw_route_stops(AppState& state, int k) {
    RouteReview& r = state.routes;
    const geo::WeekPlan& plan = *r.plan;
    const geo::DayRoute& day = plan.days[static_cast<std::size_t>(k)];
    if (day.stops.empty()) return;
    // Wrapped: on one line the hint ran past the panel's edge in both languages.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("Tick a visit when done; lock or drag a stop onto a day, then re-plan"));
    ImGui::PopStyleColor();
    if (!ImGui::BeginTable("stops", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn(tr("Done"));
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn(tr("Address"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("Arrive"));
    ImGui::TableSetupColumn(tr("Lock"));
    ImGui::TableSetupColumn(tr("Day"));
    ImGui::TableHeadersRow();
    for (std::size_t n = 0; n < day.stops.size(); ++n) {
        const geo::RouteStop& stop = day.stops[n];
        ImGui::PushID(static_cast<int>(n));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool done = state.visited.contains(stop.building_id, day.date);
        if (ImGui::Checkbox("##done", &done)) {
            try {
                set_visit_done(state, stop.building_id, day.date, day.officer_id, done);
                r.message.clear();
            } catch (const std::exception& e) {
                r.message = e.what();
            }
        }
        ImGui::TableNextColumn();
        ImGui::Text("%zu", n + 1);
        ImGui::TableNextColumn();
        ImGui::Selectable(stop.address.empty() ? stop.building_id.c_str() : stop.address.c_str(), false,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
        // Drag the row onto a day of the days table above to move the stop there.
        if (ImGui::BeginDragDropSource()) {
            ImGui::SetDragDropPayload("ROUTE_STOP", stop.building_id.c_str(), stop.building_id.size() + 1);
            ImGui::Text("%s → %s", stop.address.c_str(), tr("drop on a day"));
            ImGui::EndDragDropSource();
        }
        if (ImGui::IsItemHovered() && !stop.reasons.empty()) {
            std::string why;
            for (const auto& reason : stop.reasons) why += reason + "\n";
            ImGui::SetTooltip("%s%lld %s", why.c_str(), static_cast<long long>(stop.households), tr("households"));
        }
        ImGui::TableNextColumn();
        const std::string arrive = geo::clock_text(day.start_time, stop.arrival_min);
        if (stop.window.empty()) ImGui::TextUnformatted(arrive.c_str());
        else ImGui::Text("%s (%s)", arrive.c_str(), stop.window.c_str());
        ImGui::TableNextColumn();
        const int pinned = pinned_day(r, stop.building_id);
        bool locked = pinned == k;
        if (ImGui::Checkbox("##lock", &locked)) pin_stop(r, stop.building_id, locked ? k : -1);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(90);
        const int shown = pinned >= 0 ? pinned : k;
        if (ImGui::BeginCombo("##day", weekday_of(plan.days[static_cast<std::size_t>(shown)].date).c_str())) {
            for (int j = 0; j < static_cast<int>(plan.days.size()); ++j)
                if (ImGui::Selectable(weekday_of(plan.days[static_cast<std::size_t>(j)].date).c_str(), j == shown)) pin_stop(r, stop.building_id, j);
            ImGui::EndCombo();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace gui
