#include "geo/placement/candidate_sites.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <utility>

#include "geo/network/junctions.h"

namespace geo {

std::string_view name_of(CandidateKind kind) {
    switch (kind) {
        case CandidateKind::intersection: return "intersection";
        case CandidateKind::gate: return "gate";
        case CandidateKind::user: return "user";
    }
    return "user";
}

std::vector<CandidateSite> intersection_sites(const RoadGraph& graph) {
    std::vector<CandidateSite> out;
    for (const int n : junction_nodes(graph))
        out.push_back({graph.nodes()[static_cast<std::size_t>(n)], CandidateKind::intersection, "N" + std::to_string(n)});
    return out;
}

namespace {

// Where segment pq meets segment rs, as the parameter t along pq (p + t (q - p)), if they cross
// or touch (both parameters in [0, 1]). Parallel segments give none: a road along a boundary
// is handled by the gate rule, not here.
std::optional<double> meeting(const XY& p, const XY& q, const XY& r, const XY& s) {
    const double dx1 = q.x - p.x, dy1 = q.y - p.y, dx2 = s.x - r.x, dy2 = s.y - r.y;
    const double denom = dx1 * dy2 - dy1 * dx2;
    if (denom == 0) return std::nullopt;
    const double t = ((r.x - p.x) * dy2 - (r.y - p.y) * dx2) / denom;
    const double u = ((r.x - p.x) * dy1 - (r.y - p.y) * dx1) / denom;
    if (t < 0 || t > 1 || u < 0 || u > 1) return std::nullopt;
    return t;
}

XY point_along(const XY& a, const XY& b, double t) { return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)}; }

Envelope segment_box(const XY& a, const XY& b) {
    Envelope e;
    e.expand(a);
    e.expand(b);
    return e;
}

bool overlaps(const Envelope& a, const Envelope& b) {
    return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

// A neighbourhood's boundary as segments (outer rings and holes alike; a ring left open is
// closed here), and its inside by the even-odd rule over the same segments.
struct Boundary {
    struct Segment {
        XY a, b;
        Envelope box;
    };
    std::vector<Segment> segments;

    explicit Boundary(const MultiPolygon& area) {
        auto add_ring = [&](const Ring& ring) {
            for (std::size_t k = 0; k < ring.size(); ++k) {
                const XY& a = ring[k];
                const XY& b = ring[(k + 1) % ring.size()];
                if (!(a == b)) segments.push_back({a, b, segment_box(a, b)});
            }
        };
        for (const Polygon& polygon : area) {
            add_ring(polygon.outer);
            for (const Ring& hole : polygon.holes) add_ring(hole);
        }
    }

    double distance_m(const XY& p) const {
        double best = std::numeric_limits<double>::infinity();
        for (const Segment& s : segments) best = std::min(best, distance_to_segment_m(p, s.a, s.b));
        return best;
    }

    // Even-odd crossing count of a ray to +x; holes and the parts of a multipolygon come out right.
    bool contains(const XY& p) const {
        bool inside = false;
        for (const Segment& s : segments)
            if ((s.a.y > p.y) != (s.b.y > p.y) && p.x < s.a.x + (p.y - s.a.y) * (s.b.x - s.a.x) / (s.b.y - s.a.y))
                inside = !inside;
        return inside;
    }
};

// Where the road line enters the neighbourhood, in order along the line (see gate_sites).
// The line is cut wherever it meets the boundary; each piece is "inside" when its midpoint is
// inside and farther than tolerance_m from the boundary, so a road running along the boundary
// (or just beside it) never is.
std::vector<XY> entrances(const LineString& line, const Boundary& boundary, double tolerance_m) {
    struct Piece {
        XY from, to;
        bool inside;
    };
    std::vector<Piece> pieces;
    std::vector<double> cuts;
    for (std::size_t k = 0; k + 1 < line.size(); ++k) {
        const XY& a = line[k];
        const XY& b = line[k + 1];
        const Envelope box = segment_box(a, b).grown(tolerance_m);
        cuts.assign({0.0, 1.0});
        for (const Boundary::Segment& s : boundary.segments)
            if (overlaps(box, s.box))
                if (const auto t = meeting(a, b, s.a, s.b)) cuts.push_back(*t);
        std::sort(cuts.begin(), cuts.end());
        for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
            if (!(cuts[c + 1] > cuts[c])) continue;
            const XY from = point_along(a, b, cuts[c]), to = point_along(a, b, cuts[c + 1]);
            const XY middle = point_along(a, b, (cuts[c] + cuts[c + 1]) / 2);
            pieces.push_back({from, to, boundary.contains(middle) && boundary.distance_m(middle) > tolerance_m});
        }
    }
    std::vector<XY> out;
    auto gate_at = [&](const XY& p) {
        if (boundary.distance_m(p) <= tolerance_m) out.push_back(p);
    };
    // Where the road goes in or out (the line's start counts as coming from outside), then its end.
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const bool before = k > 0 && pieces[k - 1].inside;
        if (pieces[k].inside != before) gate_at(pieces[k].from);
    }
    if (!pieces.empty() && pieces.back().inside) gate_at(pieces.back().to);
    return out;
}

}  // namespace

std::vector<CandidateSite> gate_sites(const District& district, const RoadGraph& graph, double tolerance_m) {
    std::vector<Envelope> edge_box;
    edge_box.reserve(graph.edges().size());
    for (const GraphEdge& e : graph.edges()) {
        Envelope box;
        for (const XY& p : e.line) box.expand(p);
        edge_box.push_back(box.grown(tolerance_m));
    }
    std::vector<CandidateSite> out;
    for (const Neighbourhood& n : district.neighbourhoods) {
        const Boundary boundary(n.area);
        const Envelope area_box = envelope_of(n.area);
        const std::size_t first = out.size();
        for (std::size_t e = 0; e < graph.edges().size(); ++e) {
            if (!overlaps(edge_box[e], area_box)) continue;
            for (const XY& p : entrances(graph.edges()[e].line, boundary, tolerance_m)) {
                // Roads meeting at a gate (the two halves of a road cut by a junction on the
                // boundary) find it once each: one gate per place.
                const bool known = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), [&](const CandidateSite& g) {
                    return std::hypot(g.location.x - p.x, g.location.y - p.y) <= tolerance_m;
                });
                if (!known) out.push_back({p, CandidateKind::gate, "gate " + n.id});
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
                        if (std::hypot(out[k].location.x - site.location.x, out[k].location.y - site.location.y) <= merge_m) {
                            duplicate = true;
                            if (site.kind == CandidateKind::gate && out[k].kind == CandidateKind::intersection) {
                                out[k].label = site.label + " at " + out[k].label;
                                out[k].kind = CandidateKind::gate;
                            }
                            break;
                        }
                }
            if (duplicate) continue;
            grid[{gx, gy}].push_back(out.size());
            out.push_back(site);
        }
    return out;
}

}  // namespace geo
