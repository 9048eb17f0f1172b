#include "app/gui/track_overlay.h"

#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/gui/i18n.h"
#include "app/gui/track_panel.h"

namespace gui {
namespace {

constexpr float kStopPx = 9;      // a planned stop's dot, its number inside
constexpr float kOfficerPx = 8;   // the officer's marker, a white rim around it

ImU32 dimmed(ImU32 colour, bool ahead) {
    if (!ahead) return colour;
    const auto alpha = static_cast<ImU32>(static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) * kAheadAlpha);
    return (colour & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

}  // namespace

float dwell_ring_px(double seconds) { return 11.0f + 2.2f * static_cast<float>(std::sqrt(std::max(0.0, seconds) / 60)); }

void draw_track_overlay(ImDrawList* draw, const AppState& state, ImVec2 origin) {
    const geo::Track* track = replayed_track(state);
    if (!track || !state.replay.review) return;
    const geo::TrackReview& r = *state.replay.review;
    const double now = state.replay.time_s;
    const map::Camera& cam = state.camera;
    const auto on_screen = [&](geo::XY p) {
        const map::ScreenPoint s = cam.to_screen(p);
        return ImVec2(origin.x + static_cast<float>(s.x), origin.y + static_cast<float>(s.y));
    };
    const auto polyline = [&](const geo::LineString& line, ImU32 colour, float width) {
        if (line.size() < 2) return;
        std::vector<ImVec2> points;
        points.reserve(line.size());
        for (const geo::XY& p : line) points.push_back(on_screen(p));
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, width);
    };

    // The raw fixes: what the phone said, small and faint.
    for (const geo::TrackPoint& p : track->points)
        draw->AddCircleFilled(on_screen(p.at), 1.8f, dimmed(track_colours::fix, geo::seconds_of(p.time) > now), 6);
    // The streets walked: what lies ahead first, the part behind over it.
    const auto wide_path = [&](const geo::LineString& line, ImU32 colour, float width) {
        for (std::size_t k = 0; k + 1 < line.size(); ++k) {
            const ImVec2 a = on_screen(line[k]), b = on_screen(line[k + 1]);
            draw->AddLine(a, b, colour, width);
            draw->AddCircleFilled(b, width / 2, colour, 12);
        }
        if (!line.empty()) draw->AddCircleFilled(on_screen(line.front()), width / 2, colour, 12);
    };
    for (const geo::TimedLine& line : r.timed_lines) wide_path(geo::split_at(line, now).ahead, track_colours::matched_ahead, 8);
    for (const geo::TimedLine& line : r.timed_lines) wide_path(geo::split_at(line, now).behind, track_colours::matched, 8);
    // The issued route over them: where they part, the officer went another way.
    polyline(r.planned_path, track_colours::route, 3);

    std::string tooltip;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool hovered = ImGui::IsWindowHovered();
    const auto under_mouse = [&](ImVec2 c, float radius) {
        return hovered && std::hypot(mouse.x - c.x, mouse.y - c.y) <= radius;
    };
    for (const geo::ReviewedDwell& d : r.dwells) {
        const ImVec2 c = on_screen(d.dwell.centre);
        const float radius = dwell_ring_px(d.dwell.seconds());
        const bool ahead = geo::seconds_of(d.dwell.start) > now;
        const ImU32 colour = dimmed(d.building_id.empty() ? track_colours::dwell_nowhere : track_colours::dwell, ahead);
        draw->AddCircle(c, radius + 1.5f, dimmed(IM_COL32(255, 255, 255, 200), ahead), 32, 2);
        draw->AddCircle(c, radius, colour, 32, 3);
        if (under_mouse(c, radius + 3)) {
            tooltip = fmt::format("{}–{} ({:.0f} min)\n", local_clock(state, geo::seconds_of(d.dwell.start), "%H:%M"),
                                  local_clock(state, geo::seconds_of(d.dwell.end), "%H:%M"), d.dwell.seconds() / 60);
            if (d.building_id.empty()) tooltip += tr("near no building");
            else
                tooltip += fmt::format("{} {}\n{}", d.building_id, d.address,
                                       d.ambiguous ? tr("another building as near") : d.planned ? tr("planned") : tr("off plan"));
        }
    }
    for (const geo::ReviewedStop& s : r.planned_stops) {
        const ImVec2 c = on_screen(s.stop.location);
        // A stop visited later than the moment shown is dimmed with the rest of what lies ahead.
        const bool ahead = s.visited && geo::seconds_of(s.visited_at) > now;
        draw->AddCircleFilled(c, kStopPx + 1.5f, dimmed(IM_COL32(255, 255, 255, 255), ahead), 20);
        draw->AddCircleFilled(c, kStopPx, dimmed(s.visited ? track_colours::visited : track_colours::not_visited, ahead), 20);
        const std::string number = std::to_string(s.stop.visit.order);
        const ImVec2 t = ImGui::CalcTextSize(number.c_str());
        draw->AddText(ImVec2(c.x - t.x / 2, c.y - t.y / 2), dimmed(IM_COL32(255, 255, 255, 255), ahead), number.c_str());
        if (under_mouse(c, kStopPx + 2))
            tooltip = fmt::format("{} {}  {}\n{}", s.stop.visit.order, s.stop.visit.building_id, s.stop.address,
                                  s.visited ? fmt::format(fmt::runtime(tr("visited at {}")), local_clock(state, geo::seconds_of(s.visited_at), "%H:%M"))
                                            : std::string(tr("not visited by this track")));
    }

    // The officer now, and the time beside the marker.
    const geo::ReplayPosition at = geo::replay_position(track->points, r.timed_lines, now);
    const ImVec2 c = on_screen(at.at);
    draw->AddCircleFilled(c, kOfficerPx + 2.5f, IM_COL32(255, 255, 255, 255), 24);
    draw->AddCircleFilled(c, kOfficerPx, track_colours::officer, 24);
    const std::string clock = local_clock(state, now, "%H:%M");
    const ImVec2 size = ImGui::CalcTextSize(clock.c_str());
    const ImVec2 p(c.x + kOfficerPx + 6, c.y - size.y / 2);
    draw->AddRectFilled(ImVec2(p.x - 3, p.y - 1), ImVec2(p.x + size.x + 3, p.y + size.y + 1), IM_COL32(255, 255, 255, 215), 3);
    draw->AddText(p, track_colours::officer, clock.c_str());

    if (!tooltip.empty()) ImGui::SetTooltip("%s", tooltip.c_str());
}

}  // namespace gui
