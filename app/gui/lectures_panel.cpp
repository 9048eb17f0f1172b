// The Lectures tab: settings, the plan as a table beside the map, and the "held" ticks.
#include "app/gui/lectures_panel.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/lecture_overlay.h"
#include "geo/edit/autosave.h"
#include "geo/io/lecture_table.h"
#include "geo/io/workspace_store.h"
#include "geo/outreach/lectures_held.h"
#include "geo/planning/iso_week.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace gui {
namespace {

// What `lectures --record` accepts (app/cli/cmd_lectures.cpp).
constexpr std::int64_t kMaxAttendance = 100'000;
constexpr std::int64_t kMaxLeaflets = 1'000'000;

std::string topics_stored(const std::vector<geo::FraudType>& topics) {
    std::string out;
    for (auto t : topics) out += (out.empty() ? "" : "+") + std::string(geo::name_of(t));
    return out;
}

std::string topics_shown(const std::vector<geo::FraudType>& topics) {
    std::string out;
    const char* between = current_language() == Language::zh ? "、" : ", ";
    for (auto t : topics) out += (out.empty() ? "" : between) + std::string(tr_value(geo::name_of(t)));
    return out;
}

std::string venue_kind(const geo::LectureVenue& v) {
    return v.id.rfind("square-", 0) == 0 ? tr("square") : tr_value(geo::name_of(v.kind));
}

// The Chinese name in both languages, as the Dashboard's ranking shows it: the table is wide.
std::string neighbourhood_name(const geo::District& d, int index) {
    if (index < 0) return "—";
    const auto& n = d.neighbourhoods[static_cast<std::size_t>(index)];
    return n.name.empty() ? n.id : n.name;
}

bool day_ahead(const AppState& state, std::size_t k) {
    return state.lectures.plan->lectures[k].day > std::chrono::system_clock::now();
}

void settings(AppState& state) {
    LectureReview& r = state.lectures;
    if (!r.weeks[0]) std::snprintf(r.weeks, sizeof r.weeks, "%s", default_lecture_weeks(state.district).c_str());
    const float field = ImGui::GetFontSize() * 6;
    ImGui::SetNextItemWidth(field * 2);
    ImGui::InputText(tr("Weeks (e.g. 2021-W25..2021-W30)"), r.weeks, sizeof r.weeks);
    ImGui::SetNextItemWidth(field);
    ImGui::InputInt(tr("Teams"), &r.teams);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    ImGui::InputInt(tr("Talks per team a week"), &r.per_team_week);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    ImGui::InputInt(tr("Weeks before a venue again"), &r.min_gap_weeks);
    r.teams = std::clamp(r.teams, 1, 100);
    r.per_team_week = std::clamp(r.per_team_week, 1, 6);
    r.min_gap_weeks = std::clamp(r.min_gap_weeks, 0, 52);
    if (ImGui::Button(tr("Plan the lectures"))) {
        try {
            plan_lectures_now(state);
            r.message.clear();
        } catch (const std::exception& e) {
            r.message = e.what();  // the last plan stays
        }
    }
}

// The plan's weeks as buttons in their map colours (the legend of the table and the map): one
// week shown, or all of them. A week not shown is faded.
void week_picker(AppState& state) {
    LectureReview& r = state.lectures;
    const geo::LecturePlan& plan = *r.plan;
    if (ImGui::RadioButton(tr("All weeks"), r.shown_week < 0)) r.shown_week = -1;
    for (std::size_t w = 0; w < plan.weeks.size(); ++w) {
        const geo::Rgba8 c = lecture_week_colour(w);
        const bool shown = r.shown_week < 0 || static_cast<std::size_t>(r.shown_week) == w;
        const float alpha = shown ? 1.0f : 0.35f;
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 0.8f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        if (ImGui::Button(plan.weeks[w].substr(5).c_str())) r.shown_week = static_cast<std::size_t>(r.shown_week) == w ? -1 : static_cast<int>(w);
        ImGui::PopStyleColor(4);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", plan.weeks[w].c_str());
    }
}

void fly_to(AppState& state, std::size_t k) {
    LectureReview& r = state.lectures;
    r.selected = static_cast<int>(k);
    const geo::XY at = r.plan->venues[r.plan->lectures[k].venue].location;
    // As the search does: centred, at least at street zoom (0.5 px a metre).
    state.camera.set(at, std::max(state.camera.pixels_per_metre(), 0.5));
}

}  // namespace

void ask_lecture_held(AppState& state, std::size_t k) {
    LectureReview& r = state.lectures;
    const geo::LectureVenue& v = r.plan->venues[r.plan->lectures[k].venue];
    r.asking = static_cast<int>(k);
    // A correction starts from what was recorded; a new one from the audience the plan expects.
    const geo::LectureRecord* held = held_record(state, k);
    r.attendance = static_cast<int>(std::min<std::int64_t>(held ? held->attendance : v.audience, kMaxAttendance));
    r.leaflets = static_cast<int>(held ? held->leaflets : 0);
    r.open_dialog = true;
}

namespace {

void held_dialog(AppState& state) {
    LectureReview& r = state.lectures;
    if (r.open_dialog) ImGui::OpenPopup("###record_held"), r.open_dialog = false;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(tr("Lecture held")) + "###record_held";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!r.plan || r.asking < 0 || static_cast<std::size_t>(r.asking) >= r.plan->lectures.size()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const std::size_t k = static_cast<std::size_t>(r.asking);
    const geo::PlannedLecture& l = r.plan->lectures[k];
    const geo::LectureVenue& v = r.plan->venues[l.venue];
    ImGui::Text("%s (%s)  %s", v.name.c_str(), v.id.c_str(), lecture_date(state, k).c_str());
    ImGui::TextDisabled("%s: %s", tr("Topics"), topics_shown(l.why.topics).c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    ImGui::InputInt(tr("People who came"), &r.attendance, 10, 100);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    ImGui::InputInt(tr("Leaflets handed out"), &r.leaflets, 10, 100);
    r.attendance = std::clamp(r.attendance, 0, static_cast<int>(kMaxAttendance));
    r.leaflets = std::clamp(r.leaflets, 0, static_cast<int>(kMaxLeaflets));
    if (held_record(state, k)) ImGui::TextDisabled("%s", tr("Recorded already: this corrects it"));
    if (ImGui::Button(tr("Record"))) {
        try {
            record_lecture_held(state, k, r.attendance, r.leaflets);
        } catch (const std::exception& e) {
            r.message = e.what();
        }
        r.asking = -1;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) r.asking = -1, ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void plan_table(AppState& state) {
    LectureReview& r = state.lectures;
    const geo::LecturePlan& plan = *r.plan;
    const geo::District& d = state.district;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("lectures", 9, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("Held"));
    ImGui::TableSetupColumn(tr("Week"));
    ImGui::TableSetupColumn(tr("Team"));
    ImGui::TableSetupColumn(tr("Day"));
    ImGui::TableSetupColumn(tr("Venue"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("Neighbourhood"));
    ImGui::TableSetupColumn(tr("Audience"));
    ImGui::TableSetupColumn(tr("Topics"));
    ImGui::TableSetupColumn(tr("Score"));
    ImGui::TableHeadersRow();
    const std::string& zone = d.metadata.timezone;
    int row = 0;
    for (std::size_t k = 0; k < plan.lectures.size(); ++k) {
        const geo::PlannedLecture& l = plan.lectures[k];
        const auto week = static_cast<std::size_t>(std::find(plan.weeks.begin(), plan.weeks.end(), l.week) - plan.weeks.begin());
        if (r.shown_week >= 0 && static_cast<std::size_t>(r.shown_week) != week) continue;
        ++row;
        const geo::LectureVenue& v = plan.venues[l.venue];
        ImGui::PushID(static_cast<int>(k));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // Ticked from the workspace's table, never from the click: what shows is what was written.
        bool held = held_record(state, k) != nullptr;
        const bool ahead = day_ahead(state, k);
        ImGui::BeginDisabled(ahead);
        if (ImGui::Checkbox("##held", &held)) ask_lecture_held(state, k);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", ahead ? tr("Not held yet: the day is ahead") : tr("Tick when held: asks how many came"));
        ImGui::TableNextColumn();
        const geo::Rgba8 c = lecture_week_colour(week);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + h * 0.3f, at.y + h / 2), h * 0.28f, IM_COL32(c.r, c.g, c.b, 255), 12);
        ImGui::Dummy(ImVec2(h * 0.6f, h));
        ImGui::SameLine(0, 2);
        bool clicked = ImGui::Selectable(l.week.substr(5).c_str(), r.selected == static_cast<int>(k),
                                         ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
        if (r.click_row == row) clicked = true, r.click_row = 0;  // --layer-state lecture_row=K
        if (clicked) fly_to(state, k);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Click to show it on the map"));
        ImGui::TableNextColumn();
        ImGui::Text("%d", l.team);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(geo::format_local(l.day, zone, "%m-%d").c_str());
        ImGui::TableNextColumn();
        // The kind and id on hover: the names say most of it (…小学, …有限公司, …村民委员会, …广场),
        // and the column stays wide enough for them in English too.
        ImGui::TextUnformatted(v.name.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s · %s", venue_kind(v).c_str(), v.id.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(neighbourhood_name(d, v.neighbourhood).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(v.audience));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(topics_shown(l.why.topics).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.2f", l.why.score);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s %.3f%s", tr("Recent cases per 1,000 people in the room:"), l.why.per_1000,
                              l.why.neglected ? tr(", doubled: no lecture there for 8 weeks") : "");
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

std::string default_lecture_weeks(const geo::District& district) {
    const auto range = geo::incident_time_range(district);
    if (!range) return "";
    const std::string& zone = district.metadata.timezone;
    const geo::TimeWindow last = geo::window_containing(range->to - std::chrono::seconds(1), geo::TimeStep::week, zone);
    return geo::window_label(geo::shifted(last, geo::TimeStep::week, 1, zone), geo::TimeStep::week, zone) + ".." +
           geo::window_label(geo::shifted(last, geo::TimeStep::week, 6, zone), geo::TimeStep::week, zone);
}

void plan_lectures_now(AppState& state) {
    LectureReview& r = state.lectures;
    geo::LecturePlanOptions options;
    options.teams = r.teams;
    options.per_team_week = r.per_team_week;
    options.min_gap_weeks = r.min_gap_weeks;
    const auto started = std::chrono::steady_clock::now();
    const std::vector<std::string> weeks = geo::week_range(r.weeks, state.district.metadata.timezone);
    geo::LecturePlan plan = geo::plan_lectures(state.district, weeks, options);
    r.plan_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    r.dates.clear();
    for (const auto& l : plan.lectures) r.dates.push_back(geo::format_local(l.day, state.district.metadata.timezone, "%Y-%m-%d"));
    r.plan = std::move(plan);
    r.planned_options = options;
    r.shown_week = -1;
    r.selected = -1;
    r.asking = -1;
}

const geo::LectureRecord* held_record(const AppState& state, std::size_t k) {
    const geo::LecturePlan& plan = *state.lectures.plan;
    const std::string& venue = plan.venues[plan.lectures[k].venue].id;
    const std::string& date = lecture_date(state, k);
    for (const auto& l : state.district.lectures)
        if (l.venue_id == venue && l.date == date) return &l;
    return nullptr;
}

const std::string& lecture_date(const AppState& state, std::size_t k) { return state.lectures.dates.at(k); }

void record_lecture_held(AppState& state, std::size_t k, std::int64_t attendance, std::int64_t leaflets) {
    LectureReview& r = state.lectures;
    const geo::PlannedLecture& planned = r.plan->lectures.at(k);
    const std::string venue = r.plan->venues[planned.venue].id, date = lecture_date(state, k);
    if (day_ahead(state, k)) throw geo::BadInput("the lecture at " + venue + " on " + date + " is still ahead: not recorded");
    if (attendance < 0 || attendance > kMaxAttendance) throw geo::BadInput("attendance: the people who came, 0 to 100,000");
    if (leaflets < 0 || leaflets > kMaxLeaflets) throw geo::BadInput("leaflets: 0 to 1,000,000");
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const geo::LectureRecord record{venue, date, topics_stored(planned.why.topics), attendance, leaflets, "app",
                                    geo::format_iso8601_utc(now)};
    const std::int64_t read_at = state.district.metadata.change;
    // One transaction: the row and the change counter together, or nothing (geo/io/workspace_store.h).
    geo::Metadata committed = geo::commit_lectures(state.workspace, {record});
    // Nobody else committed since the workspace was read: ours is the only change, merged here
    // as geo merged it there. Otherwise read everything back, ours included.
    const bool only_ours = committed.change == read_at + 1;
    if (!only_ours && state.reload_if_changed()) {
        // reload_if_changed read the table as it now is.
    } else {
        if (only_ours) state.district.metadata = std::move(committed);
        state.district.lectures = geo::merge_lectures(state.district.lectures, {record});
        // Unsaved poster edits now sit on the new stamp (as AppState::save_visits does).
        geo::sync_journal(state.workspace, state.district.metadata, state.history);
    }
    r.message = fmt::format(fmt::runtime(tr("Recorded: {} on {}, {} people")), r.plan->venues[planned.venue].name, date, attendance);
}

void draw_lectures_panel(AppState& state) {
    LectureReview& r = state.lectures;
    settings(state);
    if (!r.message.empty()) ImGui::TextWrapped("%s", r.message.c_str());
    if (!r.plan) {
        ImGui::TextDisabled("%s", tr("Venues: schools, firms, village halls, community centres, and a square where a "
                                     "neighbourhood has none; scored by the recent cases around them for the people in the room"));
        return;
    }
    const geo::LecturePlan& plan = *r.plan;
    const std::string& zone = state.district.metadata.timezone;
    ImGui::TextUnformatted(fmt::format(fmt::runtime(tr("{} lectures in {} weeks")), plan.lectures.size(), plan.weeks.size()).c_str());
    if (plan.lectures.size() < plan.slots_per_week * plan.weeks.size()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", fmt::format(fmt::runtime(tr("({} slots left empty by the spacing)")),
                                              plan.slots_per_week * plan.weeks.size() - plan.lectures.size()).c_str());
    }
    // What was held in the plan's weeks, counted as the weekly review counts it.
    if (const auto first = geo::parse_iso_week(plan.weeks.front(), zone), last = geo::parse_iso_week(plan.weeks.back(), zone); first && last) {
        const geo::LecturesHeld held = geo::lectures_held_in(state.district, {first->from, last->to});
        ImGui::SameLine();
        ImGui::TextDisabled("%s", fmt::format(fmt::runtime(tr("· held so far: {} ({} people, {} leaflets)")), held.lectures,
                                              held.attendance, held.leaflets).c_str());
    }
    week_picker(state);
    plan_table(state);
    held_dialog(state);
}

}  // namespace gui
