// Routes: plan an officer's week of visits (geo/planning) on a worker thread, show the days on
// the map, print the sheets with their GPX and GeoJSON.
#include <algorithm>
#include <chrono>
#include <filesystem>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/panels.h"
#include "geo/network/road_graph.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/visit_priority.h"
#include "geo/report/route_exports.h"
#include "geo/report/route_sheet.h"
#include "geo/util/error.h"

namespace gui {

void plan_routes_now(AppState& state, const std::string& officer_id, const std::string& week_label) {
    const std::optional<geo::TimeWindow> week = geo::parse_iso_week(week_label, state.district.metadata.timezone);
    if (!week) throw geo::BadInput("--layer-state routes: '" + week_label + "' is not an ISO week such as 2021-W24");
    const auto& officers = state.district.officers;
    const auto it = std::find_if(officers.begin(), officers.end(), [&](const geo::Officer& o) { return o.id == officer_id; });
    if (it == officers.end()) throw geo::BadInput("--layer-state routes: no officer '" + officer_id + "'");
    state.routes.officer = static_cast<int>(it - officers.begin());
    std::snprintf(state.routes.week, sizeof state.routes.week, "%s", week_label.c_str());
    const geo::RoadGraph graph = geo::build_road_graph(state.district.roads);
    geo::WeekPlanOptions options;
    options.time_budget_s = 0;  // deterministic: construction, local search and the fixed rounds
    options.max_rounds = 50;
    state.routes.plan = geo::plan_week(state.district, graph, geo::visit_priorities(state.district, week->from), officer_id, *week, options);
}

void draw_routes_panel(AppState& state) {
    RouteReview& r = state.routes;
    const auto& officers = state.district.officers;
    if (officers.empty()) {
        ImGui::TextDisabled("%s", tr("No officers in this workspace"));
        return;
    }
    r.officer = std::clamp(r.officer, 0, static_cast<int>(officers.size()) - 1);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##officer", (officers[r.officer].name + " (" + officers[r.officer].id + ")").c_str())) {
        for (int k = 0; k < static_cast<int>(officers.size()); ++k)
            if (ImGui::Selectable((officers[k].name + " (" + officers[k].id + ")").c_str(), k == r.officer)) r.officer = k;
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(120);
    ImGui::InputText(tr("ISO week"), r.week, sizeof r.week);

    if (r.job) {
        // Planning runs for a couple of seconds: an animated bar, the window stays live.
        ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(-1, 0), tr("planning…"));
        if (r.job->wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
            try {
                r.plan = r.job->get();
                r.message.clear();
            } catch (const std::exception& e) {
                r.plan.reset();
                r.message = e.what();
            }
            r.job.reset();
        }
    } else if (ImGui::Button(tr("Plan the week"))) {
        try {
            const std::optional<geo::TimeWindow> parsed = geo::parse_iso_week(r.week, state.district.metadata.timezone);
            if (!parsed) throw std::runtime_error(std::string(tr("Not an ISO week (e.g. 2021-W24):")) + " " + r.week);
            const geo::TimeWindow week = *parsed;
            auto district = std::make_shared<geo::District>(state.district);  // edits may go on meanwhile
            const std::string officer = officers[r.officer].id;
            r.job = std::make_shared<std::future<geo::WeekPlan>>(std::async(std::launch::async, [district, officer, week] {
                const geo::RoadGraph graph = geo::build_road_graph(district->roads);
                const auto priorities = geo::visit_priorities(*district, week.from);
                geo::WeekPlanOptions options;
                options.time_budget_s = 2.0;
                return geo::plan_week(*district, graph, priorities, officer, week, options);
            }));
        } catch (const std::exception& e) {
            r.message = e.what();
        }
    }
    if (!r.message.empty()) ImGui::TextWrapped("%s", r.message.c_str());
    if (!r.plan) return;

    const geo::WeekPlan& plan = *r.plan;
    ImGui::Text("%s %.0f / %.0f", tr("Priority visited"), plan.priority_visited, plan.priority_candidates);
    if (plan.left_out_by_cap) ImGui::TextDisabled("%zu %s", plan.left_out_by_cap, tr("lower-priority buildings wait for later weeks"));
    for (const auto& u : plan.unreachable) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s: %s", u.building_id.c_str(), u.reason.c_str());
    ImGui::RadioButton(tr("All days"), &r.day, -1);
    if (ImGui::BeginTable("days", 4, ImGuiTableFlags_RowBg)) {
        for (int k = 0; k < static_cast<int>(plan.days.size()); ++k) {
            const geo::DayRoute& day = plan.days[k];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::RadioButton((day.date + " " + day.weekday).c_str(), &r.day, k);
            ImGui::TableNextColumn();
            ImGui::Text("%zu %s", day.stops.size(), tr("stops"));
            ImGui::TableNextColumn();
            ImGui::Text("%.1f km", day.distance_m / 1000);
            ImGui::TableNextColumn();
            ImGui::Text("%.1f h", day.duration_min / 60);
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(tr("Print the sheets (PDF, GPX, GeoJSON)"))) {
        const auto dir = state.workspace.parent_path() / (state.workspace.stem().string() + "-routes-" + r.week);
        try {
            std::filesystem::create_directories(dir);
            int files = 0;
            for (const auto& day : plan.days) {
                if (day.stops.empty()) continue;
                const std::string base = (dir / (day.officer_id + "-" + day.date)).string();
                geo::write_route_sheet_pdf(day, state.district, base + ".pdf");
                geo::write_route_gpx(day, state.district.metadata.crs, base + ".gpx");
                geo::write_route_geojson(day, state.district.metadata.crs, base + ".geojson");
                files += 3;
            }
            r.message = fmt::format("{} {} {}", tr("wrote"), files, dir.string());
        } catch (const std::exception& e) {
            r.message = e.what();
        }
    }
}

}  // namespace gui
