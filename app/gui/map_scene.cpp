#include "app/gui/map_scene.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "geo/io/basemap.h"

namespace gui {
namespace {

map::Colour8 c8(geo::Rgba8 c, std::uint8_t alpha = 255) { return {c.r, c.g, c.b, alpha}; }

float fx(double v, double origin) { return static_cast<float>(v - origin); }

void add_ring_segments(const geo::Ring& ring, geo::XY origin, map::Colour8 colour, float width,
                       std::vector<map::LineSegment>& out) {
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        out.push_back({fx(ring[i].x, origin.x), fx(ring[i].y, origin.y), fx(ring[i + 1].x, origin.x),
                       fx(ring[i + 1].y, origin.y), colour, width});
}

struct RoadStyle {
    map::Colour8 colour;
    float width_px;
};

RoadStyle road_style(geo::RoadClass c) {
    switch (c) {
        case geo::RoadClass::provincial: return {{214, 120, 40, 255}, 5.0f};
        case geo::RoadClass::arterial: return {{235, 180, 70, 255}, 3.5f};
        case geo::RoadClass::local: return {{150, 150, 150, 255}, 2.0f};
        case geo::RoadClass::alley: return {{175, 175, 175, 255}, 1.2f};
        case geo::RoadClass::path: return {{160, 140, 110, 255}, 1.0f};
    }
    return {{150, 150, 150, 255}, 1.0f};
}

// Edges of neighbourhood rings keyed by their end points (in either direction): an edge used
// by two neighbourhoods of the same officer is inside that officer's area.
using EdgeKey = std::pair<std::pair<double, double>, std::pair<double, double>>;
EdgeKey edge_key(const geo::XY& a, const geo::XY& b) {
    auto p = std::make_pair(a.x, a.y), q = std::make_pair(b.x, b.y);
    return p < q ? EdgeKey{p, q} : EdgeKey{q, p};
}

}  // namespace

float MapScene::incident_size_px(double loss_yuan, bool size_by_loss) {
    if (!size_by_loss) return 7.0f;
    // 5 px for no loss, +2.5 px per tenfold loss above ¥1,000 (¥1M → 12.5 px).
    return 5.0f + 2.5f * static_cast<float>(std::log10(1.0 + std::max(0.0, loss_yuan) / 1000.0));
}

void MapScene::update(const AppState& s) {
    if (data_version_ != s.data_version) {
        build_static(s);
        data_version_ = s.data_version;
        style_version_ = filter_version_ = basemap_version_ = analysis_filter_version_ = isochrone_version_ = -1;
    }
    if (basemap_version_ != s.basemap_version) {
        load_basemap(s);
        basemap_version_ = s.basemap_version;
    }
    if (filter_version_ != s.filter_version || style_version_ != s.style_version) {
        build_choropleth(s);
        build_points(s);
        filter_version_ = s.filter_version;
        style_version_ = s.style_version;
    }
    // The analyses cost more: only while their layer is shown, once per change.
    if (s.view.style(MapLayer::analysis).visible &&
        (analysis_filter_version_ != s.filter_version || analysis_style_version_ != s.style_version)) {
        analysis_.update(s.district, s.incident_neighbourhood, visible_incidents_, s.view.analysis, origin_);
        analysis_filter_version_ = s.filter_version;
        analysis_style_version_ = s.style_version;
    }
    // Isochrones: once per change of their settings or of the road graph (a new workspace).
    const auto& graph = s.response.graph;
    if (s.view.style(MapLayer::isochrones).visible && graph &&
        (isochrone_version_ != s.response.isochrones.version || isochrone_graph_ != graph.get())) {
        isochrones_.update(s.district, *graph, s.response.isochrones, origin_);
        isochrone_version_ = s.response.isochrones.version;
        isochrone_graph_ = graph.get();
    }
}

void MapScene::build_static(const AppState& s) {
    const geo::District& d = s.district;
    geo::Envelope extent;
    for (const auto& n : d.neighbourhoods) extent.expand(geo::envelope_of(n.area));
    for (const auto& r : d.roads) extent.expand(geo::envelope_of(r.line));
    for (const auto& i : d.incidents) extent.expand(i.location);
    origin_ = extent.empty() ? geo::XY{} : geo::XY{std::round((extent.min_x + extent.max_x) / 2),
                                                   std::round((extent.min_y + extent.max_y) / 2)};

    neighbourhood_triangles_.clear();
    std::vector<map::LineSegment> outlines, officer_edges, roads;
    std::map<EdgeKey, std::vector<std::string>> edge_officers;
    for (const auto& n : d.neighbourhoods) {
        neighbourhood_triangles_.push_back(geo::triangulate(n.area));
        for (const auto& poly : n.area) {
            add_ring_segments(poly.outer, origin_, {90, 90, 90, 255}, 1.0f, outlines);
            for (std::size_t i = 0; i + 1 < poly.outer.size(); ++i)
                edge_officers[edge_key(poly.outer[i], poly.outer[i + 1])].push_back(n.officer_id);
        }
    }
    neighbourhood_outline_.upload(outlines);
    for (const auto& [edge, officers] : edge_officers) {
        const bool inside = officers.size() == 2 && officers[0] == officers[1] && !officers[0].empty();
        if (inside) continue;
        officer_edges.push_back({fx(edge.first.first, origin_.x), fx(edge.first.second, origin_.y),
                                 fx(edge.second.first, origin_.x), fx(edge.second.second, origin_.y),
                                 {40, 70, 160, 255}, 3.0f});
    }
    officer_outline_.upload(officer_edges);

    // Roads: minor classes first so that major roads paint over them at junctions.
    for (int c = static_cast<int>(geo::RoadClass::path); c >= 0; --c)
        for (const auto& road : d.roads) {
            if (static_cast<int>(road.road_class) != c) continue;
            const RoadStyle style = road_style(road.road_class);
            for (const auto& line : road.line)
                for (std::size_t i = 0; i + 1 < line.size(); ++i)
                    roads.push_back({fx(line[i].x, origin_.x), fx(line[i].y, origin_.y), fx(line[i + 1].x, origin_.x),
                                     fx(line[i + 1].y, origin_.y), style.colour, style.width_px});
        }
    roads_.upload(roads);

    std::vector<map::FillVertex> building_vertices;
    for (const auto& b : d.buildings) {
        if (b.footprint.empty()) continue;
        const geo::Triangulation t = geo::triangulate(b.footprint);
        for (std::uint32_t index : t.indices)
            building_vertices.push_back({fx(t.vertices[index].x, origin_.x), fx(t.vertices[index].y, origin_.y),
                                         {120, 110, 100, 200}});
    }
    building_fill_.upload(building_vertices);

    std::vector<map::PointSprite> sites;
    for (const auto& site : d.sites) {
        const float size = site.kind == geo::SiteKind::police_station ? 16.0f : 10.0f;
        sites.push_back({fx(site.location.x, origin_.x), fx(site.location.y, origin_.y), c8(geo::colour_of(site.kind)), size});
    }
    sites_.upload(sites);
}

void MapScene::load_basemap(const AppState& s) {
    basemap_.clear();
    basemap_error_.clear();
    if (s.basemap.empty()) return;
    geo::Envelope extent;
    for (const auto& n : s.district.neighbourhoods) extent.expand(geo::envelope_of(n.area));
    for (const auto& r : s.district.roads) extent.expand(geo::envelope_of(r.line));
    extent = extent.grown(std::max(extent.width(), extent.height()) * 0.25);
    try {
        const geo::RasterImage image = geo::load_basemap(s.basemap, s.district.metadata.crs, extent, 4096);
        basemap_.upload(image.rgba, image.width, image.height, fx(image.extent.min_x, origin_.x), fx(image.extent.min_y, origin_.y),
                        fx(image.extent.max_x, origin_.x), fx(image.extent.max_y, origin_.y));
    } catch (const std::exception& e) {
        basemap_error_ = e.what();
    }
}

void MapScene::build_choropleth(const AppState& s) {
    stats_ = geo::neighbourhood_stats(s.district, s.incident_neighbourhood, s.filter);
    const std::vector<double> values = geo::choropleth_values(stats_, s.view.fill_field);
    std::vector<double> known;
    for (double v : values)
        if (!std::isnan(v)) known.push_back(v);
    const std::vector<double> breaks = geo::class_breaks(known, s.view.classes, s.view.break_method);
    const int classes = std::max(1, static_cast<int>(breaks.size()) - 1);
    // Warm colours for cases (more is worse), green for app adoption (more is better), blue for people.
    const geo::Ramp ramp_name = s.view.fill_field == geo::ChoroplethField::incidents_per_1000 ? geo::Ramp::yellow_orange_red
                                : s.view.fill_field == geo::ChoroplethField::app_adoption     ? geo::Ramp::greens
                                                                                              : geo::Ramp::blues;
    const std::vector<geo::Rgba8> ramp = geo::ramp_colours(ramp_name, std::clamp(classes, 1, 9));
    legend_.clear();
    for (int c = 0; c < classes && breaks.size() >= 2; ++c) legend_.push_back({ramp[c], breaks[c], breaks[c + 1]});

    std::vector<map::FillVertex> vertices;
    for (std::size_t n = 0; n < neighbourhood_triangles_.size(); ++n) {
        geo::Rgba8 colour = no_data_colour();
        if (n < values.size() && !std::isnan(values[n]) && breaks.size() >= 2)
            colour = ramp[geo::class_of(values[n], breaks)];
        const geo::Triangulation& t = neighbourhood_triangles_[n];
        for (std::uint32_t index : t.indices)
            vertices.push_back({fx(t.vertices[index].x, origin_.x), fx(t.vertices[index].y, origin_.y), c8(colour)});
    }
    neighbourhood_fill_.upload(vertices);
}

namespace {

// Of the points (in paint order) whose centres fall in one cell of `cell_m` metres, keeps the
// last painted; the result stays in paint order.
std::vector<map::PointSprite> thin(const std::vector<map::PointSprite>& points, double cell_m) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(points.size());
    for (std::uint32_t i = 0; i < points.size(); ++i) {
        const auto cx = static_cast<std::int64_t>(std::floor(points[i].x / cell_m)) + (1 << 30);
        const auto cy = static_cast<std::int64_t>(std::floor(points[i].y / cell_m)) + (1 << 30);
        keyed[i] = {(static_cast<std::uint64_t>(cx) << 32) | static_cast<std::uint64_t>(cy), i};
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::uint32_t> kept;
    for (std::size_t i = 0; i < keyed.size(); ++i)
        if (i + 1 == keyed.size() || keyed[i + 1].first != keyed[i].first) kept.push_back(keyed[i].second);
    std::sort(kept.begin(), kept.end());
    std::vector<map::PointSprite> out;
    out.reserve(kept.size());
    for (std::uint32_t i : kept) out.push_back(points[i]);
    return out;
}

}  // namespace

void MapScene::build_incident_levels(const std::vector<map::PointSprite>& points) {
    incident_layers_.clear();
    incident_levels_.clear();
    incident_layers_.emplace_back();
    incident_layers_.back().upload(points);
    incident_levels_.push_back({0, 0});
    // Below a few tens of thousands the full set is cheap to draw at any zoom.
    if (points.size() < 20'000) return;
    std::vector<map::PointSprite> level = points;
    std::size_t uploaded = points.size();
    for (double cell_m = 0.5; cell_m <= 16384; cell_m *= 2) {
        level = thin(level, cell_m);  // cells nest, so thinning the previous level is exact
        if (level.size() < uploaded * 7 / 10) {  // worth its own buffer
            incident_layers_.emplace_back();
            incident_layers_.back().upload(level);
            uploaded = level.size();
        }
        incident_levels_.push_back({cell_m, incident_layers_.size() - 1});
    }
}

const map::PointLayer& MapScene::incident_layer_for(double pixels_per_metre) const {
    std::size_t layer = incident_levels_.front().layer;
    for (const auto& level : incident_levels_)
        if (level.cell_m * pixels_per_metre <= kLodCellPx) layer = level.layer;
    return incident_layers_[layer];
}

std::size_t MapScene::incident_symbols_at(double pixels_per_metre) const {
    return incident_layer_for(pixels_per_metre).point_count();
}

void MapScene::build_points(const AppState& s) {
    const geo::District& d = s.district;
    visible_incidents_ = geo::filter_incidents(d, s.filter);
    // Legend counts, once per change rather than every frame.
    incident_classes_.clear();
    {
        const bool by_type = s.view.colouring == IncidentColouring::fraud_type;
        std::array<std::size_t, 8> counts{};
        for (std::uint32_t i : visible_incidents_)
            ++counts[by_type ? static_cast<std::size_t>(d.incidents[i].fraud_type) : static_cast<std::size_t>(d.incidents[i].outcome)];
        for (std::size_t k = 0; k < counts.size(); ++k) {
            if (!counts[k]) continue;
            if (by_type) {
                const auto t = static_cast<geo::FraudType>(k);
                incident_classes_[std::string(geo::name_of(t))] = {geo::colour_of(t), counts[k]};
            } else {
                const auto o = static_cast<geo::Outcome>(k);
                incident_classes_[std::string(geo::name_of(o))] = {geo::colour_of(o), counts[k]};
            }
        }
    }
    std::vector<map::PointSprite> points;
    points.reserve(visible_incidents_.size());
    // Largest losses first so that small symbols stay visible on top of big ones.
    std::vector<std::uint32_t> order = visible_incidents_;
    if (s.view.size_by_loss)
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return d.incidents[a].loss_yuan > d.incidents[b].loss_yuan; });
    for (std::uint32_t i : order) {
        const geo::Incident& incident = d.incidents[i];
        const geo::Rgba8 colour = s.view.colouring == IncidentColouring::fraud_type ? geo::colour_of(incident.fraud_type)
                                                                                   : geo::colour_of(incident.outcome);
        points.push_back({fx(incident.location.x, origin_.x), fx(incident.location.y, origin_.y), c8(colour, 230),
                          incident_size_px(incident.loss_yuan, s.view.size_by_loss)});
    }
    build_incident_levels(points);

    std::vector<map::HeatPoint> heat;
    heat.reserve(visible_incidents_.size());
    for (std::uint32_t i : visible_incidents_) {
        const geo::Incident& incident = d.incidents[i];
        const float weight = s.view.heat_weight_by_loss ? static_cast<float>(incident.loss_yuan) : 1.0f;
        if (weight > 0) heat.push_back({fx(incident.location.x, origin_.x), fx(incident.location.y, origin_.y), weight});
    }
    heat_points_.upload(heat);
    heat_auto_max_ = 0;  // re-measured after the next frame

    // Posters up at the end of the window (all that are up now, without a window).
    const std::optional<geo::Timestamp> at = s.filter.window ? std::optional(s.filter.window->to) : std::nullopt;
    std::vector<map::PointSprite> posters, cards, banners;
    for (const auto& p : d.posters) {
        if (at && p.installed && *p.installed > *at) continue;
        if (p.removed && (!at || *p.removed <= *at)) continue;
        const map::PointSprite sprite{fx(p.location.x, origin_.x), fx(p.location.y, origin_.y), c8(geo::colour_of(p.kind)),
                                      p.kind == geo::PosterKind::banner ? 13.0f : 8.0f};
        (p.kind == geo::PosterKind::poster ? posters : p.kind == geo::PosterKind::contact_card ? cards : banners).push_back(sprite);
    }
    posters_.upload(posters);
    contact_cards_.upload(cards);
    banners_.upload(banners);
}

std::vector<map::DrawItem> MapScene::draw_items(const ViewState& view, double pixels_per_metre) const {
    std::vector<map::DrawItem> items;
    using K = map::DrawItem::Kind;
    for (MapLayer layer : view.order) {
        const LayerStyle& style = view.style(layer);
        if (!style.visible || style.opacity <= 0) continue;
        const float o = style.opacity;
        switch (layer) {
            case MapLayer::basemap: items.push_back({K::raster, &basemap_, o}); break;
            case MapLayer::analysis: analysis_.add_draw_items(items, o); break;
            case MapLayer::isochrones: isochrones_.add_draw_items(items, o); break;
            case MapLayer::heatmap: {
                heat_style_.kernel = static_cast<int>(view.heat_kernel);
                heat_style_.bandwidth_m = view.heat_bandwidth_m;
                const double h = view.heat_bandwidth_m;
                heat_style_.scale = static_cast<float>(geo::kernel_constant(view.heat_kernel) / (h * h) * 1e6);
                heat_style_.range_min = 0;
                heat_style_.range_max = view.heat_auto_range ? (heat_auto_max_ > 0 ? heat_auto_max_ : 1.0f) : view.heat_max;
                heat_style_.opacity = view.heat_opacity;
                // Yellow-orange-red, transparent yellow at the low end (ColorBrewer YlOrRd).
                const map::Colour8 stops[5] = {{255, 255, 178, 0}, {254, 204, 92, 200}, {253, 141, 60, 230}, {240, 59, 32, 245}, {189, 0, 38, 255}};
                std::copy(std::begin(stops), std::end(stops), heat_style_.stops);
                map::DrawItem item{K::heatmap, &heat_points_, o};
                item.heatmap = &heat_style_;
                items.push_back(item);
                break;
            }
            case MapLayer::neighbourhoods:
                items.push_back({K::fill, &neighbourhood_fill_, o * 0.85f});
                items.push_back({K::line, &neighbourhood_outline_, o});
                break;
            case MapLayer::buildings: items.push_back({K::fill, &building_fill_, o}); break;
            case MapLayer::roads: items.push_back({K::line, &roads_, o}); break;
            case MapLayer::officer_areas: items.push_back({K::line, &officer_outline_, o}); break;
            case MapLayer::posters:
                items.push_back({K::point, &posters_, o, map::PointShape::square});
                items.push_back({K::point, &contact_cards_, o, map::PointShape::diamond});
                items.push_back({K::point, &banners_, o, map::PointShape::triangle});
                break;
            case MapLayer::sites: items.push_back({K::point, &sites_, o, map::PointShape::circle}); break;
            case MapLayer::incidents:
                items.push_back({K::point, &incident_layer_for(pixels_per_metre), o, map::PointShape::circle});
                break;
            case MapLayer::school_transport: break;  // drawn over the map (school_transport_layer.h)
        }
    }
    return items;
}

}  // namespace gui
