#include "app/gui/isochrone_layer.h"

#include <algorithm>

#include "geo/network/isochrone.h"
#include "geo/network/snap.h"
#include "geo/render/triangulate.h"
#include "geo/util/error.h"

namespace gui {
namespace {

float fx(double v, double origin) { return static_cast<float>(v - origin); }

void add_ring(const geo::Ring& ring, geo::XY origin, map::Colour8 colour, float width, std::vector<map::LineSegment>& out) {
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        out.push_back({fx(ring[i].x, origin.x), fx(ring[i].y, origin.y), fx(ring[i + 1].x, origin.x), fx(ring[i + 1].y, origin.y),
                       colour, width});
}

}  // namespace

geo::Rgba8 IsochroneLayer::band_colour(std::size_t k, std::size_t n) {
    // Blues 7: #08519c, #3182bd, #6baed6, #9ecae1, #c6dbef; the shortest time the darkest. Each
    // band is translucent and they nest, so inside the shortest one three layers stack.
    static const geo::Rgba8 ramp[] = {{8, 81, 156, 110}, {49, 130, 189, 90}, {107, 174, 214, 80}, {158, 202, 225, 80}, {198, 219, 239, 80}};
    const std::size_t count = std::size(ramp);
    if (n <= 1) return ramp[0];
    // Spread n bands over the ramp's first min(n, 5) entries, keeping the darkest first.
    return ramp[std::min(count - 1, k * std::min(count - 1, n - 1) / (n - 1))];
}

void IsochroneLayer::update(const geo::District& d, const geo::RoadGraph& graph, const IsochroneSettings& settings, geo::XY origin) {
    std::vector<map::FillVertex> fills;
    std::vector<map::LineSegment> lines;
    bands_.clear();
    error_.clear();
    computed_ = true;
    profile_ = settings.profile;
    try {
        if (settings.origin) {
            from_ = *settings.origin;
            from_label_ = settings.origin_label;
        } else {
            const auto station = std::find_if(d.sites.begin(), d.sites.end(),
                                              [](const geo::Site& s) { return s.kind == geo::SiteKind::police_station; });
            if (station == d.sites.end()) throw geo::BadInput("no police station among the sites: right-click the map to pick an origin");
            from_ = station->location;
            from_label_ = station->name + " (" + station->id + ")";
        }
        if (graph.edges().empty()) throw geo::BadInput("no roads to travel along (import a roads layer)");
        const geo::Snapper snapper(graph, settings.profile);
        const geo::SnappedPoint start = snapper.snap(from_);
        if (!start.valid()) throw geo::BadInput("no road the profile may use to start from");
        snapped_ = start.point;
        geo::IsochroneOptions o;
        o.profile = settings.profile;
        o.minutes = settings.minutes;
        o.tolerance_m = settings.tolerance_m;
        const std::vector<geo::Isochrone> isos = geo::isochrones(graph, start, o);
        for (std::size_t k = 0; k < isos.size(); ++k) {
            IsochroneBand band;
            band.minutes = isos[k].minutes;
            band.polygons = isos[k].area.size();
            for (const auto& poly : isos[k].area) band.holes += poly.holes.size();
            band.road_m = isos[k].road_m;
            band.nodes = isos[k].nodes;
            band.area_m2 = geo::area_m2(isos[k].area);
            band.colour = band_colour(k, isos.size());
            bands_.push_back(band);
        }
        // The largest band first: the shorter ones paint over it, darker.
        for (std::size_t k = isos.size(); k-- > 0;) {
            const geo::Rgba8 c = bands_[k].colour;
            const map::Colour8 fill{c.r, c.g, c.b, c.a};
            const geo::Triangulation t = geo::triangulate(isos[k].area);
            for (std::uint32_t index : t.indices)
                fills.push_back({fx(t.vertices[index].x, origin.x), fx(t.vertices[index].y, origin.y), fill});
            const map::Colour8 edge{c.r, c.g, c.b, 230};
            for (const auto& poly : isos[k].area) {
                add_ring(poly.outer, origin, edge, 1.5f, lines);
                for (const auto& hole : poly.holes) add_ring(hole, origin, edge, 1.0f, lines);
            }
        }
    } catch (const std::exception& e) {
        error_ = e.what();
        bands_.clear();
        fills.clear();
        lines.clear();
    }
    fill_.upload(fills);
    outline_.upload(lines);
}

void IsochroneLayer::add_draw_items(std::vector<map::DrawItem>& items, float opacity) const {
    items.push_back({map::DrawItem::Kind::fill, &fill_, opacity});
    items.push_back({map::DrawItem::Kind::line, &outline_, opacity});
}

}  // namespace gui
