#include "app/gui/map_view.h"

#include <cmath>

#include <fmt/format.h>
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/lecture_overlay.h"
#include "app/gui/response_tools.h"
#include "app/gui/routes_parts.h"
#include "app/gui/school_transport_layer.h"
#include "app/gui/track_overlay.h"
#include "app/gui/track_panel.h"
#include "geo/edit/poster_edits.h"
#include "geo/planning/visit_log.h"
#include "geo/spatial/point_in_area.h"

namespace gui {
namespace {

constexpr float kPickRadiusPx = 8;

double distance_px(map::ScreenPoint a, map::ScreenPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

// ---- Banner review (issue 6): suggestions on the map --------------------------------------

constexpr float kBannerMarkerPx = 9;                         // numbered marker's radius
const ImU32 kBannerOpen = IM_COL32(200, 60, 160, 255);       // magenta: under review
const ImU32 kBannerAccepted = IM_COL32(30, 140, 60, 255);    // green: accepted (a banner poster)
const ImU32 kBannerRejected = IM_COL32(150, 150, 150, 255);  // grey, no reach drawn
const ImU32 kCoveredRing = IM_COL32(255, 214, 0, 255);       // yellow ring, dark halo: cases covered
const ImU32 kCoveredHalo = IM_COL32(40, 40, 40, 255);
const ImU32 kUnreachedMark = IM_COL32(60, 60, 60, 200);      // thin grey ring: cases no banner reaches

ImU32 banner_colour(BannerReview::Status status) {
    return status == BannerReview::Status::accepted ? kBannerAccepted
           : status == BannerReview::Status::rejected ? kBannerRejected
                                                      : kBannerOpen;
}

// Where suggestion k is drawn: under the cursor while dragged.
geo::XY banner_drawn_at(const AppState& state, std::size_t k) {
    const BannerReview& review = state.banners;
    return review.dragging == static_cast<int>(k) ? review.drag_to : review.location(k, state.district);
}

// Moves suggestion k: an accepted one through the edit history (Ctrl+Z takes it back), an
// open one on the review's undo stack.
void move_banner_suggestion(AppState& state, std::size_t k, geo::XY to) {
    BannerReview& review = state.banners;
    switch (review.status(k, state.district)) {
        case BannerReview::Status::accepted: state.perform(geo::make_move(state.district, review.accepted_ids[k], to)); break;
        case BannerReview::Status::open: review.decide(k, {false, to}); break;
        case BannerReview::Status::rejected: break;
    }
}

// Click a suggestion's marker to select it (its cases ringed), drag it to move it, or click
// where the one the panel's Move button armed should go. Returns whether it took the mouse
// this frame (no pan, pick or edit tool then).
bool handle_banner_review_input(AppState& state, bool hovered, map::ScreenPoint mouse) {
    BannerReview& review = state.banners;
    if (!review.plan) return false;
    const std::size_t n = review.plan->suggested.size();
    if (review.picking >= 0 && static_cast<std::size_t>(review.picking) < n) {
        if (!hovered || !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return false;
        const std::size_t k = static_cast<std::size_t>(review.picking);
        review.picking = -1;
        review.selected = static_cast<int>(k);
        move_banner_suggestion(state, k, state.camera.to_map(mouse));
        return true;
    }
    if (review.dragging < 0 || static_cast<std::size_t>(review.dragging) >= n) {
        review.dragging = -1;
        if (!hovered || !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return false;
        if (state.tool != EditTool::select && state.tool != EditTool::move) return false;
        double best_px = kBannerMarkerPx + 1;
        for (std::size_t k = 0; k < n; ++k) {
            if (review.status(k, state.district) == BannerReview::Status::rejected) continue;
            const double d = distance_px(state.camera.to_screen(review.location(k, state.district)), mouse);
            if (d <= best_px) best_px = d, review.dragging = static_cast<int>(k);
        }
        if (review.dragging < 0) return false;
        review.selected = review.dragging;  // its cases ringed, following the drag
        review.drag_to = review.location(static_cast<std::size_t>(review.dragging), state.district);
        return true;
    }
    // Dragging: the marker follows the mouse from where it stood.
    const std::size_t k = static_cast<std::size_t>(review.dragging);
    const ImVec2 delta = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0);
    const geo::XY from = review.location(k, state.district);
    const double ppm = state.camera.pixels_per_metre();
    review.drag_to = {from.x + delta.x / ppm, from.y - delta.y / ppm};
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        review.dragging = -1;
        if (std::abs(delta.x) + std::abs(delta.y) >= 3) move_banner_suggestion(state, k, review.drag_to);  // else a click
    }
    return true;
}

void draw_banner_review(ImDrawList* dl, const AppState& state, ImVec2 o) {
    const BannerReview& review = state.banners;
    const auto& plan = *review.plan;
    const map::Camera& cam = state.camera;
    auto on_screen = [&](geo::XY p) {
        const map::ScreenPoint s = cam.to_screen(p);
        return ImVec2(o.x + static_cast<float>(s.x), o.y + static_cast<float>(s.y));
    };
    const float r = static_cast<float>(review.plan_radius_m * cam.pixels_per_metre());
    // Reach circles first, so cases and markers stay readable over them.
    for (std::size_t k = 0; k < plan.suggested.size(); ++k) {
        const BannerReview::Status status = review.status(k, state.district);
        if (status == BannerReview::Status::rejected) continue;
        const ImU32 colour = banner_colour(status);
        const ImVec2 c = on_screen(banner_drawn_at(state, k));
        dl->AddCircleFilled(c, r, (colour & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 0x22), 48);
        dl->AddCircle(c, r, colour, 48, review.selected == static_cast<int>(k) ? 3.5f : 2.0f);
    }
    // Cases no banner in place reaches (hanging and accepted ones).
    // A thin ring just outside the case's symbol keeps its colour (type, outcome) readable.
    if (review.show_unreached)
        for (const std::uint32_t i : review.reach_summary(state.district).unreached)
            dl->AddCircle(on_screen(state.district.incidents[i].location), 5.5f, kUnreachedMark, 12, 1.0f);
    // The selected suggestion's cases, from where it stands (or is being dragged) now.
    if (review.selected >= 0 && static_cast<std::size_t>(review.selected) < plan.suggested.size()) {
        const std::size_t k = static_cast<std::size_t>(review.selected);
        geo::CandidateSite site = plan.suggested[k].site;
        site.location = banner_drawn_at(state, k);
        for (const std::uint32_t i : geo::banner_at(review.targets, site, review.plan_radius_m).incidents) {
            const ImVec2 c = on_screen(state.district.incidents[i].location);
            dl->AddCircle(c, 7, kCoveredHalo, 16, 4);
            dl->AddCircle(c, 7, kCoveredRing, 16, 2);
        }
    }
    // Numbered markers on top.
    for (std::size_t k = 0; k < plan.suggested.size(); ++k) {
        const BannerReview::Status status = review.status(k, state.district);
        const ImVec2 c = on_screen(banner_drawn_at(state, k));
        const std::string number = std::to_string(k + 1);
        if (review.selected == static_cast<int>(k)) dl->AddCircleFilled(c, kBannerMarkerPx + 3, IM_COL32(255, 255, 255, 255), 20);
        dl->AddCircleFilled(c, status == BannerReview::Status::rejected ? kBannerMarkerPx - 2 : kBannerMarkerPx, banner_colour(status), 16);
        const ImVec2 t = ImGui::CalcTextSize(number.c_str());
        dl->AddText(ImVec2(c.x - t.x / 2, c.y - t.y / 2), IM_COL32(255, 255, 255, 255), number.c_str());
    }
}

// -------------------------------------------------------------------------------------------

}  // namespace

MapView::MapView() : renderer_(std::make_unique<map::MapRenderer>()) {}

void MapView::fit(AppState& state) {
    geo::Envelope extent;
    for (const auto& n : state.district.neighbourhoods) extent.expand(geo::envelope_of(n.area));
    if (extent.empty())
        for (const auto& i : state.district.incidents) extent.expand(i.location);
    if (extent.empty())
        for (const auto& r : state.district.roads) extent.expand(geo::envelope_of(r.line));
    state.camera.fit(extent, 24);
}

void MapView::draw(AppState& state) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    const bool first = rect_.w == 0;
    rect_ = {pos.x, pos.y, size.x, size.y};
    state.camera.set_viewport(static_cast<int>(size.x), static_cast<int>(size.y));
    if (first) {
        if (state.initial_view) state.camera.fit(*state.initial_view, 24);
        else fit(state);
    }

    if (state.view.style(MapLayer::isochrones).visible) ensure_road_graph(state);
    if (state.view.style(MapLayer::school_transport).visible) update_school_transport(state);
    poll_who_can_get_here(state);
    update_within(state);
    update_track_replay(state);
    scene_.update(state);
    renderer_->render(state.camera, scene_.origin(), scene_.draw_items(state.view, state.camera.pixels_per_metre()), {247, 246, 242, 255});
    // The automatic heat range is the peak density in view, read back once after a change.
    if (state.view.style(MapLayer::heatmap).visible && state.view.heat_auto_range && scene_.heat_auto_max() == 0) {
        float peak = 0;
        for (float v : renderer_->read_densities()) peak = std::max(peak, v);
        scene_.set_heat_auto_max(peak > 0 ? peak : 1e-6f);
    }
    // The texture's first row is the bottom one: flip with the UVs.
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(renderer_->texture())), size,
                 ImVec2(0, 1), ImVec2(1, 0));
    const bool hovered = ImGui::IsItemHovered();
    handle_input(state, hovered);
    draw_overlays(state);
    draw_context_menu(state);
    draw_respond_panel(state, ImVec2(rect_.x, rect_.y), ImVec2(rect_.x + rect_.w, rect_.y + rect_.h));
}

std::string MapView::place_label(const AppState& state, geo::XY at, const std::optional<Selection>& picked) {
    const geo::District& d = state.district;
    if (picked && picked->kind == geo::LayerKind::sites) return d.sites[picked->index].name + " (" + d.sites[picked->index].id + ")";
    if (picked && picked->kind == geo::LayerKind::incidents) return std::string(tr("Incident")) + " " + d.incidents[picked->index].id;
    if (!d.metadata.crs.empty()) {
        if (to_lonlat_crs_ != d.metadata.crs) {
            to_lonlat_ = std::make_unique<geo::Transform>(geo::make_srs(d.metadata.crs), geo::wgs84());
            to_lonlat_crs_ = d.metadata.crs;
        }
        if (auto ll = to_lonlat_->apply(at)) return fmt::format("{:.5f}°E, {:.5f}°N", ll->x, ll->y);
    }
    return fmt::format("x {:.0f}, y {:.0f} m", at.x, at.y);
}

void MapView::draw_context_menu(AppState& state) {
    if (!ImGui::BeginPopup("map_context")) return;
    // A site or a case under the cursor is the place; else the point clicked.
    const geo::XY at = context_pick_ && context_pick_->kind == geo::LayerKind::sites       ? state.district.sites[context_pick_->index].location
                       : context_pick_ && context_pick_->kind == geo::LayerKind::incidents ? state.district.incidents[context_pick_->index].location
                                                                                            : context_at_;
    const std::string label = place_label(state, at, context_pick_);
    ImGui::TextDisabled("%s", label.c_str());
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Who can get here (driving)"))) ask_who_can_get_here(state, at, label, geo::Profile::driving);
    if (ImGui::MenuItem(tr("Who can get here (walking)"))) ask_who_can_get_here(state, at, label, geo::Profile::walking);
    if (ImGui::MenuItem(tr("Isochrones from here"))) isochrones_from(state, at, label);
    if (context_pick_ && ImGui::MenuItem(tr("What is within 300 m"))) {
        state.selection = context_pick_;
        state.response.within.shown = true;
        state.open_tab = "inspector";
    }
    if (state.response.isochrones.origin && ImGui::MenuItem(tr("Isochrones from the police station"))) {
        state.response.isochrones.origin.reset();
        ++state.response.isochrones.version;
    }
    if (state.response.respond.active && ImGui::MenuItem(tr("Clear the routes"), "Esc")) clear_who_can_get_here(state);
    ImGui::EndPopup();
}

void MapView::handle_input(AppState& state, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    const map::ScreenPoint mouse{io.MousePos.x - rect_.x, io.MousePos.y - rect_.y};
    if (hovered && io.MouseWheel != 0) state.camera.zoom_at(mouse, std::pow(1.2, io.MouseWheel));
    if (handle_banner_review_input(state, hovered, mouse)) return;
    if (state.tool != EditTool::select) {
        handle_edit_tools(state, hovered, mouse);
        if (!moving_poster_.empty()) return;
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && state.tool == EditTool::select) {
        dragging_ = true;
        drag_distance_ = 0;
    }
    if (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0))
        state.camera.pan_by_pixels(io.MouseDelta.x, io.MouseDelta.y);
    // A right click that did not pan opens the response menu for the place under the cursor.
    if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Right] < 9) {
        context_at_ = state.camera.to_map(mouse);
        context_pick_ = pick(state, mouse);
        if (context_pick_ && context_pick_->kind != geo::LayerKind::sites && context_pick_->kind != geo::LayerKind::incidents)
            context_pick_.reset();
        ImGui::OpenPopup("map_context");
    }
    if (dragging_ && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)) {
        state.camera.pan_by_pixels(io.MouseDelta.x, io.MouseDelta.y);
        drag_distance_ += std::abs(io.MouseDelta.x) + std::abs(io.MouseDelta.y);
    }
    if (dragging_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (drag_distance_ < 3) state.selection = pick(state, mouse);  // a click, not a drag
        dragging_ = false;
    }
    if (hovered && !io.WantTextInput) {
        const map::ScreenPoint centre{rect_.w / 2.0, rect_.h / 2.0};
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) state.camera.zoom_at(centre, 1.5);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) state.camera.zoom_at(centre, 1 / 1.5);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) state.camera.pan_by_pixels(80, 0);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) state.camera.pan_by_pixels(-80, 0);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) state.camera.pan_by_pixels(0, 80);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) state.camera.pan_by_pixels(0, -80);
        if (ImGui::IsKeyPressed(GLFW_KEY_F)) fit(state);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete)) && state.selection && state.selection->kind == geo::LayerKind::posters &&
            state.selection->index < state.district.posters.size())
            state.perform(geo::make_delete(state.district, state.district.posters[state.selection->index].id));
    }
}

void MapView::handle_edit_tools(AppState& state, bool hovered, map::ScreenPoint mouse) {
    const geo::XY at = state.camera.to_map(mouse);
    if (state.tool == EditTool::move) {
        if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            double best = kPickRadiusPx;
            for (const auto& p : state.district.posters) {
                const double dist = distance_px(state.camera.to_screen(p.location), mouse);
                if (dist <= best) best = dist, moving_poster_ = p.id;
            }
        }
        if (!moving_poster_.empty()) {
            moving_to_ = at;
            if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
                if (ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).x != 0 || ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).y != 0)
                    state.perform(geo::make_move(state.district, moving_poster_, at));
                moving_poster_.clear();
            }
        }
        return;
    }
    if (!hovered || !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
    const geo::PosterKind kind = state.tool == EditTool::add_poster       ? geo::PosterKind::poster
                                 : state.tool == EditTool::add_contact_card ? geo::PosterKind::contact_card
                                                                          : geo::PosterKind::banner;
    geo::Poster poster;
    poster.id = geo::next_poster_id(state.district, kind);
    poster.kind = kind;
    poster.location = at;
    poster.installed = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    // The building it hangs in: the nearest within 50 m.
    double nearest_m = 50;
    for (const auto& b : state.district.buildings) {
        const double dist = std::hypot(b.location.x - at.x, b.location.y - at.y);
        if (dist < nearest_m) nearest_m = dist, poster.building_id = b.id;
    }
    state.perform(geo::AddPoster{poster, std::nullopt});
}

std::optional<Selection> MapView::pick(const AppState& state, map::ScreenPoint p) const {
    const geo::District& d = state.district;
    const map::Camera& cam = state.camera;
    std::optional<Selection> best;
    double best_px = kPickRadiusPx;
    auto consider = [&](geo::LayerKind kind, std::size_t index, geo::XY where) {
        const double dist = distance_px(cam.to_screen(where), p);
        if (dist <= best_px) best_px = dist, best = Selection{kind, index};
    };
    if (state.view.style(MapLayer::incidents).visible)
        for (std::uint32_t i : scene_.visible_incidents()) consider(geo::LayerKind::incidents, i, d.incidents[i].location);
    if (!best && state.view.style(MapLayer::posters).visible)
        for (std::size_t i = 0; i < d.posters.size(); ++i) consider(geo::LayerKind::posters, i, d.posters[i].location);
    if (!best && state.view.style(MapLayer::sites).visible)
        for (std::size_t i = 0; i < d.sites.size(); ++i) consider(geo::LayerKind::sites, i, d.sites[i].location);
    if (best) return best;
    const auto inside = geo::neighbourhood_of_points(d, {cam.to_map(p)});
    if (!inside.empty() && inside[0] >= 0) return Selection{geo::LayerKind::neighbourhoods, static_cast<std::size_t>(inside[0])};
    return std::nullopt;
}

void MapView::draw_overlays(const AppState& state) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const map::Camera& cam = state.camera;
    const ImVec2 o(rect_.x, rect_.y);
    dl->PushClipRect(o, ImVec2(o.x + rect_.w, o.y + rect_.h), true);

    // Neighbourhood labels once the polygons are big enough to hold them.
    if (state.view.show_labels && state.view.style(MapLayer::neighbourhoods).visible)
        for (const auto& n : state.district.neighbourhoods) {
            const geo::Envelope e = geo::envelope_of(n.area);
            if (e.width() * cam.pixels_per_metre() < 60) continue;
            const map::ScreenPoint at = cam.to_screen(geo::centroid(n.area));
            const char* label = current_language() == Language::zh || n.name_en.empty() ? n.name.c_str() : n.name_en.c_str();
            const ImVec2 text = ImGui::CalcTextSize(label);
            ImVec2 p(o.x + static_cast<float>(at.x) - text.x / 2, o.y + static_cast<float>(at.y) - text.y / 2);
            // A lecture venue's dot there (its square, at the centroid): the label goes just below it.
            if (lecture_dot_within(state, o, p, ImVec2(p.x + text.x, p.y + text.y)))
                p.y = o.y + static_cast<float>(at.y) + lecture_dot_radius(state) + 1;
            for (float dx : {-1.f, 1.f})
                for (float dy : {-1.f, 1.f}) dl->AddText(ImVec2(p.x + dx, p.y + dy), IM_COL32(255, 255, 255, 220), label);
            dl->AddText(p, IM_COL32(30, 30, 30, 255), label);
        }

    // Cluster labels.
    if (state.view.style(MapLayer::analysis).visible)
        for (const auto& label : scene_.analysis().labels()) {
            if (label.width_m * cam.pixels_per_metre() < 70) continue;
            const std::string text = fmt::format("{} · {}", label.incidents, tr_value(geo::name_of(label.main_type)));
            const map::ScreenPoint at = cam.to_screen(label.at);
            const ImVec2 size = ImGui::CalcTextSize(text.c_str());
            const ImVec2 p(o.x + static_cast<float>(at.x) - size.x / 2, o.y + static_cast<float>(at.y) - size.y / 2);
            dl->AddRectFilled(ImVec2(p.x - 3, p.y - 1), ImVec2(p.x + size.x + 3, p.y + size.y + 1), IM_COL32(255, 255, 255, 200), 3);
            dl->AddText(p, IM_COL32(80, 20, 90, 255), text.c_str());
        }

    // A patrol track replayed under its day's issued route (issue 13). The track was walked from
    // the issued plan, so the Routes tab's own plan (which may differ) waits until it is closed.
    draw_track_overlay(dl, state, o);

    // The week's routes: each day its own colour, stops numbered on the chosen day.
    if (state.routes.plan && !state.replay.review) {
        static const ImU32 day_colours[] = {IM_COL32(31, 120, 180, 230), IM_COL32(51, 160, 44, 230), IM_COL32(227, 26, 28, 230),
                                            IM_COL32(255, 127, 0, 230), IM_COL32(106, 61, 154, 230), IM_COL32(177, 89, 40, 230),
                                            IM_COL32(90, 90, 90, 230)};
        const auto& days = state.routes.plan->days;
        for (int k = 0; k < static_cast<int>(days.size()); ++k) {
            if (state.routes.day >= 0 && state.routes.day != k) continue;
            const ImU32 colour = day_colours[k % 7];
            std::vector<ImVec2> line;
            for (const auto& p : days[k].path) {
                const map::ScreenPoint s = cam.to_screen(p);
                line.emplace_back(o.x + static_cast<float>(s.x), o.y + static_cast<float>(s.y));
            }
            dl->AddPolyline(line.data(), static_cast<int>(line.size()), colour, 0, 3);
            for (std::size_t n = 0; n < days[k].stops.size(); ++n) {
                const map::ScreenPoint s = cam.to_screen(days[k].stops[n].location);
                const ImVec2 c(o.x + static_cast<float>(s.x), o.y + static_cast<float>(s.y));
                const geo::RouteStop& stop = days[k].stops[n];
                const float radius = state.routes.day >= 0 ? 9.0f : 4.0f;
                // Done: grey with a green ring; locked to its day: a square frame around it.
                const bool done = state.visited.contains(stop.building_id, days[k].date);
                dl->AddCircleFilled(c, radius, done ? IM_COL32(150, 150, 150, 230) : colour, 16);
                if (done) dl->AddCircle(c, radius + 2, IM_COL32(20, 150, 60, 255), 16, 2.5f);
                if (pinned_day(state.routes, stop.building_id) >= 0)
                    dl->AddRect(ImVec2(c.x - radius - 4, c.y - radius - 4), ImVec2(c.x + radius + 4, c.y + radius + 4),
                                IM_COL32(20, 20, 20, 255), 0, 0, 2);
                if (state.routes.day >= 0) {
                    const std::string label = std::to_string(n + 1);
                    const ImVec2 t = ImGui::CalcTextSize(label.c_str());
                    dl->AddText(ImVec2(c.x - t.x / 2, c.y - t.y / 2), IM_COL32(255, 255, 255, 255), label.c_str());
                }
            }
        }
    }

    // The lecture team's venues, coloured by week (issue 12).
    draw_lecture_overlay(dl, state, o);

    // Vehicles on the school run at their cameras and the suggested checkpoints (issue 17).
    draw_school_transport_overlay(dl, state, o);

    // Who can get here, the isochrones' origin, within R m (issue 11).
    draw_response_overlays(dl, state, o);

    // Banner suggestions under review: reach, covered cases of the selected one, numbers.
    if (state.banners.plan) draw_banner_review(dl, state, o);

    // The selection.
    if (state.selection) {
        const auto& d = state.district;
        const auto& sel = *state.selection;
        auto ring_at = [&](geo::XY where) {
            const map::ScreenPoint s = cam.to_screen(where);
            dl->AddCircle(ImVec2(o.x + static_cast<float>(s.x), o.y + static_cast<float>(s.y)), 11, IM_COL32(0, 160, 255, 255), 24, 3);
        };
        if (sel.kind == geo::LayerKind::incidents && sel.index < d.incidents.size()) ring_at(d.incidents[sel.index].location);
        if (sel.kind == geo::LayerKind::posters && sel.index < d.posters.size()) ring_at(d.posters[sel.index].location);
        if (sel.kind == geo::LayerKind::sites && sel.index < d.sites.size()) ring_at(d.sites[sel.index].location);
        if (sel.kind == geo::LayerKind::neighbourhoods && sel.index < d.neighbourhoods.size())
            for (const auto& poly : d.neighbourhoods[sel.index].area) {
                std::vector<ImVec2> points;
                for (const auto& v : poly.outer) {
                    const map::ScreenPoint s = cam.to_screen(v);
                    points.emplace_back(o.x + static_cast<float>(s.x), o.y + static_cast<float>(s.y));
                }
                dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(0, 160, 255, 255), ImDrawFlags_Closed, 3);
            }
    }

    if (!moving_poster_.empty()) {
        const map::ScreenPoint s = cam.to_screen(moving_to_);
        dl->AddCircle(ImVec2(o.x + static_cast<float>(s.x), o.y + static_cast<float>(s.y)), 9, IM_COL32(0, 160, 255, 255), 20, 2);
    }

    // Scale bar, bottom left.
    const map::ScaleBar bar = map::nice_scale_bar(cam.pixels_per_metre(), 160);
    const ImVec2 b0(o.x + 16, o.y + rect_.h - 22);
    const ImVec2 b1(b0.x + static_cast<float>(bar.pixels), b0.y);
    dl->AddRectFilled(ImVec2(b0.x - 6, b0.y - 22), ImVec2(b1.x + 6, b0.y + 8), IM_COL32(255, 255, 255, 200), 3);
    dl->AddLine(b0, b1, IM_COL32(20, 20, 20, 255), 3);
    dl->AddLine(ImVec2(b0.x, b0.y - 5), ImVec2(b0.x, b0.y + 3), IM_COL32(20, 20, 20, 255), 2);
    dl->AddLine(ImVec2(b1.x, b1.y - 5), ImVec2(b1.x, b1.y + 3), IM_COL32(20, 20, 20, 255), 2);
    const std::string bar_text = bar.metres >= 1000 ? fmt::format("{:g} km", bar.metres / 1000) : fmt::format("{:g} m", bar.metres);
    dl->AddText(ImVec2(b0.x, b0.y - 21), IM_COL32(20, 20, 20, 255), bar_text.c_str());

    // North arrow, top right (the projected CRS's grid north).
    const ImVec2 n(o.x + rect_.w - 30, o.y + 14);
    dl->AddTriangleFilled(n, ImVec2(n.x - 9, n.y + 26), ImVec2(n.x, n.y + 19), IM_COL32(20, 20, 20, 255));
    dl->AddTriangleFilled(n, ImVec2(n.x, n.y + 19), ImVec2(n.x + 9, n.y + 26), IM_COL32(120, 120, 120, 255));
    dl->AddText(ImVec2(n.x - 4, n.y + 28), IM_COL32(20, 20, 20, 255), "N");

    // Cursor coordinates, bottom right: metric and lon/lat.
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MousePos.x >= o.x && io.MousePos.y >= o.y && io.MousePos.x < o.x + rect_.w && io.MousePos.y < o.y + rect_.h) {
        const geo::XY m = cam.to_map({io.MousePos.x - o.x, io.MousePos.y - o.y});
        std::string text = fmt::format("x {:.0f}  y {:.0f} m", m.x, m.y);
        if (!state.district.metadata.crs.empty()) {
            if (to_lonlat_crs_ != state.district.metadata.crs) {
                to_lonlat_ = std::make_unique<geo::Transform>(geo::make_srs(state.district.metadata.crs), geo::wgs84());
                to_lonlat_crs_ = state.district.metadata.crs;
            }
            if (auto ll = to_lonlat_->apply(m)) text += fmt::format("   {:.5f}°E  {:.5f}°N", ll->x, ll->y);
        }
        const ImVec2 t = ImGui::CalcTextSize(text.c_str());
        const ImVec2 p(o.x + rect_.w - t.x - 12, o.y + rect_.h - t.y - 8);
        dl->AddRectFilled(ImVec2(p.x - 4, p.y - 2), ImVec2(p.x + t.x + 4, p.y + t.y + 2), IM_COL32(255, 255, 255, 210), 3);
        dl->AddText(p, IM_COL32(20, 20, 20, 255), text.c_str());
    }
    dl->PopClipRect();
}

}  // namespace gui
