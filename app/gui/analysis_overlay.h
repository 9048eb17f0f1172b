#pragma once
// The commanders' analyses on the map, computed by geo/ from the incidents the filter shows:
// Gi* hot and cold spots (grid cells or neighbourhoods), DBSCAN clusters with their hulls,
// and emerging hot-spot trend classes. Rebuilt only when the filter or the settings change.
#include <string>
#include <vector>

#include "app/map/gpu_layers.h"
#include "app/map/map_renderer.h"
#include "geo/classify/colours.h"
#include "geo/model/district.h"

namespace gui {

enum class AnalysisMode { none, gi_grid, gi_neighbourhoods, clusters, emerging };

struct AnalysisSettings {
    AnalysisMode mode = AnalysisMode::gi_grid;
    float cell_m = 200;
    float band_m = 600;
    bool fdr = false;
    float eps_m = 150;
    int min_points = 5;
};

struct AnalysisLegendEntry {
    geo::Rgba8 colour;
    std::string label;  // English key, translated by the legend
    std::size_t count = 0;
};

struct AnalysisLabel {
    geo::XY at;
    double width_m = 0;         // of what it labels: shown once that is wide enough on screen
    std::size_t incidents = 0;
    geo::FraudType main_type = geo::FraudType::other;
};

class AnalysisOverlay {
public:
    // `incidents` are the filter's; `origin` the scene's. Throws nothing: problems become error().
    void update(const geo::District& district, const std::vector<std::int32_t>& incident_neighbourhood,
                const std::vector<std::uint32_t>& incidents, const AnalysisSettings& settings, geo::XY origin);
    void add_draw_items(std::vector<map::DrawItem>& items, float opacity) const;
    const std::vector<AnalysisLegendEntry>& legend() const { return legend_; }
    const std::vector<AnalysisLabel>& labels() const { return labels_; }
    const std::string& error() const { return error_; }

private:
    map::FillLayer fill_;
    map::LineLayer outline_;
    std::vector<AnalysisLegendEntry> legend_;
    std::vector<AnalysisLabel> labels_;
    std::string error_;
};

}  // namespace gui
