#include "app/gui/school_transport_layer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "app/gui/i18n.h"
#include "app/gui/response_tools.h"
#include "geo/util/error.h"

namespace gui {
namespace {

constexpr float kLargestDiscPx = 18;  // the busiest camera's disc
constexpr float kSmallestDiscPx = 4;  // a camera with one sighting still shows
constexpr float kCheckpointHalfPx = 13;  // the frame around a checkpoint's junction
constexpr float kCheckpointFramePx = 3;

ImU32 im(geo::Rgba8 c, float opacity, int alpha = 255) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(std::lround(alpha * std::clamp(opacity, 0.0f, 1.0f))));
}

std::size_t most_sightings(const geo::VehicleProfiling& p) {
    std::size_t most = 0;
    for (const auto& c : p.cameras) most = std::max(most, c.sightings);
    return most;
}

// The flagged share inside a camera's disc, by area: radius * sqrt(flagged / all).
float inner_radius_px(const geo::CameraSightings& c, float outer) {
    return c.sightings > 0 ? outer * std::sqrt(static_cast<float>(c.flagged_sightings) / static_cast<float>(c.sightings)) : 0.0f;
}

ImVec2 on_screen(const AppState& state, ImVec2 origin, geo::XY p) {
    const map::ScreenPoint s = state.camera.to_screen(p);
    return ImVec2(origin.x + static_cast<float>(s.x), origin.y + static_cast<float>(s.y));
}

const char* reason_label(geo::ProfileReason r) {
    switch (r) {
        case geo::ProfileReason::over_capacity: return tr("over capacity");
        case geo::ProfileReason::school_runs: return tr("on the school run");
        case geo::ProfileReason::non_commercial: return tr("non-commercial");
        case geo::ProfileReason::unlicensed: return tr("no school-transport licence");
    }
    return "";
}

// "over capacity 250%; on the school run; ..." in the current language.
std::string reasons_text(const geo::District& d, const geo::VehicleProfile& p) {
    std::string out;
    for (const geo::ProfileReason r : p.reasons) {
        if (!out.empty()) out += "; ";
        out += reason_label(r);
        if (r == geo::ProfileReason::over_capacity && p.most_aboard)
            out += fmt::format(" {:.0f}%", 100 * *geo::sighting_over_rate(d, p, *p.most_aboard));
    }
    return out;
}

}  // namespace

float camera_disc_radius_px(std::size_t sightings, std::size_t most) {
    if (sightings == 0 || most == 0) return 0;
    // Area in proportion to the sightings, as proportional symbols are read.
    return std::max(kSmallestDiscPx, kLargestDiscPx * std::sqrt(static_cast<float>(sightings) / static_cast<float>(most)));
}

void update_school_transport(AppState& state) {
    SchoolTransportView& v = state.transport;
    if (v.data_version == state.data_version && v.placed_count == v.checkpoints) return;
    if (v.data_version != state.data_version) {
        v.profiling.reset();
        v.profiling_error.clear();
        try {
            if (state.district.vehicles.empty()) throw geo::BadInput(tr("No vehicles in this workspace"));
            v.profiling = geo::profile_vehicles(state.district);
        } catch (const geo::BadInput& e) {
            v.profiling_error = e.what();
        }
    }
    v.placement.reset();
    v.placement_error.clear();
    try {
        geo::CheckpointOptions o;
        o.count = static_cast<std::size_t>(std::max(v.checkpoints, 1));
        v.placement = geo::place_checkpoints(state.district, *ensure_road_graph(state), o);
    } catch (const geo::BadInput& e) {
        v.placement_error = e.what();
    }
    v.data_version = state.data_version;
    v.placed_count = v.checkpoints;
}

void draw_school_transport_overlay(ImDrawList* draw, const AppState& state, ImVec2 origin) {
    if (!state.view.style(MapLayer::school_transport).visible) return;
    const SchoolTransportView& v = state.transport;
    const float opacity = state.view.style(MapLayer::school_transport).opacity;
    using namespace school_transport_colours;
    if (v.profiling) {
        const std::size_t most = most_sightings(*v.profiling);
        // The busiest first, so a small disc next to a big one stays on top.
        std::vector<const geo::CameraSightings*> order;
        for (const auto& c : v.profiling->cameras) order.push_back(&c);
        std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return a->sightings > b->sightings; });
        for (const geo::CameraSightings* c : order) {
            const ImVec2 at = on_screen(state, origin, state.district.sites[c->site].location);
            const float r = camera_disc_radius_px(c->sightings, most);
            draw->AddCircleFilled(at, r + 1.5f, im({255, 255, 255, 255}, opacity), 24);
            draw->AddCircleFilled(at, r, im(sightings, opacity, 215), 24);
            draw->AddCircle(at, r + 1.5f, im({40, 40, 40, 255}, opacity, 200), 24, 1);
            if (c->flagged_sightings > 0) draw->AddCircleFilled(at, inner_radius_px(*c, r), im(flagged, opacity), 24);
        }
    }
    if (v.placement) {
        // A frame around the junction, so the camera disc often standing there shows through,
        // and its rank in a badge on the frame's corner.
        for (std::size_t k = 0; k < v.placement->chosen.size(); ++k) {
            const ImVec2 at = on_screen(state, origin, v.placement->chosen[k].location);
            const float h = kCheckpointHalfPx;
            draw->AddRect(ImVec2(at.x - h, at.y - h), ImVec2(at.x + h, at.y + h), im({255, 255, 255, 255}, opacity), 0, 0, kCheckpointFramePx + 2);
            draw->AddRect(ImVec2(at.x - h, at.y - h), ImVec2(at.x + h, at.y + h), im(checkpoint, opacity), 0, 0, kCheckpointFramePx);
            const std::string label = std::to_string(k + 1);
            const ImVec2 t = ImGui::CalcTextSize(label.c_str());
            const ImVec2 badge(at.x + h, at.y - h);  // the top-right corner
            draw->AddRectFilled(ImVec2(badge.x - t.x / 2 - 3, badge.y - t.y / 2 - 1), ImVec2(badge.x + t.x / 2 + 3, badge.y + t.y / 2 + 1),
                                im(checkpoint, opacity), 2);
            draw->AddText(ImVec2(badge.x - t.x / 2, badge.y - t.y / 2), im({255, 255, 255, 255}, opacity), label.c_str());
        }
    }
}

void draw_school_transport_legend(const AppState& state) {
    const SchoolTransportView& v = state.transport;
    using namespace school_transport_colours;
    ImGui::TextDisabled("%s", tr("School transport"));
    const auto row = [](const char* label, auto paint) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        paint(ImGui::GetWindowDrawList(), ImVec2(p.x + 9, p.y + h / 2));
        ImGui::Dummy(ImVec2(22, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(label);
    };
    if (!v.profiling_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", v.profiling_error.c_str());
    if (v.profiling) {
        const std::size_t most = most_sightings(*v.profiling);
        row(fmt::format("{} ({} {})", tr("Sightings at a camera"), tr("most"), most).c_str(), [&](ImDrawList* dl, ImVec2 c) {
            dl->AddCircleFilled(c, 7, im(sightings, 1, 215), 20);
            dl->AddCircle(c, 7.5f, IM_COL32(40, 40, 40, 200), 20, 1);
        });
        row(fmt::format("{} ({} / {})", tr("Flagged vehicles' share"), v.profiling->flagged(), state.district.vehicles.size()).c_str(),
            [&](ImDrawList* dl, ImVec2 c) {
                dl->AddCircleFilled(c, 7, im(sightings, 1, 215), 20);
                dl->AddCircleFilled(c, 4.5f, im(flagged, 1), 20);
            });
    }
    if (!v.placement_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", v.placement_error.c_str());
    if (v.placement) {
        const auto& s = v.placement->solution;
        row(fmt::format("{} ({:.0f}% {})", tr("Suggested checkpoint"), s.total_weight > 0 ? 100 * s.covered_weight / s.total_weight : 0.0,
                        tr("of school runs by car"))
                .c_str(),
            [&](ImDrawList* dl, ImVec2 c) { dl->AddRect(ImVec2(c.x - 6, c.y - 6), ImVec2(c.x + 6, c.y + 6), im(checkpoint, 1), 0, 0, 2.5f); });
    }
}

void draw_school_transport_settings(AppState& state) {
    SchoolTransportView& v = state.transport;
    ImGui::Separator();
    ImGui::TextUnformatted(tr("School transport"));
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##checkpoints", &v.checkpoints, 1, 10, (std::string(tr("Checkpoints")) + " %d").c_str());
    if (v.placement) {
        const auto& s = v.placement->solution;
        ImGui::TextWrapped(tr("Intercepts %.0f of %.0f pupils' school runs by car (%.1f%%), at most %.0f possible"), s.covered_weight,
                           s.total_weight, s.total_weight > 0 ? 100 * s.covered_weight / s.total_weight : 0.0, s.upper_bound);
    }
    if (!v.profiling) return;
    ImGui::Text(tr("%zu of %zu vehicles flagged"), v.profiling->flagged(), state.district.vehicles.size());
    for (const auto& p : v.profiling->vehicles) {
        if (!p.flagged) continue;
        const geo::Vehicle& vehicle = state.district.vehicles[p.vehicle];
        ImGui::Bullet();
        ImGui::TextWrapped("%s  %d%s  %s", vehicle.plate.c_str(), static_cast<int>(vehicle.seats), tr(" seats"), reasons_text(state.district, p).c_str());
    }
}

nlohmann::json school_transport_report(const AppState& state, float map_x, float map_y) {
    const SchoolTransportView& v = state.transport;
    const ImVec2 origin(map_x, map_y);
    nlohmann::json j;
    j["profiling_error"] = v.profiling_error;
    j["placement_error"] = v.placement_error;
    j["cameras"] = nlohmann::json::array();
    j["flagged"] = nlohmann::json::array();
    if (v.profiling) {
        const std::size_t most = most_sightings(*v.profiling);
        for (const auto& c : v.profiling->cameras) {
            const ImVec2 at = on_screen(state, origin, state.district.sites[c.site].location);
            const float r = camera_disc_radius_px(c.sightings, most);
            j["cameras"].push_back({{"site_id", state.district.sites[c.site].id},
                                    {"sightings", c.sightings},
                                    {"flagged_sightings", c.flagged_sightings},
                                    {"px", {at.x, at.y}},
                                    {"radius_px", r},
                                    {"inner_radius_px", c.flagged_sightings > 0 ? inner_radius_px(c, r) : 0.0f}});
        }
        for (const auto& p : v.profiling->vehicles) {
            if (!p.flagged) continue;
            nlohmann::json reasons = nlohmann::json::array();
            for (const auto r : p.reasons) reasons.push_back(std::string(geo::name_of(r)));
            j["flagged"].push_back({{"vehicle_id", state.district.vehicles[p.vehicle].id}, {"reasons", reasons}});
        }
    }
    j["checkpoints"] = nlohmann::json::array();
    if (v.placement) {
        for (std::size_t k = 0; k < v.placement->chosen.size(); ++k) {
            const geo::Checkpoint& c = v.placement->chosen[k];
            const ImVec2 at = on_screen(state, origin, c.location);
            j["checkpoints"].push_back({{"rank", k + 1},
                                        {"node", c.node},
                                        {"location", {c.location.x, c.location.y}},
                                        {"px", {at.x, at.y}},
                                        {"frame_half_px", kCheckpointHalfPx},
                                        {"pupils", c.pupils},
                                        {"added", c.added}});
        }
        j["covered"] = v.placement->solution.covered_weight;
        j["total"] = v.placement->solution.total_weight;
        j["upper_bound"] = v.placement->solution.upper_bound;
    }
    return j;
}

}  // namespace gui
