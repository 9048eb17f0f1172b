// Routes: plan an officer's week of visits (geo/planning) on a worker thread, show the days on
// the map, re-plan around the stops the dispatcher locked or moved, issue the plan for the
// progress board, print the sheets with their GPX and GeoJSON.
#include <algorithm>
#include <chrono>
#include <filesystem>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/button_row.h"
#include "app/gui/i18n.h"
#include "app/gui/panels.h"
#include "app/gui/routes_parts.h"
#include "app/gui/text_format.h"
#include "app/gui/track_panel.h"
#include "geo/network/road_graph.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/must_visit.h"
#include "geo/planning/visit_log.h"
#include "geo/planning/visit_priority.h"
#include "geo/report/route_exports.h"
#include "geo/report/route_sheet.h"
#include "geo/util/error.h"

namespace gui {

PlannedWeek plan_week_for(const geo::District& district, const std::string& officer_id, const geo::TimeWindow& week,
                          const std::vector<geo::PinnedStop>& pinned, std::optional<geo::VisitFlag> must_visit,
                          double time_budget_s, std::int64_t max_rounds) {
    const geo::RoadGraph graph = geo::build_road_graph(district.roads);
    PlannedWeek out;
    out.priorities = geo::visit_priorities(district, week.from);
    out.must_visit = must_visit;
    geo::WeekPlanOptions options;
    options.time_budget_s = time_budget_s;
    options.max_rounds = max_rounds;
    if (must_visit) options.every_stop = geo::flagged_buildings_of(district, officer_id, *must_visit);
    else options.pinned = pinned;
    out.plan = geo::plan_week(district, graph, out.priorities, officer_id, week, options);
    return out;
}

void issue_plan(AppState& state) {
    RouteReview& r = state.routes;
    if (!r.plan) return;
    const auto planned_before = state.district.planned_visits;
    const auto visits_before = state.district.visits;
    geo::issue_week_plan(state.district.planned_visits, state.district, *r.plan, r.planned_officer, r.planned_week, r.priorities);
    state.save_visits(planned_before, visits_before);
}

void plan_routes_now(AppState& state, const std::string& officer_id, const std::string& week_label) {
    const std::optional<geo::TimeWindow> week = geo::parse_iso_week(week_label, state.district.metadata.timezone);
    if (!week) throw geo::BadInput("--layer-state routes: '" + week_label + "' is not an ISO week such as 2021-W24");
    const auto& officers = state.district.officers;
    const auto it = std::find_if(officers.begin(), officers.end(), [&](const geo::Officer& o) { return o.id == officer_id; });
    if (it == officers.end()) throw geo::BadInput("--layer-state routes: no officer '" + officer_id + "'");
    RouteReview& r = state.routes;
    r.officer = static_cast<int>(it - officers.begin());
    std::snprintf(r.week, sizeof r.week, "%s", week_label.c_str());
    // Deterministic: construction, local search and a fixed number of rounds.
    PlannedWeek planned = plan_week_for(state.district, officer_id, *week, r.pinned, r.must_visit, 0, 50);
    r.plan = std::move(planned.plan);
    r.priorities = std::move(planned.priorities);
    r.plan_must_visit = planned.must_visit;
    r.planned_officer = officer_id;
    r.planned_week = week_label;
}

namespace {

void start_planning(AppState& state) {
    RouteReview& r = state.routes;
    const std::optional<geo::TimeWindow> parsed = geo::parse_iso_week(r.week, state.district.metadata.timezone);
    if (!parsed) throw std::runtime_error(std::string(tr("Not an ISO week (e.g. 2021-W24):")) + " " + r.week);
    const std::string officer = state.district.officers[static_cast<std::size_t>(r.officer)].id;
    // Locks belong to the week they were made on.
    if (officer != r.planned_officer || r.week != r.planned_week) r.pinned.clear();
    r.planned_officer = officer;
    r.planned_week = r.week;
    auto district = std::make_shared<geo::District>(state.district);  // edits may go on meanwhile
    r.job = std::make_shared<std::future<PlannedWeek>>(
        std::async(std::launch::async, [district, officer, week = *parsed, pinned = r.pinned, must_visit = r.must_visit] {
            return plan_week_for(*district, officer, week, pinned, must_visit, 2.0, 2000);
        }));
}

void print_sheets(AppState& state) {
    RouteReview& r = state.routes;
    const auto dir = state.workspace.parent_path() / (state.workspace.stem().string() + "-routes-" + r.planned_week);
    std::filesystem::create_directories(dir);
    int files = 0;
    for (const auto& day : r.plan->days) {
        if (day.stops.empty()) continue;
        const std::string base = (dir / (day.officer_id + "-" + day.date)).string();
        geo::write_route_sheet_pdf(day, state.district, base + ".pdf");
        geo::write_route_gpx(day, state.district.metadata.crs, base + ".gpx");
        geo::write_route_geojson(day, state.district.metadata.crs, base + ".geojson");
        files += 3;
    }
    // What is printed is what the officer carries: it is the plan the board counts.
    issue_plan(state);
    r.message = fmt::format("{} {} {}", tr("wrote"), files, dir.string());
}

// "Must visit": none (the most priority in the hours) or every building with a flag.
void draw_must_visit_choice(RouteReview& r) {
    const auto name = [](std::optional<geo::VisitFlag> f) {
        if (!f) return tr("none");
        switch (*f) {
            case geo::VisitFlag::elderly_alone: return tr("elderly living alone");
            case geo::VisitFlag::past_victim: return tr("past victims");
            case geo::VisitFlag::no_app: return tr("no anti-fraud app");
        }
        return "?";
    };
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo(tr("Must visit"), name(r.must_visit))) {
        for (const std::optional<geo::VisitFlag> f : {std::optional<geo::VisitFlag>{}, std::optional{geo::VisitFlag::elderly_alone},
                                                      std::optional{geo::VisitFlag::past_victim}, std::optional{geo::VisitFlag::no_app}})
            if (ImGui::Selectable(name(f), f == r.must_visit)) r.must_visit = f;
        ImGui::EndCombo();
    }
    // plan_week takes no pins in every-stop mode: the locks wait for a plan by priority.
    if (r.must_visit && !r.pinned.empty())
        ImGui::TextDisabled("%zu %s", r.pinned.size(), tr("locked stops are not used when every building must be visited"));
}

// "Served all 23 stops in 3 of 5 days", or how many were served and why the rest were not.
void draw_every_stop_summary(const geo::WeekPlan& plan) {
    const geo::EveryStopSummary s = geo::every_stop_summary(plan);
    if (s.listed == 0) {
        ImGui::TextWrapped("%s", tr("No building of the officer has this flag"));
    } else if (s.all_served()) {
        ImGui::TextWrapped("%s", fmt::format(fmt::runtime(tr("Served all {0} stops in {1} of {2} days")), s.listed, s.days_used, s.days).c_str());
    } else {
        ImGui::TextWrapped("%s", fmt::format(fmt::runtime(tr("Served {0} of {1} stops in {2} of {3} days; not served:")), s.served, s.listed,
                                             s.days_used, s.days).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));  // wrapped: a window's reason is long
        for (const auto& u : plan.unserved) ImGui::TextWrapped("%s: %s", u.building_id.c_str(), left_out_text(u.why).c_str());
        ImGui::PopStyleColor();
    }
}

void draw_days(AppState& state) {
    RouteReview& r = state.routes;
    const geo::WeekPlan& plan = *r.plan;
    ImGui::RadioButton(tr("All days"), &r.day, -1);
    if (!ImGui::BeginTable("days", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("day", ImGuiTableColumnFlags_WidthStretch);
    for (int k = 0; k < static_cast<int>(plan.days.size()); ++k) {
        const geo::DayRoute& day = plan.days[static_cast<std::size_t>(k)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // "06-15 Tue": the week's year is in the week field above.
        ImGui::RadioButton((day.date.substr(5) + " " + weekday_of(day.date)).c_str(), &r.day, k);
        // A stop dragged from the list lands here: locked to this day for the next re-plan.
        if (ImGui::BeginDragDropTarget()) {
            if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload("ROUTE_STOP"))
                pin_stop(r, static_cast<const char*>(payload->Data), k);
            ImGui::EndDragDropTarget();
        }
        ImGui::TableNextColumn();
        ImGui::Text("%zu %s", day.stops.size(), tr("stops"));
        ImGui::TableNextColumn();
        ImGui::Text("%.1f km", day.distance_m / 1000);
        ImGui::TableNextColumn();
        ImGui::Text("%.1f h", day.duration_min / 60);
    }
    ImGui::EndTable();
}

}  // namespace

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
    draw_must_visit_choice(r);

    if (r.job) {
        // Planning runs for a couple of seconds: an animated bar, the window stays live.
        ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(-1, 0), tr("planning…"));
        if (r.job->wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
            try {
                PlannedWeek planned = r.job->get();
                r.plan = std::move(planned.plan);
                r.priorities = std::move(planned.priorities);
                r.plan_must_visit = planned.must_visit;
                r.message.clear();
            } catch (const std::exception& e) {
                r.message = e.what();  // the last plan stays on the map
            }
            r.job.reset();
        }
    } else {
        const bool replan = r.plan && !r.pinned.empty() && !r.must_visit;
        const std::string label = replan ? fmt::format("{} ({} {})", tr("Re-plan"), r.pinned.size(), tr("locked"))
                                         : std::string(tr("Plan the week"));
        if (ImGui::Button(label.c_str())) {
            try {
                start_planning(state);
            } catch (const std::exception& e) {
                r.message = e.what();
            }
        }
        if (!r.pinned.empty()) {
            same_line_if_fits(tr("Unlock all"));
            if (ImGui::SmallButton(tr("Unlock all"))) r.pinned.clear();
        }
    }
    if (!r.message.empty()) ImGui::TextWrapped("%s", r.message.c_str());
    if (r.plan) {
        const geo::WeekPlan& plan = *r.plan;
        if (r.plan_must_visit) draw_every_stop_summary(plan);
        else ImGui::Text("%s %.0f / %.0f", tr("Priority visited"), plan.priority_visited, plan.priority_candidates);
        if (plan.left_out_by_cap) ImGui::TextDisabled("%zu %s", plan.left_out_by_cap, tr("lower-priority buildings wait for later weeks"));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));  // wrapped: the Chinese reasons are long too
        for (const auto& u : plan.unreachable) ImGui::TextWrapped("%s: %s", u.building_id.c_str(), left_out_text(u.why).c_str());
        ImGui::PopStyleColor();
        draw_days(state);
        if (ImGui::Button(tr("Print the sheets (PDF, GPX, GeoJSON)"))) {
            try {
                print_sheets(state);
            } catch (const std::exception& e) {
                r.message = e.what();
            }
        }
        same_line_if_fits(tr("Issue without printing"));
        if (ImGui::Button(tr("Issue without printing"))) {
            try {
                issue_plan(state);
                r.message = tr("Plan issued: the progress board counts it");
            } catch (const std::exception& e) {
                r.message = e.what();
            }
        }
        if (ImGui::Button(tr("Zoom to the route"))) {
            geo::Envelope extent;
            for (int k = 0; k < static_cast<int>(plan.days.size()); ++k)
                if (r.day < 0 || r.day == k)
                    for (const auto& p : plan.days[static_cast<std::size_t>(k)].path) extent.expand(p);
            if (!extent.empty()) state.camera.fit(extent.grown(std::max(extent.width(), extent.height()) * 0.1), 24);
        }
        if (r.day >= 0 && r.day < static_cast<int>(plan.days.size())) draw_route_stops(state, r.day);
    }
    draw_track_replay(state);
    draw_progress_board(state);
}

}  // namespace gui
