#include "app/gui/analysis_overlay.h"

#include <algorithm>
#include <array>


#include "geo/change/emerging.h"
#include "geo/classify/colours.h"
#include "geo/hotspots/hotspot_analysis.h"
#include "geo/hotspots/incident_clusters.h"
#include "geo/hotspots/study_area.h"
#include "geo/render/triangulate.h"

namespace gui {
namespace {

map::Colour8 c8(geo::Rgba8 c, std::uint8_t alpha) { return {c.r, c.g, c.b, alpha}; }

void add_polygon(const geo::MultiPolygon& area, geo::XY origin, map::Colour8 fill, std::vector<map::FillVertex>& out) {
    const geo::Triangulation t = geo::triangulate(area);
    for (std::uint32_t index : t.indices)
        out.push_back({static_cast<float>(t.vertices[index].x - origin.x), static_cast<float>(t.vertices[index].y - origin.y), fill});
}

void add_outline(const geo::MultiPolygon& area, geo::XY origin, map::Colour8 colour, float width, std::vector<map::LineSegment>& out) {
    for (const auto& poly : area)
        for (std::size_t i = 0; i + 1 < poly.outer.size(); ++i)
            out.push_back({static_cast<float>(poly.outer[i].x - origin.x), static_cast<float>(poly.outer[i].y - origin.y),
                           static_cast<float>(poly.outer[i + 1].x - origin.x), static_cast<float>(poly.outer[i + 1].y - origin.y),
                           colour, width});
}

geo::Rgba8 bin_colour(int bin) { return geo::gi_bin_colour(bin); }

const char* bin_label(int bin) {
    switch (bin) {
        case 3: return "Hot spot, 99% confidence";
        case 2: return "Hot spot, 95% confidence";
        case 1: return "Hot spot, 90% confidence";
        case -1: return "Cold spot, 90% confidence";
        case -2: return "Cold spot, 95% confidence";
        case -3: return "Cold spot, 99% confidence";
        default: return "";
    }
}

geo::Rgba8 trend_colour(geo::TrendClass c) {
    switch (c) {
        case geo::TrendClass::new_spot: return {102, 194, 165, 255};
        case geo::TrendClass::intensifying: return {215, 48, 39, 255};
        case geo::TrendClass::persistent: return {244, 109, 67, 255};
        case geo::TrendClass::diminishing: return {116, 173, 209, 255};
        case geo::TrendClass::sporadic: return {254, 224, 144, 255};
        default: return {0, 0, 0, 0};
    }
}

void add_bins_legend(const std::vector<int>& bins, std::vector<AnalysisLegendEntry>& legend) {
    for (int bin : {3, 2, 1, -1, -2, -3}) {
        const auto n = static_cast<std::size_t>(std::count(bins.begin(), bins.end(), bin));
        if (n) legend.push_back({bin_colour(bin), bin_label(bin), n});
    }
}

}  // namespace

void AnalysisOverlay::update(const geo::District& d, const std::vector<std::int32_t>& incident_neighbourhood,
                             const std::vector<std::uint32_t>& incidents, const AnalysisSettings& settings, geo::XY origin) {
    std::vector<map::FillVertex> fills;
    std::vector<map::LineSegment> lines;
    legend_.clear();
    labels_.clear();
    error_.clear();
    try {
        if (settings.mode == AnalysisMode::none || incidents.empty()) {
        } else if (settings.mode == AnalysisMode::gi_grid) {
            geo::GridGiOptions o;
            o.cell_m = settings.cell_m;
            o.weights = geo::DistanceBand{settings.band_m};
            o.fdr = settings.fdr;
            const geo::GridGi gi = geo::grid_gi_star(d, incidents, o);
            for (std::size_t k = 0; k < gi.cells.size(); ++k)
                if (gi.gi.bin[k] != 0) add_polygon(geo::cell_square(gi.grid, gi.cells[k]), origin, c8(bin_colour(gi.gi.bin[k]), 210), fills);
            add_bins_legend(gi.gi.bin, legend_);
        } else if (settings.mode == AnalysisMode::gi_neighbourhoods) {
            geo::NeighbourhoodGiOptions o;
            o.per_1000 = true;
            o.fdr = settings.fdr;
            const geo::NeighbourhoodGi gi = geo::neighbourhood_gi_star(d, incident_neighbourhood, incidents, o);
            for (std::size_t k = 0; k < gi.neighbourhoods.size(); ++k)
                if (gi.gi.bin[k] != 0) add_polygon(d.neighbourhoods[gi.neighbourhoods[k]].area, origin, c8(bin_colour(gi.gi.bin[k]), 200), fills);
            add_bins_legend(gi.gi.bin, legend_);
        } else if (settings.mode == AnalysisMode::clusters) {
            geo::DbscanOptions o;
            o.eps_m = settings.eps_m;
            o.min_points = static_cast<std::size_t>(std::max(1, settings.min_points));
            const geo::ClusterAnalysis a = geo::cluster_incidents(d, incidents, o);
            const geo::Rgba8 purple{118, 42, 131, 255};
            for (const auto& c : a.clusters) {
                add_polygon(c.hull, origin, c8(purple, 70), fills);
                add_outline(c.hull, origin, c8(purple, 255), 2.0f, lines);
                labels_.push_back({c.centre, geo::envelope_of(c.hull).width(), c.incidents, c.dominant_fraud_type});
            }
            legend_.push_back({purple, "Cluster (cases · main fraud type)", a.clusters.size()});
            legend_.push_back({{200, 200, 200, 255}, "Cases outside any cluster", a.noise});
        } else if (settings.mode == AnalysisMode::emerging) {
            geo::EmergingOptions o;
            o.cell_m = settings.cell_m;
            o.weights = geo::DistanceBand{settings.band_m};
            const geo::EmergingHotspots e = geo::emerging_hotspots(d, incidents, o);
            std::array<std::size_t, 6> counts{};
            for (const auto& cell : e.cells) {
                ++counts[static_cast<std::size_t>(cell.trend_class)];
                if (cell.trend_class != geo::TrendClass::none)
                    add_polygon(geo::cell_square(e.grid, cell.cell), origin, c8(trend_colour(cell.trend_class), 220), fills);
            }
            for (auto c : {geo::TrendClass::new_spot, geo::TrendClass::intensifying, geo::TrendClass::persistent,
                           geo::TrendClass::diminishing, geo::TrendClass::sporadic})
                if (counts[static_cast<std::size_t>(c)])
                    legend_.push_back({trend_colour(c), std::string(geo::name_of(c)), counts[static_cast<std::size_t>(c)]});
        }
    } catch (const std::exception& e) {
        error_ = e.what();
    }
    fill_.upload(fills);
    outline_.upload(lines);
}

void AnalysisOverlay::add_draw_items(std::vector<map::DrawItem>& items, float opacity) const {
    items.push_back({map::DrawItem::Kind::fill, &fill_, opacity});
    items.push_back({map::DrawItem::Kind::line, &outline_, opacity});
}

}  // namespace gui
