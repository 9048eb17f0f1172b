#include "geo/network/isochrone.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <utility>

#include <ogr_geometry.h>

#include "geo/io/ogr_geometry.h"
#include "geo/network/edge_geometry.h"
#include "geo/util/error.h"

namespace geo {
namespace {

// GEOS's union of polygons is a Polygon or a MultiPolygon; a collection's polygon parts count too.
void add_polygons(const OGRGeometry& g, MultiPolygon& out) {
    if (wkbFlatten(g.getGeometryType()) == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g.toGeometryCollection()) add_polygons(*part, out);
        return;
    }
    const Geometry shape = from_ogr(g);  // empty polygons come back as nothing
    if (const auto* mp = std::get_if<MultiPolygon>(&shape)) out.insert(out.end(), mp->begin(), mp->end());
}

double line_length(const LineString& line) {
    double m = 0;
    for (std::size_t i = 1; i < line.size(); ++i) m += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    return m;
}

// The lines joined end to end where exactly two line ends meet (bit-equal points, as the reached
// pieces share their nodes' coordinates): fewer, longer lines, so fewer round caps overlapping
// at every junction for GEOS to node and merge. Each line is used once.
MultiLineString chained(const MultiLineString& lines) {
    std::map<std::pair<double, double>, std::vector<std::size_t>> ends;
    auto key = [](const XY& p) { return std::pair{p.x, p.y}; };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ends[key(lines[i].front())].push_back(i);
        ends[key(lines[i].back())].push_back(i);
    }
    std::vector<bool> used(lines.size(), false);
    // The unused line continuing the chain at `end`, if that end meets exactly one other line end.
    auto next_at = [&](const XY& end) -> std::ptrdiff_t {
        const auto& at = ends[key(end)];
        if (at.size() != 2) return -1;
        for (const std::size_t i : at)
            if (!used[i]) return static_cast<std::ptrdiff_t>(i);
        return -1;
    };
    MultiLineString out;
    for (std::size_t first = 0; first < lines.size(); ++first) {
        if (used[first]) continue;
        used[first] = true;
        std::deque<XY> chain(lines[first].begin(), lines[first].end());
        for (std::ptrdiff_t i; (i = next_at(chain.back())) >= 0;) {
            auto line = lines[static_cast<std::size_t>(i)];
            used[static_cast<std::size_t>(i)] = true;
            if (!(line.front() == chain.back())) std::reverse(line.begin(), line.end());
            chain.insert(chain.end(), line.begin() + 1, line.end());
        }
        for (std::ptrdiff_t i; (i = next_at(chain.front())) >= 0;) {
            auto line = lines[static_cast<std::size_t>(i)];
            used[static_cast<std::size_t>(i)] = true;
            if (!(line.back() == chain.front())) std::reverse(line.begin(), line.end());
            chain.insert(chain.begin(), line.begin(), line.end() - 1);
        }
        out.emplace_back(chain.begin(), chain.end());
    }
    return out;
}

}  // namespace

MultiLineString reached_roads(const RoadGraph& graph, Profile profile, const TravelTimes& times, const SnappedPoint& origin,
                              double limit_s) {
    MultiLineString out;
    const auto& edges = graph.edges();
    for (std::size_t k = 0; k < edges.size(); ++k) {
        const GraphEdge& e = edges[k];
        const int edge = static_cast<int>(k);
        const double fwd_s = graph.edge_time_s(edge, profile, true), back_s = graph.edge_time_s(edge, profile, false);
        if (!std::isfinite(fwd_s) && !std::isfinite(back_s)) continue;
        // Metres reached from each end, entering the edge in a direction the profile allows.
        double from_start = 0, from_end = 0;
        const double t_from = times.time_s(e.from), t_to = times.time_s(e.to);
        if (t_from <= limit_s && std::isfinite(fwd_s))
            from_start = fwd_s > 0 ? std::min(e.length_m, (limit_s - t_from) / fwd_s * e.length_m) : e.length_m;
        if (t_to <= limit_s && std::isfinite(back_s))
            from_end = back_s > 0 ? std::min(e.length_m, (limit_s - t_to) / back_s * e.length_m) : e.length_m;
        // The origin's own edge: outward from the snapped point, as far as the time allows.
        double lo = -1, hi = -1;
        if (edge == origin.edge) {
            lo = hi = origin.offset_m;
            if (std::isfinite(fwd_s)) hi = std::min(e.length_m, origin.offset_m + (fwd_s > 0 ? limit_s / fwd_s * e.length_m : e.length_m));
            if (std::isfinite(back_s)) lo = std::max(0.0, origin.offset_m - (back_s > 0 ? limit_s / back_s * e.length_m : e.length_m));
        }
        const bool origin_bridges = lo >= 0 && lo <= from_start && hi >= e.length_m - from_end;
        if (from_start + from_end >= e.length_m || origin_bridges) {
            out.push_back(e.line);
            continue;
        }
        // Up to three pieces: from the start, around the origin, from the end; merged where they meet.
        std::vector<std::pair<double, double>> pieces;
        if (from_start > 0) pieces.push_back({0, from_start});
        if (lo >= 0 && hi > lo) pieces.push_back({lo, hi});
        if (from_end > 0) pieces.push_back({e.length_m - from_end, e.length_m});
        std::sort(pieces.begin(), pieces.end());
        std::vector<std::pair<double, double>> merged;
        for (const auto& p : pieces) {
            if (!merged.empty() && p.first <= merged.back().second) merged.back().second = std::max(merged.back().second, p.second);
            else merged.push_back(p);
        }
        for (const auto& [a, b] : merged)
            if (b > a) out.push_back(sub_line(e.line, a, b));
    }
    return out;
}

MultiPolygon buffered_area(const MultiLineString& lines, double tolerance_m) {
    if (lines.empty()) return {};
    // Each chain buffered on its own, then GEOS's cascaded union of those polygons: on Andorra's
    // 10-minute isochrones (~500 pieces) this took 48 ms where buffering the whole multi-line at
    // once took 89 ms (patrolmap bench-isochrones), the same area to 0.001%. A polyline's round-
    // joined buffer is the union of its parts' round-capped buffers, so the result is the same.
    OGRMultiPolygon buffers;
    for (const auto& chain : chained(lines)) {
        OGRLineString ls;
        for (const XY& p : chain) ls.addPoint(p.x, p.y);
        // Four segments a quarter circle: round enough at 25 m, a quarter of GEOS's default vertices.
        OgrGeometryPtr buffer(ls.Buffer(tolerance_m, 4));
        if (!buffer) throw InternalError("GEOS could not buffer the reached roads");
        // A line's buffer is one polygon (GEOS); anything else would not belong in `buffers`.
        if (wkbFlatten(buffer->getGeometryType()) != wkbPolygon) throw InternalError("GEOS buffered a road into a non-polygon");
        buffers.addGeometryDirectly(buffer.release());
    }
    OgrGeometryPtr area(buffers.getNumGeometries() == 1 ? buffers.getGeometryRef(0)->clone() : buffers.UnionCascaded());
    if (!area) throw InternalError("GEOS could not merge the buffered roads");
    MultiPolygon out;
    add_polygons(*area, out);
    return out;
}

std::vector<Isochrone> isochrones(const RoadGraph& graph, const SnappedPoint& origin, const IsochroneOptions& options) {
    if (options.minutes.empty()) throw BadInput("--minutes: at least one threshold");
    for (std::size_t i = 0; i < options.minutes.size(); ++i)
        if (!(options.minutes[i] > 0) || !std::isfinite(options.minutes[i]) || (i > 0 && !(options.minutes[i] > options.minutes[i - 1])))
            throw BadInput("--minutes: thresholds must be positive and increasing, such as 3,5,10");
    if (!(options.tolerance_m > 0) || !std::isfinite(options.tolerance_m)) throw BadInput("--tolerance must be a positive number of metres");
    TravelTimes times(graph, options.profile);
    const auto& reached = times.search(time_departures(graph, options.profile, origin), options.minutes.back() * 60);
    std::vector<Isochrone> out;
    for (const double minutes : options.minutes) {
        Isochrone iso;
        iso.minutes = minutes;
        const double limit_s = minutes * 60;
        iso.nodes = static_cast<std::size_t>(std::count_if(reached.begin(), reached.end(), [&](const NodeTime& n) { return n.time_s <= limit_s; }));
        const MultiLineString roads = origin.valid() ? reached_roads(graph, options.profile, times, origin, limit_s) : MultiLineString{};
        for (const auto& line : roads) iso.road_m += line_length(line);
        iso.area = buffered_area(roads, options.tolerance_m);
        out.push_back(std::move(iso));
    }
    return out;
}

}  // namespace geo
