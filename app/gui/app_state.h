#pragma once
// The application's state: the open district (the model, from geo/) and a small view state
// (selection, filters, layer styles, camera). ImGui keeps only its own layout state.
#include <array>
#include <future>
#include <map>
#include <memory>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/analysis_overlay.h"
#include "app/gui/lecture_state.h"
#include "app/gui/response_state.h"
#include "app/gui/school_transport_state.h"
#include "app/gui/track_replay_state.h"
#include "app/map/camera.h"
#include "geo/classify/class_breaks.h"
#include "geo/density/kernels.h"
#include "geo/edit/edit_history.h"
#include "geo/io/station_access.h"
#include "geo/model/district.h"
#include "geo/model/layer_schema.h"
#include "geo/outreach/lectures_held.h"
#include "geo/placement/banner_placement.h"
#include "geo/placement/site_reach.h"
#include "geo/planning/completion.h"
#include "geo/planning/must_visit.h"
#include "geo/planning/visit_log.h"
#include "geo/planning/week_plan.h"
#include "geo/query/incident_filter.h"
#include "geo/query/neighbourhood_stats.h"
#include "geo/review/breakdowns.h"
#include "geo/review/weekly_figures.h"
#include "geo/summary/district_summary.h"

namespace gui {

// What the map can draw, in default paint order (bottom first).
enum class MapLayer { basemap, neighbourhoods, buildings, roads, heatmap, analysis, isochrones, officer_areas, posters, sites, incidents,
                      school_transport };
inline constexpr std::array<MapLayer, 12> kAllMapLayers = {
    MapLayer::basemap, MapLayer::neighbourhoods, MapLayer::buildings, MapLayer::roads, MapLayer::heatmap,
    MapLayer::analysis, MapLayer::isochrones, MapLayer::officer_areas, MapLayer::posters, MapLayer::sites, MapLayer::incidents,
    MapLayer::school_transport};
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
        style(MapLayer::isochrones).visible = false;
        style(MapLayer::school_transport).visible = false;
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
// cases the filter shows. Every incident index here is into district.incidents.
//
// Two kinds of change, two undo paths:
// - Accepting adds a banner poster through the edit history (Ctrl+Z / Edit menu, journaled).
//   A suggestion counts as accepted while that poster exists, so undoing or redoing the add
//   shows in the panel at once, and an accepted banner moved on the map (Move tool, or dragging
//   its marker: geo::make_move) reaches from where the poster now stands.
// - Rejecting, and moving a suggestion before it is accepted, change only this proposal, not
//   the district: they go on the review's own undo stack (the panel's Undo / Redo), which is
//   dropped with the proposal when the planner asks for new suggestions.
// The share in reach is recomputed every frame from the banners hanging at the plan's date
// (accepted ones included) with geo::banner_at: straight-line reach, the plan's rule.
struct BannerReview {
    // What the planner decided about one suggestion, apart from accepting it.
    struct Decision {
        bool rejected = false;
        std::optional<geo::XY> moved_to;  // workspace CRS (metres); none: where geo placed it
        bool operator==(const Decision&) const = default;
    };
    // One step of the review's undo stack.
    struct DecisionStep {
        std::size_t suggestion = 0;
        Decision before, after;
    };
    enum class Status { open, accepted, rejected };

    int count = 5;
    float radius_m = 300;         // the sliders: used by the next suggestion run
    float min_spacing_m = 150;
    std::optional<geo::BannerPlacement> plan;
    // Street names at a site ("金城路 × 溪坦街"), by location: looked up once, not every frame.
    std::map<std::pair<double, double>, std::string> place_names;
    float plan_radius_m = 300;    // the reach the plan was made with (circles, recomputed reach)
    geo::ReachTargets targets;    // the cases the plan weighs
    std::vector<Decision> decisions;          // per suggestion
    std::vector<std::string> accepted_ids;    // per suggestion: the banner accepting it added, or ""
    std::vector<DecisionStep> undo_steps, redo_steps;
    int selected = -1;            // suggestion whose cases the map rings (-1: none)
    int picking = -1;             // suggestion the next click on the map moves (-1: none)
    int dragging = -1;            // suggestion whose marker is being dragged (-1: none)
    geo::XY drag_to{};            // where the dragged marker is now
    bool show_unreached = false;  // mark the cases no banner reaches (most of them: off at first)
    std::string error;

    // Derived from the district (accepted: its banner poster exists) and the decisions.
    Status status(std::size_t k, const geo::District& district) const;
    // Where suggestion k stands now: the accepted banner's place, else where it was moved, else
    // where geo placed it.
    geo::XY location(std::size_t k, const geo::District& district) const;
    // Suggestion k's cases and weight from where it stands now.
    geo::PlacedBanner reach(std::size_t k, const geo::District& district) const;
    // The banners in reach now: hanging at the plan's date (accepted ones included), each
    // recomputed where it stands.
    std::vector<geo::PlacedBanner> banners_in_place(const geo::District& district) const;
    geo::ReachSummary reach_summary(const geo::District& district) const;

    // The edit that accepts suggestion k: a banner poster where it stands, installed at the
    // plan's date. Remembers its id; the caller performs it (AppState::perform), so Ctrl+Z
    // takes the acceptance back.
    geo::PosterEdit accept(std::size_t k, const geo::District& district);
    // Reject or move suggestion k (pushes an undo step, clears redo); false when nothing changes.
    bool decide(std::size_t k, Decision after);
    bool undo();
    bool redo();
};

// What the planning thread hands back: the week and the priorities it was planned with.
struct PlannedWeek {
    geo::WeekPlan plan;
    std::vector<geo::BuildingPriority> priorities;
    std::optional<geo::VisitFlag> must_visit;  // set: an every-stop plan of the buildings with it
};

// An officer's week being planned (issue 5), on a worker thread.
struct RouteReview {
    int officer = 0;                 // index into district.officers
    char week[16] = "2021-W24";
    int day = -1;                    // shown on the map: -1 all days
    std::shared_ptr<std::future<PlannedWeek>> job;
    std::optional<geo::WeekPlan> plan;
    std::string planned_officer;     // whose week `plan` is, and which week
    std::string planned_week;
    std::vector<geo::BuildingPriority> priorities;  // the plan was made with, per building
    std::vector<geo::PinnedStop> pinned;            // stops the dispatcher locked to a day
    // "Must visit": plan every building of the officer with this flag, in the fewest days (issue
    // 16, as `routes --every`); none: the most priority in the hours. The shown plan's choice is
    // `plan_must_visit`, the combo's may have changed since.
    std::optional<geo::VisitFlag> must_visit;
    std::optional<geo::VisitFlag> plan_must_visit;
    bool show_board = true;          // the progress board of the week
    // The board as last computed, for `board_week` at `board_version` of the visits: the panel
    // draws every frame, the figures change only with a tick, an issue or another week.
    std::vector<geo::OfficerCompletion> board;
    std::string board_week;
    int board_version = -1;
    std::string message;
};

// The Dashboard tab (会商看板, issue 10): the weekly review's figures from geo/review for one
// ISO week under the app's filter. The week is the one holding the end of the time window (the
// last week with cases under "all time"); the picker steps from there, and moving the time
// window brings the dashboard back to it.
struct DashboardView {
    struct Figures {
        std::string week;                  // "2021-W24"
        geo::TimeWindow window;            // that week, Monday 00:00 to Monday 00:00 local
        std::vector<geo::HeadlineRow> rows;  // this week, last 4 weeks, year to date
        std::vector<geo::WeekPoint> series;  // 26 weeks ending with it, with the expected band
        geo::TypeAgeTable type_age;
        std::vector<geo::NeighbourhoodRow> neighbourhoods;  // highest rate per 1,000 first
        std::array<std::int64_t, geo::EnumNames<geo::IncidentSource>::names.size()> sources{};
        std::array<geo::WarningTotals, geo::EnumNames<geo::WarningChannel>::names.size()> channels{};
    };
    int week_offset = 0;                    // the picker: weeks after (+) or before (-) the window's week
    std::optional<geo::TimeWindow> anchor;  // the time window's week the offset counts from
    int breakdown_period = 0;               // the tables under the chart: 0 the week, 1 four weeks, 2 the year
    // The figures as last computed, and for what: the panel draws every frame, geo/review runs
    // only when the week, the filter or the data change.
    std::optional<Figures> figures;
    int figures_filter_version = -1, figures_data_version = -1;
    // The week's lectures held, counted when drawn: a few records, and a tick in the Lectures tab
    // shows at once without a version to keep in step.
    geo::LecturesHeld lectures;
    bool shown = false;                     // the tab was drawn last frame (the side panel widens)
    int click_row = 0;                      // --layer-state dashboard_row=K: row K of the ranking (from 1) clicked when drawn
    // Where the last frame drew the weekly chart and its bars (screen pixels), for --report.
    struct Bar {
        float x0, y0, x1, y1;
    };
    std::array<float, 4> chart_rect{};
    std::vector<Bar> bars;
};

// The Summary tab's figures (geo::summarise under the app's filter), recomputed only when the
// filter or the data change.
struct SummaryView {
    std::optional<geo::DistrictSummary> summary;
    int filter_version = -1, data_version = -1;
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
    TrackReplay replay;      // a patrol track replayed under its planned route (issue 13)
    DashboardView dashboard;
    SummaryView summary;
    ResponseTools response;  // who can get here, isochrones, within R m (issue 11)
    LectureReview lectures;  // the Lectures tab (issue 12)
    SchoolTransportView transport;  // the school transport layer (issue 17)
    CardsPrint cards;        // the inspector's "Print cards"
    std::string status;  // last message for the status bar
    // Who the user is in a city workspace: the stations whose rows they may change (all of them
    // in a GeoPackage or for the city's administrator). Edits of other stations' posters are
    // refused before they are made (the database would refuse the save).
    geo::WriterScope scope;
    std::string open_tab;  // the side tab to bring forward on the next frame ("routes", "banners" ...)
    // Bumped whenever something the scene is built from changes.
    int data_version = 0;
    int style_version = 0;
    int filter_version = 0;

    // Performs a poster edit, keeps the crash journal in step, and refreshes the views. An edit
    // of another station's poster is not made: the status bar says whose it is.
    void perform(geo::PosterEdit edit);
    // Why the user may not make `edit` ("P2 belongs to 西城派出所 (S02) ..."), or nothing.
    std::optional<std::string> refusal(const geo::PosterEdit& edit) const;
    // "江南派出所 (S01)", "city administrator" or "" (a one-station GeoPackage), translated.
    std::string station_text() const;
    void undo();
    void redo();
    void save();
    // Writes the district's issued plans and visits done to the workspace at once (not an edit
    // to undo: a tick is recorded like a saved file). Refused when the workspace changed on
    // disk since it was read; then the lists are put back as they were.
    void save_visits(const std::vector<geo::PlannedVisit>& planned_before, const std::vector<geo::VisitRecord>& visits_before);
    // Visits done as a lookup, and how many times the plans or visits changed since loading:
    // kept in step by save_visits and load_state, the only places they change.
    geo::VisitLookup visited;
    int visits_version = 0;

    // Another program (visits --import, an import, QGIS, a second window) committed to the
    // workspace since it was read: reloads it, the unsaved poster edits kept on top
    // (geo::reload_with_edits), and says so in the status bar. When an edit no longer fits, keeps
    // what it has and says why once (a save would be refused the same way). Cheap when nothing
    // changed (one read of the metadata); the window calls it every few seconds.
    // Returns true when it reloaded.
    bool reload_if_changed();
    std::int64_t reload_refused_at = -1;  // the change whose reload was refused, not retried

    void rebuild_time_steps();  // after loading or changing the step
    void apply_time_range();    // sets filter.window from the time control
};

// Loads a workspace into a fresh state (throws geo::BadInput).
AppState load_state(const std::filesystem::path& workspace);

}  // namespace gui
