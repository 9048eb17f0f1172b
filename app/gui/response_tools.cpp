#include "app/gui/response_tools.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "app/gui/i18n.h"
#include "geo/util/error.h"

namespace gui {
namespace {

const ImU32 kPlaceColour = IM_COL32(200, 20, 30, 255);   // the place asked about: a red target
const ImU32 kWithinRing = IM_COL32(0, 120, 200, 255);    // the within ring and its hits: blue
const ImU32 kWalked = IM_COL32(70, 70, 70, 200);         // from a post or a door to its road

ImVec2 screen(const AppState& state, ImVec2 o, geo::XY p) {
    const map::ScreenPoint s = state.camera.to_screen(p);
    return ImVec2(o.x + static_cast<float>(s.x), o.y + static_cast<float>(s.y));
}

void dashed(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float width) {
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    const int dashes = std::max(1, static_cast<int>(length / 8));
    for (int k = 0; k < dashes; k += 2) {
        const float t0 = static_cast<float>(k) / dashes, t1 = std::min(1.0f, static_cast<float>(k + 1) / dashes);
        dl->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0), ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1),
                    colour, width);
    }
}

}  // namespace

ImU32 route_colour(std::size_t rank) {
    switch (rank) {
        case 0: return IM_COL32(240, 80, 0, 255);     // the fastest: bright orange, drawn thick on top
        case 1: return IM_COL32(110, 70, 170, 230);   // second: purple
        default: return IM_COL32(60, 110, 150, 230);  // third: steel blue
    }
}

const std::shared_ptr<const geo::RoadGraph>& ensure_road_graph(AppState& state) {
    ResponseTools& r = state.response;
    if (!r.graph || r.graph_data_version != state.data_version) {
        r.graph = std::make_shared<const geo::RoadGraph>(geo::build_road_graph(state.district.roads));
        r.graph_data_version = state.data_version;
    }
    return r.graph;
}

void ask_who_can_get_here(AppState& state, geo::XY place, std::string label, geo::Profile profile, bool wait) {
    RespondQuery& q = state.response.respond;
    q.active = true;
    q.place = place;
    q.label = std::move(label);
    q.profile = profile;
    q.ranked.clear();
    q.error.clear();
    const auto graph = ensure_road_graph(state);
    // A copy of the district: edits and reloads may go on while the worker runs.
    auto district = std::make_shared<const geo::District>(state.district);
    q.job = std::make_shared<std::future<std::vector<geo::OfficerResponse>>>(
        std::async(wait ? std::launch::deferred : std::launch::async,
                   [district, graph, profile, place] { return geo::rank_responders(*district, *graph, profile, place); }));
    if (wait) poll_who_can_get_here(state);
}

void poll_who_can_get_here(AppState& state) {
    RespondQuery& q = state.response.respond;
    if (!q.job) return;
    if (q.job->wait_for(std::chrono::seconds(0)) == std::future_status::timeout) return;  // deferred: ready to run now
    try {
        q.ranked = q.job->get();
    } catch (const std::exception& e) {
        q.error = e.what();
    }
    q.job.reset();
}

void clear_who_can_get_here(AppState& state) { state.response.respond = RespondQuery{}; }

void isochrones_from(AppState& state, geo::XY place, std::string label) {
    IsochroneSettings& iso = state.response.isochrones;
    iso.origin = place;
    iso.origin_label = std::move(label);
    ++iso.version;
    state.view.style(MapLayer::isochrones).visible = true;
}

std::optional<geo::XY> selection_location(const AppState& state) {
    if (!state.selection) return std::nullopt;
    const geo::District& d = state.district;
    const Selection& s = *state.selection;
    if (s.kind == geo::LayerKind::incidents && s.index < d.incidents.size()) return d.incidents[s.index].location;
    if (s.kind == geo::LayerKind::sites && s.index < d.sites.size()) return d.sites[s.index].location;
    if (s.kind == geo::LayerKind::posters && s.index < d.posters.size()) return d.posters[s.index].location;
    return std::nullopt;
}

void update_within(AppState& state) {
    WithinQuery& w = state.response.within;
    const std::optional<geo::XY> at = selection_location(state);
    if (!w.shown || !at) return;
    const WithinQuery::Key key{state.selection->kind, state.selection->index, w.radius_m, w.along_streets, state.data_version};
    if (w.computed_for == key) return;
    w.computed_for = key;
    w.hits.clear();
    w.error.clear();
    try {
        geo::WithinOptions o;
        o.radius_m = w.radius_m;
        if (w.along_streets) o.network = ensure_road_graph(state).get();
        w.hits = geo::within(state.district, *at, o);
        // The selected feature itself is not "near" itself.
        std::erase_if(w.hits, [&](const geo::WithinHit& h) { return h.layer == key.kind && h.index == key.index; });
    } catch (const std::exception& e) {
        w.error = e.what();
    }
}

void draw_response_overlays(ImDrawList* dl, const AppState& state, ImVec2 o) {
    // Within R m: the ring (straight only: along the streets the reach is no circle) and the hits.
    const WithinQuery& w = state.response.within;
    if (w.shown && w.computed_for)
        if (const auto at = selection_location(state)) {
            const ImVec2 c = screen(state, o, *at);
            if (!w.along_streets) {
                const float r = static_cast<float>(w.radius_m * state.camera.pixels_per_metre());
                dl->AddCircleFilled(c, r, IM_COL32(0, 120, 200, 28), 64);
                dl->AddCircle(c, r, kWithinRing, 64, 2.0f);
            }
            for (const auto& hit : w.hits) dl->AddCircle(screen(state, o, hit.location), 6, kWithinRing, 12, 2.0f);
        }

    // The isochrones' origin: a hollow ring, so the band under it stays visible.
    if (state.view.style(MapLayer::isochrones).visible && state.response.isochrones.origin) {
        const ImVec2 c = screen(state, o, *state.response.isochrones.origin);
        dl->AddCircle(c, 8, IM_COL32(255, 255, 255, 255), 20, 4.0f);
        dl->AddCircle(c, 8, IM_COL32(8, 48, 107, 255), 20, 2.0f);
    }

    // Who can get here: the top three routes, the slowest first so the fastest lies on top.
    const RespondQuery& q = state.response.respond;
    if (!q.active) return;
    const std::size_t drawn = std::min(RespondQuery::kRoutesDrawn, q.ranked.size());
    for (std::size_t k = drawn; k-- > 0;) {
        const geo::OfficerResponse& r = q.ranked[k];
        if (!r.reachable || r.route.size() < 2) continue;
        std::vector<ImVec2> line;
        for (const auto& p : r.route) line.push_back(screen(state, o, p));
        // The walked ends: from the post to its road, from the road to the place.
        dashed(dl, screen(state, o, r.start), line.front(), kWalked, 1.5f);
        dashed(dl, line.back(), screen(state, o, q.place), kWalked, 1.5f);
        if (k == 0) dl->AddPolyline(line.data(), static_cast<int>(line.size()), IM_COL32(255, 255, 255, 255), 0, 10);
        dl->AddPolyline(line.data(), static_cast<int>(line.size()), route_colour(k), 0, k == 0 ? 6.0f : 3.5f);
    }
    // Where each drawn officer starts: a numbered square (officers at one post share one).
    for (std::size_t k = drawn; k-- > 0;) {
        const ImVec2 c = screen(state, o, q.ranked[k].start);
        dl->AddRectFilled(ImVec2(c.x - 8, c.y - 8), ImVec2(c.x + 8, c.y + 8), route_colour(k), 2);
        const std::string n = std::to_string(k + 1);
        const ImVec2 t = ImGui::CalcTextSize(n.c_str());
        dl->AddText(ImVec2(c.x - t.x / 2, c.y - t.y / 2), IM_COL32(255, 255, 255, 255), n.c_str());
    }
    // The place: a red target.
    const ImVec2 p = screen(state, o, q.place);
    dl->AddCircleFilled(p, 10, IM_COL32(255, 255, 255, 230), 24);
    dl->AddCircle(p, 10, kPlaceColour, 24, 3);
    dl->AddCircleFilled(p, 4, kPlaceColour, 12);
}

void draw_respond_panel(AppState& state, ImVec2 map_min, ImVec2 map_max) {
    RespondQuery& q = state.response.respond;
    if (!q.active) return;
    // The map corner whose quarter holds the least of the routes and the place, so the list
    // never hides what it describes; top corners first (the scale bar and coordinates sit below).
    std::array<int, 4> weight{};  // top left, top right, bottom left, bottom right
    const ImVec2 mid((map_min.x + map_max.x) / 2, (map_min.y + map_max.y) / 2);
    const auto count = [&](geo::XY p, int w) {
        const ImVec2 s = screen(state, map_min, p);
        weight[(s.y > mid.y ? 2 : 0) + (s.x > mid.x ? 1 : 0)] += w;
    };
    count(q.place, 10);
    for (std::size_t k = 0; k < std::min(RespondQuery::kRoutesDrawn, q.ranked.size()); ++k)
        for (const auto& p : q.ranked[k].route) count(p, 1);
    const int corner = static_cast<int>(std::min_element(weight.begin(), weight.end()) - weight.begin());
    const bool right = corner % 2 == 1, bottom = corner >= 2;
    ImGui::SetNextWindowPos(ImVec2(right ? map_max.x - 50 : map_min.x + 10, bottom ? map_max.y - 40 : map_min.y + 10), ImGuiCond_Always,
                            ImVec2(right ? 1.0f : 0.0f, bottom ? 1.0f : 0.0f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    bool open = true;
    const std::string title = std::string(tr("Who can get here")) + "###respond";
    if (ImGui::Begin(title.c_str(), &open,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
        ImGui::TextUnformatted(q.label.c_str());
        int profile = q.profile == geo::Profile::driving ? 0 : 1;
        bool changed = ImGui::RadioButton(tr("driving"), &profile, 0);
        ImGui::SameLine();
        changed |= ImGui::RadioButton(tr("walking"), &profile, 1);
        if (changed) ask_who_can_get_here(state, q.place, q.label, profile == 0 ? geo::Profile::driving : geo::Profile::walking);
        if (q.job) {
            ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(240, 0), tr("computing…"));
        } else if (!q.error.empty()) {
            ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", q.error.c_str());
        } else if (q.ranked.empty()) {
            ImGui::TextDisabled("%s", tr("No officer has a post to start from"));
        } else if (ImGui::BeginTable("responders", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn(tr("Responder"));
            ImGui::TableSetupColumn(tr("Starts from"));
            ImGui::TableSetupColumn(tr("min"));
            ImGui::TableSetupColumn(tr("m by road"));
            ImGui::TableHeadersRow();
            constexpr std::size_t kRows = 6;  // the rest are slower still; the CLI lists them all
            for (std::size_t k = 0; k < std::min(kRows, q.ranked.size()); ++k) {
                const geo::OfficerResponse& r = q.ranked[k];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (k < RespondQuery::kRoutesDrawn) {
                    const ImVec2 s = ImGui::GetCursorScreenPos();
                    const float h = ImGui::GetTextLineHeight();
                    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(s.x, s.y + h * 0.4f), ImVec2(s.x + 14, s.y + h * 0.6f + (k == 0 ? 2 : 0)),
                                                              route_colour(k));
                    ImGui::Dummy(ImVec2(16, h));
                    ImGui::SameLine();
                }
                ImGui::Text("%zu. %s (%s)", k + 1, r.officer_name.c_str(), r.officer_id.c_str());
                if (r.responsible) {  // answers for the place's neighbourhood (一小区一民警): first among equals
                    ImGui::SameLine();
                    ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s", tr("(its area)"));
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.start_label.c_str());
                if (!r.reachable) {
                    ImGui::TableNextColumn();
                    ImGui::TextDisabled("%s", tr("no road there"));
                    ImGui::TableNextColumn();
                    continue;
                }
                ImGui::TableNextColumn();
                ImGui::Text("%.1f", r.time_s / 60);
                ImGui::TableNextColumn();
                ImGui::Text("%.0f", r.road_m);
            }
            ImGui::EndTable();
            if (q.ranked.size() > kRows) ImGui::TextDisabled("+%zu %s", q.ranked.size() - kRows, tr("more officers"));
            ImGui::TextDisabled("%s", tr("Dashed: walked to and from the road. Esc closes."));
        }
    }
    ImGui::End();
    const ImGuiIO& io = ImGui::GetIO();
    if (!open || (!io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) clear_who_can_get_here(state);
}

void draw_within_section(AppState& state) {
    if (!selection_location(state)) return;
    WithinQuery& w = state.response.within;
    ImGui::Separator();
    ImGui::Checkbox("##within", &w.shown);
    ImGui::SameLine();
    ImGui::Text("%s %.0f m", tr("Within"), w.radius_m);
    if (!w.shown) return;
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##radius", &w.radius_m, 50, 2000, (std::string(tr("Radius (m)")) + " %.0f").c_str());
    int mode = w.along_streets ? 1 : 0;
    if (ImGui::RadioButton(tr("straight"), &mode, 0)) w.along_streets = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("along the streets"), &mode, 1)) w.along_streets = true;
    update_within(state);
    if (!w.error.empty()) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", w.error.c_str());
        return;
    }
    ImGui::TextDisabled("%zu %s", w.hits.size(), tr("found, nearest first; click to fly there"));
    if (!ImGui::BeginTable("within_hits", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY,
                           ImVec2(0, std::min(320.0f, ImGui::GetTextLineHeightWithSpacing() * (w.hits.size() + 1.5f)))))
        return;
    std::optional<std::size_t> clicked;
    for (std::size_t k = 0; k < w.hits.size(); ++k) {
        const geo::WithinHit& h = w.hits[k];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(k));
        if (ImGui::Selectable(fmt::format("{:.0f} m", h.distance_m).c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) clicked = k;
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(std::string(geo::layer_spec(h.layer).name).c_str()));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((h.label.empty() ? h.id : h.label + " (" + h.id + ")").c_str());
    }
    ImGui::EndTable();
    if (clicked) {
        // Fly there; a case, poster or site becomes the selection (and so the new centre).
        const geo::WithinHit h = w.hits[*clicked];
        state.camera.set(h.location, std::max(state.camera.pixels_per_metre(), 0.5));
        if (h.layer == geo::LayerKind::incidents || h.layer == geo::LayerKind::sites || h.layer == geo::LayerKind::posters)
            state.selection = Selection{h.layer, h.index};
    }
}

}  // namespace gui
