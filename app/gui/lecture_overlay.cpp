#include "app/gui/lecture_overlay.h"

#include <array>
#include <string>

#include "app/gui/lectures_panel.h"

namespace gui {

geo::Rgba8 lecture_week_colour(std::size_t week) {
    static constexpr std::array<geo::Rgba8, 8> okabe_ito = {{{0, 114, 178, 255},   // blue
                                                             {213, 94, 0, 255},    // vermillion
                                                             {0, 158, 115, 255},   // bluish green
                                                             {204, 121, 167, 255}, // reddish purple
                                                             {230, 159, 0, 255},   // orange
                                                             {86, 180, 233, 255},  // sky blue
                                                             {60, 60, 60, 255},    // black, softened
                                                             {240, 228, 66, 255}}};  // yellow
    return okabe_ito[week % okabe_ito.size()];
}

namespace {

// The dots' radius without the halo: bigger with the team's number in it when one week is shown.
float dot_radius(const LectureReview& r) { return r.shown_week >= 0 ? 9.0f : 6.0f; }
constexpr float kHaloPx = 2;

bool drawn(const LectureReview& r, const geo::PlannedLecture& l) {
    return r.shown_week < 0 || r.plan->weeks[static_cast<std::size_t>(r.shown_week)] == l.week;
}

}  // namespace

float lecture_dot_radius(const AppState& state) { return state.lectures.plan ? dot_radius(state.lectures) + kHaloPx : 0; }

bool lecture_dot_within(const AppState& state, ImVec2 origin, ImVec2 min, ImVec2 max) {
    const LectureReview& r = state.lectures;
    if (!r.plan) return false;
    const float grow = dot_radius(r) + kHaloPx;
    for (const auto& l : r.plan->lectures) {
        if (!drawn(r, l)) continue;
        const map::ScreenPoint s = state.camera.to_screen(r.plan->venues[l.venue].location);
        const float x = origin.x + static_cast<float>(s.x), y = origin.y + static_cast<float>(s.y);
        if (x >= min.x - grow && x <= max.x + grow && y >= min.y - grow && y <= max.y + grow) return true;
    }
    return false;
}

void draw_lecture_overlay(ImDrawList* draw, const AppState& state, ImVec2 origin) {
    const LectureReview& r = state.lectures;
    if (!r.plan) return;
    const geo::LecturePlan& plan = *r.plan;
    const map::Camera& cam = state.camera;
    const auto on_screen = [&](geo::XY p) {
        const map::ScreenPoint s = cam.to_screen(p);
        return ImVec2(origin.x + static_cast<float>(s.x), origin.y + static_cast<float>(s.y));
    };
    // One week shown: bigger dots with the team's number, as the Routes tab numbers one day.
    const bool one_week = r.shown_week >= 0;
    const float radius = dot_radius(r);
    // The last week first: where a venue comes back weeks later, the nearest week's dot (and its
    // held ring) is the one on top.
    for (std::size_t w = plan.weeks.size(); w-- > 0;) {
        if (one_week && static_cast<std::size_t>(r.shown_week) != w) continue;
        const geo::Rgba8 c = lecture_week_colour(w);
        const ImU32 fill = IM_COL32(c.r, c.g, c.b, 255);
        for (std::size_t k = 0; k < plan.lectures.size(); ++k) {
            const geo::PlannedLecture& l = plan.lectures[k];
            if (l.week != plan.weeks[w]) continue;
            const ImVec2 at = on_screen(plan.venues[l.venue].location);
            // A white halo and a dark rim: readable over the fills, the roads and the cases.
            draw->AddCircleFilled(at, radius + kHaloPx, IM_COL32(255, 255, 255, 255), 20);
            draw->AddCircle(at, radius + kHaloPx, IM_COL32(40, 40, 40, 200), 20, 1);
            draw->AddCircleFilled(at, radius, fill, 20);
            if (held_record(state, k)) draw->AddCircle(at, radius + 3, IM_COL32(20, 150, 60, 255), 20, 2.5f);
            if (one_week) {
                const std::string team = std::to_string(l.team);
                const ImVec2 t = ImGui::CalcTextSize(team.c_str());
                draw->AddText(ImVec2(at.x - t.x / 2, at.y - t.y / 2), IM_COL32(255, 255, 255, 255), team.c_str());
            }
        }
    }
    if (r.selected >= 0 && static_cast<std::size_t>(r.selected) < plan.lectures.size()) {
        const ImVec2 at = on_screen(plan.venues[plan.lectures[static_cast<std::size_t>(r.selected)].venue].location);
        draw->AddCircle(at, radius + 6, IM_COL32(0, 160, 255, 255), 24, 3);
    }
}

}  // namespace gui
