// The Routes tab's track replay: the track picker, the time slider with play, the counts and the
// dwells. Every figure is geo::review_track's; this file chooses, shows and moves the moment.
#include "app/gui/track_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/response_tools.h"
#include "geo/planning/iso_week.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace gui {
namespace {

geo::Timestamp timestamp_of(double time_s) { return geo::Timestamp(std::chrono::seconds(static_cast<std::int64_t>(std::floor(time_s)))); }

std::string local_day(const AppState& state, const geo::Track& track) {
    return geo::format_local(track.points.front().time, state.district.metadata.timezone, "%Y-%m-%d");
}

// The track to start with: the Routes tab's officer on the day it shows, else that officer's
// first track in the tab's week, else the officer's first track.
std::string default_track(const AppState& state) {
    const RouteReview& r = state.routes;
    const auto& officers = state.district.officers;
    if (officers.empty()) return "";
    const std::string& officer = officers[static_cast<std::size_t>(std::clamp(r.officer, 0, static_cast<int>(officers.size()) - 1))].id;
    std::string day;
    if (r.plan && r.planned_officer == officer && r.day >= 0 && r.day < static_cast<int>(r.plan->days.size()))
        day = r.plan->days[static_cast<std::size_t>(r.day)].date;
    const auto week = geo::parse_iso_week(r.week, state.district.metadata.timezone);
    const geo::Track* in_week = nullptr;
    const geo::Track* any = nullptr;
    for (const geo::Track& t : state.district.tracks) {
        if (t.officer_id != officer || t.points.empty()) continue;
        if (!day.empty() && local_day(state, t) == day) return t.id;
        if (!in_week && week && week->contains(t.points.front().time)) in_week = &t;
        if (!any) any = &t;
    }
    return in_week ? in_week->id : any ? any->id : "";
}

void draw_picker(AppState& state) {
    TrackReplay& replay = state.replay;
    const auto& officers = state.district.officers;
    const std::string officer = officers.empty() ? "" : officers[static_cast<std::size_t>(std::clamp(state.routes.officer, 0, static_cast<int>(officers.size()) - 1))].id;
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::BeginCombo("##track", replay.track_id.empty() ? tr("(no track)") : replay.track_id.c_str())) return;
    if (ImGui::Selectable(tr("(no track)"), replay.track_id.empty())) show_track(state, "");
    for (const geo::Track& t : state.district.tracks)
        if (t.officer_id == officer && !t.points.empty() && ImGui::Selectable(t.id.c_str(), t.id == replay.track_id)) show_track(state, t.id);
    ImGui::EndCombo();
}

void draw_time_slider(AppState& state, const geo::Track& track) {
    TrackReplay& replay = state.replay;
    const double first = geo::seconds_of(track.points.front().time), last = geo::seconds_of(track.points.back().time);
    int offset_s = static_cast<int>(replay.time_s - first);
    const std::string label = local_clock(state, replay.time_s);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##track_time", &offset_s, 0, static_cast<int>(last - first), label.c_str())) replay.time_s = first + offset_s;
    if (ImGui::Button(replay.playing ? tr("Pause") : tr("Play"))) {
        if (!replay.playing && replay.time_s >= last) replay.time_s = first;  // from the start again
        replay.playing = !replay.playing;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    const int speeds[] = {1, 5, 15, 60};
    const std::string current = fmt::format(fmt::runtime(tr("{} min/s")), replay.minutes_per_second);
    if (ImGui::BeginCombo("##speed", current.c_str())) {
        for (int s : speeds)
            if (ImGui::Selectable(fmt::format(fmt::runtime(tr("{} min/s")), s).c_str(), s == replay.minutes_per_second)) replay.minutes_per_second = s;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s–%s", local_clock(state, first, "%H:%M").c_str(), local_clock(state, last, "%H:%M").c_str());
}

void draw_counts(const geo::TrackReview& r) {
    const auto at_building = std::count_if(r.dwells.begin(), r.dwells.end(), [](const geo::ReviewedDwell& d) { return !d.building_id.empty(); });
    ImGui::TextUnformatted(fmt::format(fmt::runtime(tr("{} fixes, {} off every road")), r.fixes, r.match.unmatched).c_str());
    ImGui::TextUnformatted(fmt::format(fmt::runtime(tr("{:.2f} km along the streets, {} stretches")), r.matched_m / 1000, r.match.chains.size()).c_str());
    ImGui::TextUnformatted(fmt::format(fmt::runtime(tr("{} dwells, {} at a building")), r.dwells.size(), at_building).c_str());
    if (r.planned_stops.empty()) {
        ImGui::TextDisabled("%s", tr("No plan issued for this day"));
        return;
    }
    ImGui::TextUnformatted(fmt::format(fmt::runtime(tr("Planned stops ({}): {} visited, {} not visited")), r.planned_stops.size(),
                                       r.stops_visited(), r.stops_not_visited()).c_str());
}

// The dwells, in time order: a click moves the replay there and the map to it.
void draw_dwells(AppState& state, const geo::TrackReview& r) {
    if (r.dwells.empty() || !ImGui::TreeNodeEx(tr("Dwells"), ImGuiTreeNodeFlags_None)) return;
    if (ImGui::BeginTable("dwells", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(tr("Time"));
        ImGui::TableSetupColumn(tr("min"));
        ImGui::TableSetupColumn(tr("Building"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        for (std::size_t k = 0; k < r.dwells.size(); ++k) {
            const geo::ReviewedDwell& d = r.dwells[k];
            ImGui::PushID(static_cast<int>(k));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string when = local_clock(state, geo::seconds_of(d.dwell.start), "%H:%M") + "–" + local_clock(state, geo::seconds_of(d.dwell.end), "%H:%M");
            if (ImGui::Selectable(when.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
                state.replay.time_s = geo::seconds_of(d.dwell.start);
                state.replay.playing = false;
                state.camera.set(d.dwell.centre, std::max(state.camera.pixels_per_metre(), 1.0));
            }
            ImGui::TableNextColumn();
            ImGui::Text("%.0f", d.dwell.seconds() / 60);
            ImGui::TableNextColumn();
            if (d.building_id.empty()) ImGui::TextDisabled("%s", tr("near no building"));
            else ImGui::Text("%s%s", d.address.empty() ? d.building_id.c_str() : d.address.c_str(), d.planned ? "" : tr(" (off plan)"));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::TreePop();
}

void draw_not_visited(const geo::TrackReview& r) {
    if (r.stops_not_visited() == 0 || !ImGui::TreeNodeEx(tr("Planned stops not visited"), ImGuiTreeNodeFlags_None)) return;
    for (const geo::ReviewedStop& s : r.planned_stops)
        if (!s.visited)
            ImGui::BulletText("%d  %s", s.stop.visit.order, s.stop.address.empty() ? s.stop.visit.building_id.c_str() : s.stop.address.c_str());
    ImGui::TreePop();
}

}  // namespace

const geo::Track* replayed_track(const AppState& state) {
    if (state.replay.track_id.empty()) return nullptr;
    for (const geo::Track& t : state.district.tracks)
        if (t.id == state.replay.track_id) return &t;
    return nullptr;
}

std::string local_clock(const AppState& state, double time_s, const char* format) {
    return geo::format_local(timestamp_of(time_s), state.district.metadata.timezone, format);
}

namespace {

// The review of the track replayed, made again when the track or the data changed.
void refresh_track_review(AppState& state) {
    TrackReplay& replay = state.replay;
    if (replay.review && replay.review_data_version == state.data_version && replay.review->track_id == replay.track_id) return;
    if (replay.track_id.empty()) {
        replay.review.reset();
        return;
    }
    if (!replay.error.empty() && replay.review_data_version == state.data_version) return;  // failed for this data: not every frame
    replay.review.reset();
    replay.error.clear();
    replay.review_data_version = state.data_version;
    const geo::Track* track = replayed_track(state);
    if (!track || track->points.empty()) {
        replay.error = fmt::format(fmt::runtime(tr("No track {} in the workspace")), replay.track_id);
        return;
    }
    try {
        replay.review = geo::review_track(state.district, *ensure_road_graph(state), *track);
    } catch (const std::exception& e) {
        replay.error = e.what();
    }
}

}  // namespace

void update_track_replay(AppState& state) {
    refresh_track_review(state);
    TrackReplay& replay = state.replay;
    const geo::Track* track = replayed_track(state);
    if (!track || !replay.review) {
        replay.playing = false;
        return;
    }
    const double first = geo::seconds_of(track->points.front().time), last = geo::seconds_of(track->points.back().time);
    if (replay.playing) {
        replay.time_s += ImGui::GetIO().DeltaTime * replay.minutes_per_second * 60.0;
        if (replay.time_s >= last) replay.playing = false;  // stops at the last fix
    }
    replay.time_s = std::clamp(replay.time_s, first, last);
}

void show_track(AppState& state, const std::string& track_id) {
    TrackReplay& replay = state.replay;
    replay.chosen = true;
    replay.playing = false;
    replay.track_id.clear();
    replay.review.reset();
    replay.error.clear();
    if (track_id.empty()) return;
    const auto& tracks = state.district.tracks;
    const auto it = std::find_if(tracks.begin(), tracks.end(), [&](const geo::Track& t) { return t.id == track_id && !t.points.empty(); });
    if (it == tracks.end()) throw geo::BadInput("no track '" + track_id + "' in the workspace");
    replay.track_id = track_id;
    replay.time_s = geo::seconds_of(it->points.front().time);
    refresh_track_review(state);
    // The Routes tab follows: the track's officer and week.
    const auto& officers = state.district.officers;
    const auto officer = std::find_if(officers.begin(), officers.end(), [&](const geo::Officer& o) { return o.id == it->officer_id; });
    if (officer != officers.end()) state.routes.officer = static_cast<int>(officer - officers.begin());
    if (replay.review) std::snprintf(state.routes.week, sizeof state.routes.week, "%s", replay.review->week.c_str());
}

void set_track_time(AppState& state, const std::string& local_clock_text) {
    const geo::Track* track = replayed_track(state);
    if (!track || !state.replay.review) throw geo::BadInput("track_time=" + local_clock_text + ": no track is replayed (track=ID first)");
    const auto t = geo::parse_iso8601(state.replay.review->date + "T" + local_clock_text, state.district.metadata.timezone);
    if (!t || (local_clock_text.size() != 5 && local_clock_text.size() != 8))
        throw geo::BadInput("track_time=" + local_clock_text + ": expected a local time HH:MM or HH:MM:SS");
    if (*t < track->points.front().time || *t > track->points.back().time)
        throw geo::BadInput("track_time=" + local_clock_text + ": track " + track->id + " runs from " + local_clock(state, geo::seconds_of(track->points.front().time)) +
                            " to " + local_clock(state, geo::seconds_of(track->points.back().time)));
    state.replay.time_s = geo::seconds_of(*t);
}

void draw_track_replay(AppState& state) {
    TrackReplay& replay = state.replay;
    if (replay.open_section) ImGui::SetNextItemOpen(true);
    replay.open_section = false;
    if (!ImGui::CollapsingHeader(tr("Patrol track replay"))) return;
    if (state.district.tracks.empty()) {
        ImGui::TextDisabled("%s", tr("No patrol tracks in this workspace (patrolmap tracks --import)"));
        return;
    }
    if (!replay.chosen) show_track(state, default_track(state));
    draw_picker(state);
    refresh_track_review(state);
    if (!replay.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", replay.error.c_str());
    const geo::Track* track = replayed_track(state);
    if (!track || !replay.review) return;
    draw_time_slider(state, *track);
    draw_counts(*replay.review);
    // The track was walked from the issued plan: the tab's own plan, if it differs, would mislead.
    if (state.routes.plan) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", fmt::format(fmt::runtime(tr("While a track is replayed the map shows the plan issued for {}, not the plan above")),
                                             replay.review->date).c_str());
        ImGui::PopStyleColor();
    }
    if (ImGui::Button(tr("Zoom to the track"))) {
        geo::Envelope extent;
        for (const auto& p : track->points) extent.expand(p.at);
        for (const auto& p : replay.review->planned_path) extent.expand(p);
        if (!extent.empty()) state.camera.fit(extent.grown(std::max(extent.width(), extent.height()) * 0.05), 24);
    }
    draw_dwells(state, *replay.review);
    draw_not_visited(*replay.review);
}

}  // namespace gui
