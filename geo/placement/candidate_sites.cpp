#include "geo/placement/candidate_sites.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

namespace geo {

std::string_view name_of(CandidateKind kind) {
    switch (kind) {
        case CandidateKind::intersection: return "intersection";
        case CandidateKind::gate: return "gate";
        case CandidateKind::user: return "user";
    }
    return "user";
}

std::vector<CandidateSite> intersection_sites(const WalkingGraph& graph) {
    std::vector<CandidateSite> out;
    for (const std::uint32_t n : intersection_nodes(graph))
        out.push_back({graph.nodes[n], CandidateKind::intersection, "N" + std::to_string(n)});
    return out;
}

namespace {

// The crossing point of segments pq and rs, if they cross or touch (parameters in [0, 1]).
std::optional<XY> crossing(const XY& p, const XY& q, const XY& r, const XY& s) {
    const double dx1 = q.x - p.x, dy1 = q.y - p.y, dx2 = s.x - r.x, dy2 = s.y - r.y;
    const double denom = dx1 * dy2 - dy1 * dx2;
    if (denom == 0) return std::nullopt;  // parallel: a road along a boundary is not a gate
    const double t = ((r.x - p.x) * dy2 - (r.y - p.y) * dx2) / denom;
    const double u = ((r.x - p.x) * dy1 - (r.y - p.y) * dx1) / denom;
    if (t < 0 || t > 1 || u < 0 || u > 1) return std::nullopt;
    return XY{p.x + t * dx1, p.y + t * dy1};
}

Envelope segment_box(const XY& a, const XY& b) {
    Envelope e;
    e.expand(a);
    e.expand(b);
    return e;
}

bool overlaps(const Envelope& a, const Envelope& b) {
    return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

}  // namespace

std::vector<CandidateSite> gate_sites(const District& district, const WalkingGraph& graph) {
    std::vector<Envelope> edge_box;
    edge_box.reserve(graph.edges.size());
    for (const auto& e : graph.edges) edge_box.push_back(segment_box(graph.nodes[e.a], graph.nodes[e.b]));
    std::vector<CandidateSite> out;
    for (const Neighbourhood& n : district.neighbourhoods) {
        const Envelope area_box = envelope_of(n.area);
        std::vector<std::uint32_t> near_edges;
        for (std::uint32_t e = 0; e < graph.edges.size(); ++e)
            if (overlaps(edge_box[e], area_box)) near_edges.push_back(e);
        for (const Polygon& polygon : n.area) {
            std::vector<const Ring*> rings{&polygon.outer};
            for (const Ring& hole : polygon.holes) rings.push_back(&hole);
            for (const Ring* ring : rings)
                for (std::size_t k = 0; k + 1 < ring->size(); ++k) {
                    const XY& p = (*ring)[k];
                    const XY& q = (*ring)[k + 1];
                    const Envelope box = segment_box(p, q);
                    for (const std::uint32_t e : near_edges) {
                        if (!overlaps(box, edge_box[e])) continue;
                        if (const auto x = crossing(p, q, graph.nodes[graph.edges[e].a], graph.nodes[graph.edges[e].b]))
                            out.push_back({*x, CandidateKind::gate, "gate " + n.id});
                    }
                }
        }
    }
    return out;
}

std::vector<CandidateSite> merge_sites(const std::vector<std::vector<CandidateSite>>& lists, double merge_m) {
    std::vector<CandidateSite> out;
    const double cell = std::max(merge_m, 1e-6);
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::size_t>> grid;
    for (const auto& list : lists)
        for (const CandidateSite& site : list) {
            const auto gx = static_cast<std::int64_t>(std::floor(site.location.x / cell));
            const auto gy = static_cast<std::int64_t>(std::floor(site.location.y / cell));
            bool duplicate = false;
            for (std::int64_t dx = -1; dx <= 1 && !duplicate; ++dx)
                for (std::int64_t dy = -1; dy <= 1 && !duplicate; ++dy) {
                    const auto it = grid.find({gx + dx, gy + dy});
                    if (it == grid.end()) continue;
                    for (const std::size_t k : it->second)
                        if (std::hypot(out[k].location.x - site.location.x, out[k].location.y - site.location.y) <= merge_m)
                            duplicate = true;
                }
            if (duplicate) continue;
            grid[{gx, gy}].push_back(out.size());
            out.push_back(site);
        }
    return out;
}

}  // namespace geo
