// The legend always matches what is drawn: it reads the same classes, colours and filtered
// incidents as the map scene.
#include <algorithm>
#include <cstdint>
#include <map>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/lecture_overlay.h"
#include "app/gui/panels.h"
#include "app/gui/school_transport_layer.h"
#include "app/gui/track_overlay.h"

namespace gui {
namespace {

ImU32 im(geo::Rgba8 c) { return IM_COL32(c.r, c.g, c.b, 255); }

enum class Swatch { box, circle, square, diamond, triangle };

void swatch(Swatch shape, geo::Rgba8 colour, float size = 14) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 c(p.x + 9, p.y + h / 2);
    const float r = size / 2;
    const ImU32 fill = im(colour);
    const ImU32 edge = IM_COL32(colour.r * 35 / 100, colour.g * 35 / 100, colour.b * 35 / 100, 255);
    switch (shape) {
        case Swatch::box:
            dl->AddRectFilled(ImVec2(c.x - 8, c.y - 7), ImVec2(c.x + 8, c.y + 7), fill);
            dl->AddRect(ImVec2(c.x - 8, c.y - 7), ImVec2(c.x + 8, c.y + 7), IM_COL32(90, 90, 90, 255));
            break;
        case Swatch::circle:
            dl->AddCircleFilled(c, r, fill, 20);
            dl->AddCircle(c, r, edge, 20, 1.5f);
            break;
        case Swatch::square:
            dl->AddRectFilled(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f), ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), fill);
            dl->AddRect(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f), ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), edge, 0, 0, 1.5f);
            break;
        case Swatch::diamond:
            dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), fill);
            dl->AddQuad(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), edge, 1.5f);
            break;
        case Swatch::triangle:
            dl->AddTriangleFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y + r * 0.75f), ImVec2(c.x - r, c.y + r * 0.75f), fill);
            dl->AddTriangle(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y + r * 0.75f), ImVec2(c.x - r, c.y + r * 0.75f), edge, 1.5f);
            break;
    }
    ImGui::Dummy(ImVec2(22, h));
    ImGui::SameLine();
}

// A legend row drawn by `paint` into a swatch 22 px wide, centred on `c`, then the label.
template <class Paint> void drawn_row(const char* label, Paint paint) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    paint(ImGui::GetWindowDrawList(), ImVec2(p.x + 9, p.y + h / 2));
    ImGui::Dummy(ImVec2(22, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(label);
}

// The replayed patrol track (track_overlay.h), in its colours and shapes.
void track_legend() {
    ImGui::TextDisabled("%s", tr("Patrol track"));
    using namespace track_colours;
    drawn_row(tr("GPS fixes"), [](ImDrawList* dl, ImVec2 c) {
        for (float dx : {-6.f, 0.f, 6.f}) dl->AddCircleFilled(ImVec2(c.x + dx, c.y + (dx == 0 ? -2.f : 1.f)), 1.8f, fix, 6);
    });
    drawn_row(tr("Streets walked (matched)"), [](ImDrawList* dl, ImVec2 c) { dl->AddLine(ImVec2(c.x - 8, c.y), ImVec2(c.x + 8, c.y), matched, 8); });
    drawn_row(tr("Still ahead (dimmed)"), [](ImDrawList* dl, ImVec2 c) { dl->AddLine(ImVec2(c.x - 8, c.y), ImVec2(c.x + 8, c.y), matched_ahead, 8); });
    drawn_row(tr("Issued route"), [](ImDrawList* dl, ImVec2 c) { dl->AddLine(ImVec2(c.x - 8, c.y), ImVec2(c.x + 8, c.y), route, 3); });
    drawn_row(tr("Dwell (ring grows with minutes)"), [](ImDrawList* dl, ImVec2 c) { dl->AddCircle(c, 7, dwell, 20, 2.5f); });
    drawn_row(tr("Planned stop, visited"), [](ImDrawList* dl, ImVec2 c) { dl->AddCircleFilled(c, 7, visited, 20); });
    drawn_row(tr("Planned stop, not visited"), [](ImDrawList* dl, ImVec2 c) { dl->AddCircleFilled(c, 7, not_visited, 20); });
    drawn_row(tr("The officer at the time shown"), [](ImDrawList* dl, ImVec2 c) {
        dl->AddCircleFilled(c, 7, IM_COL32(255, 255, 255, 255), 20);
        dl->AddCircleFilled(c, 5.5f, officer, 20);
    });
}

std::string number(double v) {
    if (std::abs(v) >= 1000) return fmt::format("{:.0f}", v);
    if (std::abs(v) >= 10) return fmt::format("{:.1f}", v);
    return fmt::format("{:.2f}", v);
}

}  // namespace

void draw_legend_panel(const AppState& state, const MapScene& scene) {
    const ViewState& view = state.view;
    ImGui::TextUnformatted(tr("Legend"));
    // The isochrones lie over the fills: their bands first, where the eye goes.
    if (view.style(MapLayer::isochrones).visible) {
        const IsochroneLayer& iso = scene.isochrones();
        ImGui::TextDisabled("%s (%s)", tr("Isochrones"), iso.profile() == geo::Profile::driving ? tr("driving") : tr("walking"));
        if (!iso.error().empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", iso.error().c_str());
        else if (!iso.from_label().empty()) ImGui::TextWrapped("%s %s", tr("from"), iso.from_label().c_str());
        for (const auto& band : iso.bands()) {
            // The swatch as the band looks on the map where it is alone (over the background).
            const auto over = [&](int c, int bg) { return static_cast<std::uint8_t>((c * band.colour.a + bg * (255 - band.colour.a)) / 255); };
            swatch(Swatch::box, {over(band.colour.r, 247), over(band.colour.g, 246), over(band.colour.b, 242), 255});
            ImGui::Text(tr("≤ %g min"), band.minutes);
            ImGui::SameLine();
            ImGui::TextDisabled("%.1f km²", band.area_m2 / 1e6);
        }
    }
    // The lecture plan's venues (the Lectures tab): drawn over the layers, listed first.
    if (const auto& plan = state.lectures.plan) {
        ImGui::TextDisabled("%s", tr("Lecture venues by week"));
        for (std::size_t w = 0; w < plan->weeks.size(); ++w) {
            if (state.lectures.shown_week >= 0 && static_cast<std::size_t>(state.lectures.shown_week) != w) continue;
            swatch(Swatch::circle, lecture_week_colour(w), 12);
            const auto count = std::count_if(plan->lectures.begin(), plan->lectures.end(),
                                             [&](const geo::PlannedLecture& l) { return l.week == plan->weeks[w]; });
            ImGui::Text("%s  %td", plan->weeks[w].c_str(), count);
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddCircle(ImVec2(p.x + 9, p.y + h / 2), 7, IM_COL32(20, 150, 60, 255), 16, 2.5f);
        ImGui::Dummy(ImVec2(22, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(tr("held"));
    }
    if (state.replay.review) track_legend();
    if (view.style(MapLayer::school_transport).visible) draw_school_transport_legend(state);
    if (view.style(MapLayer::neighbourhoods).visible) {
        ImGui::TextDisabled("%s", tr("Neighbourhood fill"));
        for (const auto& c : scene.choropleth_legend()) {
            swatch(Swatch::box, c.colour);
            ImGui::Text("%s – %s", number(c.low).c_str(), number(c.high).c_str());
        }
        swatch(Swatch::box, scene.no_data_colour());
        ImGui::TextUnformatted(tr("no data"));
    }
    if (view.style(MapLayer::analysis).visible) {
        ImGui::TextDisabled("%s", tr("Hot spots and clusters"));
        if (!scene.analysis().error().empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", scene.analysis().error().c_str());
        for (const auto& entry : scene.analysis().legend()) {
            swatch(Swatch::box, entry.colour);
            ImGui::Text("%s  %zu", tr(entry.label.c_str()), entry.count);
        }
    }
    if (view.style(MapLayer::heatmap).visible) {
        const map::HeatmapStyle& heat = scene.heatmap_style();
        ImGui::TextDisabled("%s", view.heat_weight_by_loss ? tr("Loss (yuan) per km²") : tr("Cases per km²"));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x - 8, h = 12;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (int i = 0; i < 4; ++i) {
            const auto& a = heat.stops[i];
            const auto& b = heat.stops[i + 1];
            dl->AddRectFilledMultiColor(ImVec2(p.x + w * i / 4, p.y), ImVec2(p.x + w * (i + 1) / 4, p.y + h),
                                        IM_COL32(a.r, a.g, a.b, std::max<int>(a.a, 60)), IM_COL32(b.r, b.g, b.b, b.a),
                                        IM_COL32(b.r, b.g, b.b, b.a), IM_COL32(a.r, a.g, a.b, std::max<int>(a.a, 60)));
        }
        ImGui::Dummy(ImVec2(w, h));
        ImGui::Text("%s", number(heat.range_min).c_str());
        ImGui::SameLine(std::max(40.0f, w - ImGui::CalcTextSize(number(heat.range_max).c_str()).x));
        ImGui::Text("%s", number(heat.range_max).c_str());
    }
    if (view.style(MapLayer::incidents).visible) {
        ImGui::TextDisabled("%s (%zu)", tr("Incidents"), scene.visible_incidents().size());
        for (const auto& [name, entry] : scene.incident_classes()) {
            swatch(Swatch::circle, entry.first, 10);
            ImGui::Text("%s  %zu", tr_value(name), entry.second);
        }
        if (view.size_by_loss) {
            ImGui::TextDisabled("%s", tr("Size: loss (yuan)"));
            for (double loss : {0.0, 10'000.0, 100'000.0, 1'000'000.0}) {
                swatch(Swatch::circle, {150, 150, 150, 255}, MapScene::incident_size_px(loss, true));
                ImGui::Text("¥%s", fmt::format("{:.0f}", loss).c_str());
            }
        }
    }
    if (view.style(MapLayer::posters).visible) {
        ImGui::TextDisabled("%s", layer_title(MapLayer::posters));
        swatch(Swatch::square, geo::colour_of(geo::PosterKind::poster), 9);
        ImGui::TextUnformatted(tr("Poster"));
        swatch(Swatch::diamond, geo::colour_of(geo::PosterKind::contact_card), 9);
        ImGui::TextUnformatted(tr("Police contact card"));
        swatch(Swatch::triangle, geo::colour_of(geo::PosterKind::banner), 13);
        ImGui::TextUnformatted(tr("Warning banner"));
    }
    if (view.style(MapLayer::sites).visible) {
        ImGui::TextDisabled("%s", layer_title(MapLayer::sites));
        for (auto kind : {geo::SiteKind::police_station, geo::SiteKind::bank, geo::SiteKind::property_office, geo::SiteKind::school,
                          geo::SiteKind::enterprise, geo::SiteKind::village_committee, geo::SiteKind::community_centre, geo::SiteKind::police_box, geo::SiteKind::camera,
                          geo::SiteKind::other}) {
            swatch(Swatch::circle, geo::colour_of(kind), 10);
            ImGui::TextUnformatted(tr_value(geo::name_of(kind)));
        }
    }
    if (view.style(MapLayer::officer_areas).visible) {
        ImGui::TextDisabled("%s", layer_title(MapLayer::officer_areas));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x + 1, p.y + h / 2), ImVec2(p.x + 17, p.y + h / 2), IM_COL32(40, 70, 160, 255), 3);
        ImGui::Dummy(ImVec2(22, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(tr("One officer's neighbourhoods"));
    }
}

}  // namespace gui
