#pragma once
// Turns the district and the view state into GPU layers. Triangulation happens once per
// workspace; colours and filtered points are rebuilt only when the style or filter changes.
#include <map>
#include <string>
#include <vector>

#include "app/gui/app_state.h"
#include "app/gui/isochrone_layer.h"
#include "app/map/gpu_layers.h"
#include "app/map/map_renderer.h"
#include "geo/classify/colours.h"
#include "geo/render/triangulate.h"

namespace gui {

struct LegendClass {
    geo::Rgba8 colour;
    double low = 0, high = 0;
};

class MapScene {
public:
    // Where incident symbols crowd, one per cell of this many pixels is drawn (see below).
    static constexpr double kLodCellPx = 6.0;

    // Rebuilds what the state's versions say has changed. Needs a current GL context.
    void update(const AppState& state);
    // Items in paint order for the camera's zoom (which picks the incidents' level of detail).
    std::vector<map::DrawItem> draw_items(const ViewState& view, double pixels_per_metre) const;
    // Symbols drawn for incidents at this zoom (fewer than the incidents when they crowd).
    std::size_t incident_symbols_at(double pixels_per_metre) const;
    geo::XY origin() const { return origin_; }

    const std::vector<LegendClass>& choropleth_legend() const { return legend_; }
    const std::vector<geo::NeighbourhoodStats>& stats() const { return stats_; }
    const std::vector<std::uint32_t>& visible_incidents() const { return visible_incidents_; }
    const AnalysisOverlay& analysis() const { return analysis_; }
    const IsochroneLayer& isochrones() const { return isochrones_; }
    // Visible incidents by the value they are coloured by (stored name -> colour, count).
    const std::map<std::string, std::pair<geo::Rgba8, std::size_t>>& incident_classes() const { return incident_classes_; }
    // The heatmap's colour range (per km²) as drawn, and its ramp.
    const map::HeatmapStyle& heatmap_style() const { return heat_style_; }
    // Sets the automatic range from densities read back after a frame (their maximum).
    void set_heat_auto_max(float max_per_km2) { heat_auto_max_ = max_per_km2; }
    float heat_auto_max() const { return heat_auto_max_; }
    geo::Rgba8 no_data_colour() const { return {220, 220, 220, 255}; }
    // Why the basemap could not be drawn ("" when it is, or when there is none).
    const std::string& basemap_error() const { return basemap_error_; }

    // Incident symbol diameter in pixels for a loss (sized by loss: log scale).
    static float incident_size_px(double loss_yuan, bool size_by_loss);
    const map::PointLayer& incident_layer_for(double pixels_per_metre) const;

private:
    void build_static(const AppState& state);
    void load_basemap(const AppState& state);
    void build_choropleth(const AppState& state);
    void build_points(const AppState& state);
    void build_incident_levels(const std::vector<map::PointSprite>& points);

    geo::XY origin_{};
    std::vector<geo::Triangulation> neighbourhood_triangles_;
    map::FillLayer neighbourhood_fill_, building_fill_;
    map::LineLayer neighbourhood_outline_, officer_outline_, roads_;
    // Incidents at levels of detail: level k keeps, of the symbols whose centres share a
    // grid cell of cell_m metres, only the one painted last (on top). The view draws the
    // coarsest level whose cells are at most kLodCellPx pixels, about one symbol: where symbols
    // crowd, the one on top stands for those it mostly hides, and a million crowded symbols
    // cost what a screenful does. Below 20,000 incidents every one is drawn.
    struct IncidentLevel {
        double cell_m;     // 0 = every incident
        std::size_t layer; // into incident_layers_
    };
    std::vector<map::PointLayer> incident_layers_;
    std::vector<IncidentLevel> incident_levels_;
    map::PointLayer sites_;
    map::RasterLayer basemap_;
    map::HeatPointLayer heat_points_;
    AnalysisOverlay analysis_;
    int analysis_filter_version_ = -1, analysis_style_version_ = -1;
    IsochroneLayer isochrones_;
    int isochrone_version_ = -1;
    const geo::RoadGraph* isochrone_graph_ = nullptr;
    mutable map::HeatmapStyle heat_style_;
    float heat_auto_max_ = 0;
    int basemap_version_ = -1;
    map::PointLayer posters_, contact_cards_, banners_;
    std::vector<LegendClass> legend_;
    std::vector<geo::NeighbourhoodStats> stats_;
    std::vector<std::uint32_t> visible_incidents_;
    std::map<std::string, std::pair<geo::Rgba8, std::size_t>> incident_classes_;
    int data_version_ = -1, style_version_ = -1, filter_version_ = -1;
    std::string basemap_error_;
};

}  // namespace gui
