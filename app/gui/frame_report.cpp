#include "app/gui/frame_report.h"

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "geo/classify/class_breaks.h"
#include "geo/util/error.h"

namespace gui {
namespace {

nlohmann::json rgb(geo::Rgba8 c) { return {c.r, c.g, c.b}; }

}  // namespace

void write_frame_report(const std::string& path, const AppState& state, const MapView& view) {
    const MapScene& scene = view.scene();
    const MapView::Rect rect = view.last_rect();
    nlohmann::json j;
    j["map_rect"] = {rect.x, rect.y, rect.w, rect.h};
    j["pixels_per_metre"] = state.camera.pixels_per_metre();
    j["centre"] = {state.camera.centre().x, state.camera.centre().y};
    j["viewport"] = {state.camera.width_px(), state.camera.height_px()};
    j["heatmap"] = {{"range_max", scene.heatmap_style().range_max}, {"bandwidth_m", scene.heatmap_style().bandwidth_m},
                    {"kernel", scene.heatmap_style().kernel}};
    j["incidents_drawn"] = state.view.style(MapLayer::incidents).visible ? scene.visible_incidents().size() : 0;
    for (MapLayer layer : kAllMapLayers) j["layers"][layer_key(layer)] = state.view.style(layer).visible;
    j["analysis"] = nlohmann::json::array();
    for (const auto& entry : scene.analysis().legend())
        j["analysis"].push_back({{"label", entry.label}, {"count", entry.count}, {"colour", rgb(entry.colour)}});
    if (state.routes.plan) {
        j["routes"] = nlohmann::json::array();
        for (const auto& day : state.routes.plan->days) {
            nlohmann::json stops = nlohmann::json::array();
            for (const auto& s : day.stops) {
                const map::ScreenPoint p = state.camera.to_screen(s.location);
                stops.push_back({{"building_id", s.building_id}, {"px", {rect.x + p.x, rect.y + p.y}}});
            }
            j["routes"].push_back({{"date", day.date}, {"duration_min", day.duration_min}, {"stops", stops}});
        }
    }
    if (state.banners.plan) {
        j["banners"]["incidents"] = state.banners.plan->incidents;
        j["banners"]["covered_weight"] = state.banners.plan->solution.covered_weight;
        j["banners"]["sites"] = nlohmann::json::array();
        for (const auto& b : state.banners.plan->suggested) {
            const map::ScreenPoint s = state.camera.to_screen(b.site.location);
            j["banners"]["sites"].push_back({{"px", {rect.x + s.x, rect.y + s.y}}, {"incidents", b.incidents.size()}});
        }
    }
    j["legend"] = nlohmann::json::array();
    for (const auto& c : scene.choropleth_legend())
        j["legend"].push_back({{"colour", rgb(c.colour)}, {"low", c.low}, {"high", c.high}});
    j["neighbourhoods"] = nlohmann::json::array();
    std::vector<double> bounds;
    for (const auto& c : scene.choropleth_legend()) bounds.push_back(c.low);
    if (!scene.choropleth_legend().empty()) bounds.push_back(scene.choropleth_legend().back().high);
    const auto values = geo::choropleth_values(scene.stats(), state.view.fill_field);
    for (std::size_t n = 0; n < state.district.neighbourhoods.size(); ++n) {
        const auto& hood = state.district.neighbourhoods[n];
        const geo::XY c = geo::centroid(hood.area);
        const map::ScreenPoint s = state.camera.to_screen(c);
        nlohmann::json entry = {{"id", hood.id}, {"centroid_px", {rect.x + s.x, rect.y + s.y}}};
        if (n < values.size() && !std::isnan(values[n]) && bounds.size() >= 2) {
            entry["value"] = values[n];
            entry["class"] = geo::class_of(values[n], bounds);
        }
        j["neighbourhoods"].push_back(entry);
    }
    std::ofstream out(path);
    out << j.dump(1) << '\n';
    if (!out) throw geo::IoError("cannot write " + path);
}

}  // namespace gui
