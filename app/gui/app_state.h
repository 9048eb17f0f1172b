#pragma once
// The application's state: the open district (the model, from geo/) and a small view state
// (selection, filters, layer styles, camera). ImGui keeps only its own layout state.
#include <array>
#include <future>
#include <memory>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/analysis_overlay.h"
#include "app/map/camera.h"
#include "geo/classify/class_breaks.h"
#include "geo/density/kernels.h"
#include "geo/edit/edit_history.h"
#include "geo/model/district.h"
#include "geo/model/layer_schema.h"
#include "geo/placement/banner_placement.h"
#include "geo/planning/week_plan.h"
#include "geo/query/incident_filter.h"
#include "geo/query/neighbourhood_stats.h"

namespace gui {

// What the map can draw, in default paint order (bottom first).
enum class MapLayer { basemap, neighbourhoods, buildings, roads, heatmap, analysis, officer_areas, posters, sites, incidents };
inline constexpr std::array<MapLayer, 10> kAllMapLayers = {
    MapLayer::basemap, MapLayer::neighbourhoods, MapLayer::buildings, MapLayer::roads, MapLayer::heatmap,
    MapLayer::analysis, MapLayer::officer_areas, MapLayer::posters, MapLayer::sites, MapLayer::incidents};
const char* layer_key(MapLayer layer);    // "neighbourhoods", ... (for --layer-state)
const char* layer_title(MapLayer layer);  // translated, for the layers panel
std::optional<MapLayer> parse_map_layer(std::string_view key);

struct LayerStyle {
    bool visible = true;
    float opacity = 1.0f;
};

enum class IncidentColouring { fraud_type, outcome };

struct Selection {
    geo::LayerKind kind;
    std::size_t index;
};

struct ViewState {
    // Commanders open on the choropleth and the cases; planners switch posters on.
    ViewState() {
        style(MapLayer::posters).visible = false;
        style(MapLayer::heatmap).visible = false;
        style(MapLayer::analysis).visible = false;
    }

    std::array<LayerStyle, kAllMapLayers.size()> styles;
    std::vector<MapLayer> order{kAllMapLayers.begin(), kAllMapLayers.end()};
    geo::ChoroplethField fill_field = geo::ChoroplethField::incidents_per_1000;
    geo::BreakMethod break_method = geo::BreakMethod::quantiles;
    int classes = 5;
    IncidentColouring colouring = IncidentColouring::fraud_type;
    bool size_by_loss = true;
    bool show_labels = true;
    // The live heatmap (kernel density of the filtered incidents, per km²).
    geo::Kernel heat_kernel = geo::Kernel::quartic;
    float heat_bandwidth_m = 300;
    bool heat_weight_by_loss = false;
    bool heat_auto_range = true;
    float heat_max = 0;        // per km², when not automatic
    float heat_opacity = 0.8f;
    AnalysisSettings analysis;

    LayerStyle& style(MapLayer layer) { return styles[static_cast<std::size_t>(layer)]; }
    const LayerStyle& style(MapLayer layer) const { return styles[static_cast<std::size_t>(layer)]; }
};

struct TimeControl {
    geo::TimeStep step = geo::TimeStep::month;
    std::vector<geo::TimeWindow> steps;  // every step the data covers
    int first = 0, last = 0;             // the selected range of steps (inclusive)
    bool all_time = true;
    bool playing = false;
    double seconds_per_step = 0.8;
    double play_clock = 0;
};

// Banner suggestions the planner is reviewing (issue 6): from geo::place_banners over the
// cases the filter shows; accepting one adds a banner through the edit history (undoable).
struct BannerReview {
    int count = 5;
    float radius_m = 300;
    float min_spacing_m = 150;
    std::optional<geo::BannerPlacement> plan;
    std::vector<int> state;  // per suggestion: 0 open, 1 accepted, -1 rejected
    std::string error;
};

// An officer's week being planned (issue 5), on a worker thread.
struct RouteReview {
    int officer = 0;                 // index into district.officers
    char week[16] = "2021-W24";
    int day = -1;                    // shown on the map: -1 all days
    std::shared_ptr<std::future<geo::WeekPlan>> job;
    std::optional<geo::WeekPlan> plan;
    std::string message;
};

// What a click on the map does.
enum class EditTool { select, add_poster, add_contact_card, add_banner, move };

struct AppState {
    std::filesystem::path workspace;
    geo::District district;
    std::vector<std::int32_t> incident_neighbourhood;  // precomputed point-in-area
    std::filesystem::path basemap;                     // an offline raster under the layers
    int basemap_version = 0;
    geo::IncidentFilter filter;                        // every view uses this one
    TimeControl time;
    ViewState view;
    map::Camera camera;
    std::optional<Selection> selection;
    std::optional<geo::Envelope> initial_view;  // what the first frame shows (default: the district)
    geo::EditHistory history;
    EditTool tool = EditTool::select;
    BannerReview banners;
    RouteReview routes;
    std::string status;  // last message for the status bar
    // Bumped whenever something the scene is built from changes.
    int data_version = 0;
    int style_version = 0;
    int filter_version = 0;

    // Performs a poster edit, keeps the crash journal in step, and refreshes the views.
    void perform(geo::PosterEdit edit);
    void undo();
    void redo();
    void save();

    void rebuild_time_steps();  // after loading or changing the step
    void apply_time_range();    // sets filter.window from the time control
};

// Loads a workspace into a fresh state (throws geo::BadInput).
AppState load_state(const std::filesystem::path& workspace);

}  // namespace gui
