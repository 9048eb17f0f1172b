#include "geo/render/triangulate.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

// Ear clipping with hole bridging after Mapbox's earcut (https://github.com/mapbox/earcut,
// ISC licence, Vladimir Agafonkin and contributors). The steps and their order follow earcut so
// that its long record on real map data carries over; the code is our own. Orientation here is
// the mathematical one: `turn(a, b, c) > 0` when a → b → c turns left (counter-clockwise with
// y north). The outer ring is linked counter-clockwise and holes clockwise, so the polygon's
// interior is always on the left of the ring, and a convex vertex is a left turn.

namespace geo {
namespace {

struct Node {
    std::uint32_t vertex = 0;  // index into Triangulation::vertices
    double x = 0;
    double y = 0;
    Node* prev = nullptr;  // the ring, interior on the left going next-wards
    Node* next = nullptr;
    std::uint32_t z = 0;     // z-order (Morton) code of the point, when hashing
    Node* prev_z = nullptr;  // the ring's nodes sorted by z, for the hashed ear test
    Node* next_z = nullptr;
    bool steiner = false;  // a one-point hole: kept even though it is "collinear"
};

// Twice the signed area of triangle abc: positive for a left turn (counter-clockwise).
double turn(const Node* a, const Node* b, const Node* c) {
    return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

bool same_point(const Node* a, const Node* b) { return a->x == b->x && a->y == b->y; }

int sign_of(double v) { return (v > 0) - (v < 0); }

// p inside or on the boundary of the counter-clockwise triangle abc.
bool inside_triangle(double ax, double ay, double bx, double by, double cx, double cy,
                     double px, double py) {
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax) >= 0 &&
           (cx - bx) * (py - by) - (cy - by) * (px - bx) >= 0 &&
           (ax - cx) * (py - cy) - (ay - cy) * (px - cx) >= 0;
}

// As inside_triangle, but a point on a's position does not count: a copy of `a` made by a
// hole bridge sits there and must not block the ear.
bool inside_triangle_except_first(const Node* a, const Node* b, const Node* c, const Node* p) {
    return !(p->x == a->x && p->y == a->y) &&
           inside_triangle(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y);
}

// For collinear p, q, r: q lies within the bounding box of segment pr.
bool on_segment(const Node* p, const Node* q, const Node* r) {
    return q->x <= std::max(p->x, r->x) && q->x >= std::min(p->x, r->x) &&
           q->y <= std::max(p->y, r->y) && q->y >= std::min(p->y, r->y);
}

// Segments p1q1 and p2q2 intersect, touching included.
bool segments_intersect(const Node* p1, const Node* q1, const Node* p2, const Node* q2) {
    const int o1 = sign_of(turn(p1, q1, p2));
    const int o2 = sign_of(turn(p1, q1, q2));
    const int o3 = sign_of(turn(p2, q2, p1));
    const int o4 = sign_of(turn(p2, q2, q1));
    if (o1 != o2 && o3 != o4) return true;
    if (o1 == 0 && on_segment(p1, p2, q1)) return true;
    if (o2 == 0 && on_segment(p1, q2, q1)) return true;
    if (o3 == 0 && on_segment(p2, p1, q2)) return true;
    if (o4 == 0 && on_segment(p2, q1, q2)) return true;
    return false;
}

// The diagonal a→b leaves a into the interior (the sector between a's two edges).
bool locally_inside(const Node* a, const Node* b) {
    if (turn(a->prev, a, a->next) > 0)  // convex corner: b between the two edges
        return turn(a, b, a->next) <= 0 && turn(a, a->prev, b) <= 0;
    // reflex corner: b anywhere but inside the outside wedge
    return turn(a, b, a->prev) > 0 || turn(a, a->next, b) > 0;
}

// The midpoint of a→b is inside the ring (even-odd rule along a ray to +x).
bool middle_inside(const Node* a, const Node* b) {
    const double px = (a->x + b->x) / 2;
    const double py = (a->y + b->y) / 2;
    bool inside = false;
    const Node* p = a;
    do {
        if ((p->y > py) != (p->next->y > py) && p->next->y != p->y &&
            px < (p->next->x - p->x) * (py - p->y) / (p->next->y - p->y) + p->x)
            inside = !inside;
        p = p->next;
    } while (p != a);
    return inside;
}

// The diagonal a→b crosses an edge of the ring other than those at a or b.
bool crosses_ring(const Node* a, const Node* b) {
    const Node* p = a;
    do {
        if (p->vertex != a->vertex && p->next->vertex != a->vertex && p->vertex != b->vertex &&
            p->next->vertex != b->vertex && segments_intersect(p, p->next, a, b))
            return true;
        p = p->next;
    } while (p != a);
    return false;
}

// m's sector (between its edges) contains p's sector: used to choose between coincident
// bridge candidates.
bool sector_contains_sector(const Node* m, const Node* p) {
    return turn(m->prev, m, p->prev) > 0 && turn(p->next, m, m->next) > 0;
}

// a→b can split the ring in two: inside, crossing nothing, and not making two sectors that
// face each other; or a zero-length diagonal between two reflex copies of one point.
bool is_valid_diagonal(const Node* a, const Node* b) {
    if (a->next->vertex == b->vertex || a->prev->vertex == b->vertex || crosses_ring(a, b))
        return false;
    const bool visible = locally_inside(a, b) && locally_inside(b, a) && middle_inside(a, b) &&
                         (turn(a->prev, a, b->prev) != 0 || turn(a, b->prev, b) != 0);
    const bool zero_length = same_point(a, b) && turn(a->prev, a, a->next) < 0 &&
                             turn(b->prev, b, b->next) < 0;
    return visible || zero_length;
}

// Spreads the low 16 bits of v to the even bits of the result (for Morton codes).
std::uint32_t spread_bits(std::uint32_t v) {
    v = (v | (v << 8)) & 0x00FF00FFu;
    v = (v | (v << 4)) & 0x0F0F0F0Fu;
    v = (v | (v << 2)) & 0x33333333u;
    v = (v | (v << 1)) & 0x55555555u;
    return v;
}

class EarClipper {
public:
    EarClipper(const std::vector<XY>& vertices, std::vector<std::uint32_t>& indices)
        : vertices_(vertices), indices_(indices) {}

    // One polygon: rings as [begin, end) ranges of `vertices`, the outer ring first.
    void run(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& rings);

private:
    Node* new_node(std::uint32_t vertex, double x, double y);
    Node* insert_after(std::uint32_t vertex, Node* last);
    static void unlink(Node* p);
    Node* linked_ring(std::uint32_t begin, std::uint32_t end, bool counter_clockwise);
    static Node* filter_points(Node* start, Node* end);
    Node* split_ring(Node* a, Node* b);

    Node* eliminate_holes(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& rings,
                          Node* outer);
    Node* eliminate_hole(Node* hole, Node* outer);
    static Node* find_hole_bridge(const Node* hole, Node* outer);

    void clip(Node* ear, int pass);
    bool is_ear(const Node* ear) const;
    bool is_ear_hashed(const Node* ear) const;
    Node* cure_local_intersections(Node* start);
    void split_and_clip(Node* start);

    std::uint32_t z_order(double x, double y) const;
    void index_curve(Node* start);
    void emit(const Node* a, const Node* b, const Node* c);

    const std::vector<XY>& vertices_;
    std::vector<std::uint32_t>& indices_;
    std::deque<Node> nodes_;  // a deque: nodes never move while the rings point at them
    std::vector<Node*> z_scratch_;

    // z-order hashing frame: points map to a 32768 × 32768 grid over the polygon's bounds.
    bool hashed_ = false;
    double min_x_ = 0;
    double min_y_ = 0;
    double cells_per_m_ = 0;
};

Node* EarClipper::new_node(std::uint32_t vertex, double x, double y) {
    Node& n = nodes_.emplace_back();
    n.vertex = vertex;
    n.x = x;
    n.y = y;
    if (hashed_) n.z = z_order(x, y);
    return &n;
}

Node* EarClipper::insert_after(std::uint32_t vertex, Node* last) {
    Node* p = new_node(vertex, vertices_[vertex].x, vertices_[vertex].y);
    if (!last) {
        p->prev = p->next = p;
    } else {
        p->next = last->next;
        p->prev = last;
        last->next->prev = p;
        last->next = p;
    }
    return p;
}

// Takes p out of the ring and the z list; p keeps its own links, which callers rely on.
void EarClipper::unlink(Node* p) {
    p->next->prev = p->prev;
    p->prev->next = p->next;
    if (p->prev_z) p->prev_z->next_z = p->next_z;
    if (p->next_z) p->next_z->prev_z = p->prev_z;
}

Node* EarClipper::linked_ring(std::uint32_t begin, std::uint32_t end, bool counter_clockwise) {
    if (begin == end) return nullptr;
    // Shoelace sum, twice the signed area: positive when the ring is counter-clockwise.
    double area2 = 0;
    for (std::uint32_t i = begin, j = end - 1; i < end; j = i++)
        area2 += (vertices_[j].x - vertices_[i].x) * (vertices_[i].y + vertices_[j].y);
    Node* last = nullptr;
    if (counter_clockwise == (area2 > 0)) {
        for (std::uint32_t i = begin; i < end; ++i) last = insert_after(i, last);
    } else {
        for (std::uint32_t i = end; i-- > begin;) last = insert_after(i, last);
    }
    if (last != last->next && same_point(last, last->next)) {
        unlink(last);
        last = last->next;
    }
    return last;
}

// Removes duplicate and collinear points from start up to end; returns a node still in the ring.
Node* EarClipper::filter_points(Node* start, Node* end) {
    if (!start) return start;
    if (!end) end = start;
    Node* p = start;
    bool again;
    do {
        again = false;
        if (!p->steiner && (same_point(p, p->next) || turn(p->prev, p, p->next) == 0)) {
            unlink(p);
            p = end = p->prev;
            if (p == p->next) break;
            again = true;
        } else {
            p = p->next;
        }
    } while (again || p != end);
    return end;
}

// Links a and b by two coincident diagonals. Within one ring this splits it in two (a's side
// goes a → b, the returned copy of b starts the other); between a ring and a hole it merges them.
Node* EarClipper::split_ring(Node* a, Node* b) {
    Node* a2 = new_node(a->vertex, a->x, a->y);
    Node* b2 = new_node(b->vertex, b->x, b->y);
    Node* an = a->next;
    Node* bp = b->prev;
    a->next = b;
    b->prev = a;
    a2->next = an;
    an->prev = a2;
    b2->next = a2;
    a2->prev = b2;
    bp->next = b2;
    b2->prev = bp;
    return b2;
}

Node* EarClipper::eliminate_holes(
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& rings, Node* outer) {
    std::vector<Node*> leftmost;
    for (std::size_t r = 1; r < rings.size(); ++r) {
        Node* list = linked_ring(rings[r].first, rings[r].second, false);
        if (!list) continue;
        if (list == list->next) list->steiner = true;
        Node* best = list;
        for (Node* p = list->next; p != list; p = p->next)
            if (p->x < best->x || (p->x == best->x && p->y < best->y)) best = p;
        leftmost.push_back(best);
    }
    // Left to right. Holes whose leftmost points coincide go in order of their first edge's
    // slope, so that each bridges through the shared point (earcut 2.2.4's tie-break).
    auto slope = [](const Node* n) {
        return n->next == n ? 0.0 : (n->next->y - n->y) / (n->next->x - n->x);
    };
    std::stable_sort(leftmost.begin(), leftmost.end(), [&](const Node* a, const Node* b) {
        if (a->x != b->x) return a->x < b->x;
        if (a->y != b->y) return a->y < b->y;
        return slope(a) < slope(b);
    });
    for (Node* hole : leftmost) outer = eliminate_hole(hole, outer);
    return outer;
}

Node* EarClipper::eliminate_hole(Node* hole, Node* outer) {
    Node* bridge = find_hole_bridge(hole, outer);
    if (!bridge) return outer;  // the hole lies outside the shell: leave it out
    Node* bridge_reverse = split_ring(bridge, hole);
    // Drop collinear points the cut may have made on either side.
    filter_points(bridge_reverse, bridge_reverse->next);
    return filter_points(bridge, bridge->next);
}

// David Eberly, "Triangulation by Ear Clipping" (Geometric Tools, 2002), section 4: cast a ray
// from the hole's leftmost point to the left, take the nearest edge it hits, then the visible
// vertex of least angle to the ray inside the triangle the hit makes.
Node* EarClipper::find_hole_bridge(const Node* hole, Node* outer) {
    const double hx = hole->x;
    const double hy = hole->y;
    double qx = -std::numeric_limits<double>::infinity();
    Node* m = nullptr;

    Node* p = outer;
    if (same_point(hole, p)) return p;
    do {
        if (same_point(hole, p->next)) return p->next;
        // Edges going down (the shell is counter-clockwise) that span the ray's height.
        if (hy <= p->y && hy >= p->next->y && p->next->y != p->y) {
            const double x = p->x + (hy - p->y) * (p->next->x - p->x) / (p->next->y - p->y);
            if (x <= hx && x > qx) {
                qx = x;
                m = p->x < p->next->x ? p : p->next;
                if (x == hx) return m;  // the hole touches this edge: bridge to its left end
            }
        }
        p = p->next;
    } while (p != outer);
    if (!m) return nullptr;

    // Any shell vertex inside triangle (hole point, hit point, m) would block the bridge; of
    // those, the one making the least angle with the ray is visible from the hole.
    const Node* stop = m;
    const double mx = m->x;
    const double my = m->y;
    double tan_min = std::numeric_limits<double>::infinity();
    p = m;
    do {
        if (hx >= p->x && p->x >= mx && hx != p->x &&
            inside_triangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, p->x, p->y)) {
            const double tan = std::abs(hy - p->y) / (hx - p->x);
            if (locally_inside(p, hole) &&
                (tan < tan_min ||
                 (tan == tan_min && (p->x > m->x || (p->x == m->x && sector_contains_sector(m, p)))))) {
                m = p;
                tan_min = tan;
            }
        }
        p = p->next;
    } while (p != stop);
    return m;
}

// Main loop: cut off ears until three nodes are left. When a full turn finds none, try again
// after removing duplicates (pass 1), after curing local self-intersections (pass 2), and
// finally by splitting the ring along a valid diagonal.
void EarClipper::clip(Node* ear, int pass) {
    if (!ear) return;
    if (pass == 0 && hashed_) index_curve(ear);

    Node* stop = ear;
    while (ear->prev != ear->next) {
        Node* prev = ear->prev;
        Node* next = ear->next;
        if (hashed_ ? is_ear_hashed(ear) : is_ear(ear)) {
            emit(prev, ear, next);
            unlink(ear);
            // Continuing two nodes on gives fewer sliver triangles.
            ear = next->next;
            stop = next->next;
            continue;
        }
        ear = next;
        if (ear == stop) {
            if (pass == 0) {
                clip(filter_points(ear, nullptr), 1);
            } else if (pass == 1) {
                clip(cure_local_intersections(filter_points(ear, nullptr)), 2);
            } else {
                split_and_clip(ear);
            }
            break;
        }
    }
}

bool EarClipper::is_ear(const Node* ear) const {
    const Node* a = ear->prev;
    const Node* b = ear;
    const Node* c = ear->next;
    if (turn(a, b, c) <= 0) return false;  // reflex or flat: not an ear

    const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
    const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
    // No other vertex may lie in the triangle. Checking reflex ones is enough: if a convex one
    // is inside, so is a reflex one.
    for (const Node* p = c->next; p != a; p = p->next)
        if (p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 &&
            inside_triangle_except_first(a, b, c, p) && turn(p->prev, p, p->next) <= 0)
            return false;
    return true;
}

// As is_ear, looking only at the nodes whose z-order code lies within that of the triangle's
// bounding box, walking out from the ear in both directions of the z list.
bool EarClipper::is_ear_hashed(const Node* ear) const {
    const Node* a = ear->prev;
    const Node* b = ear;
    const Node* c = ear->next;
    if (turn(a, b, c) <= 0) return false;

    const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
    const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
    const std::uint32_t min_z = z_order(x0, y0);
    const std::uint32_t max_z = z_order(x1, y1);

    auto blocks = [&](const Node* p) {
        return p != a && p != c && p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 &&
               inside_triangle_except_first(a, b, c, p) && turn(p->prev, p, p->next) <= 0;
    };
    const Node* p = ear->prev_z;
    const Node* n = ear->next_z;
    while (p && p->z >= min_z && n && n->z <= max_z) {
        if (blocks(p)) return false;
        p = p->prev_z;
        if (blocks(n)) return false;
        n = n->next_z;
    }
    for (; p && p->z >= min_z; p = p->prev_z)
        if (blocks(p)) return false;
    for (; n && n->z <= max_z; n = n->next_z)
        if (blocks(n)) return false;
    return true;
}

// Where two edges one apart cross (a-p and p.next-b), the triangle a, p, b is cut off and the
// crossing's two nodes removed: the fix for the small loops real rings carry.
Node* EarClipper::cure_local_intersections(Node* start) {
    Node* p = start;
    do {
        Node* a = p->prev;
        Node* b = p->next->next;
        if (!same_point(a, b) && segments_intersect(a, p, p->next, b) && locally_inside(a, b) &&
            locally_inside(b, a)) {
            emit(a, p, b);
            unlink(p);
            unlink(p->next);
            p = start = b;
        }
        p = p->next;
    } while (p != start);
    return filter_points(p, nullptr);
}

void EarClipper::split_and_clip(Node* start) {
    Node* a = start;
    do {
        for (Node* b = a->next->next; b != a->prev; b = b->next) {
            if (a->vertex != b->vertex && is_valid_diagonal(a, b)) {
                Node* c = split_ring(a, b);
                a = filter_points(a, a->next);
                c = filter_points(c, c->next);
                clip(a, 0);
                clip(c, 0);
                return;
            }
        }
        a = a->next;
    } while (a != start);
    // No diagonal: what is left of this ring is too broken to fill.
}

std::uint32_t EarClipper::z_order(double x, double y) const {
    // Clamped so that the code stays monotone in x and y even for a hole outside the bounds.
    auto cell = [&](double v, double min) {
        const double c = (v - min) * cells_per_m_;
        return static_cast<std::uint32_t>(std::clamp(c, 0.0, 32767.0));
    };
    return spread_bits(cell(x, min_x_)) | (spread_bits(cell(y, min_y_)) << 1);
}

void EarClipper::index_curve(Node* start) {
    z_scratch_.clear();
    Node* p = start;
    do {
        z_scratch_.push_back(p);
        p = p->next;
    } while (p != start);
    std::stable_sort(z_scratch_.begin(), z_scratch_.end(),
                     [](const Node* l, const Node* r) { return l->z < r->z; });
    for (std::size_t i = 0; i < z_scratch_.size(); ++i) {
        z_scratch_[i]->prev_z = i > 0 ? z_scratch_[i - 1] : nullptr;
        z_scratch_[i]->next_z = i + 1 < z_scratch_.size() ? z_scratch_[i + 1] : nullptr;
    }
}

void EarClipper::emit(const Node* a, const Node* b, const Node* c) {
    const double t = turn(a, b, c);
    if (t == 0) return;  // only the fallbacks make these; they cover nothing
    if (t < 0) std::swap(b, c);
    indices_.push_back(a->vertex);
    indices_.push_back(b->vertex);
    indices_.push_back(c->vertex);
}

void EarClipper::run(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& rings) {
    if (rings.empty()) return;
    // earcut hashes only rings of more than 80 points: below that the plain scan is faster.
    std::uint32_t count = 0;
    Envelope bounds;
    for (const auto& [begin, end] : rings) {
        count += end - begin;
        for (std::uint32_t i = begin; i < end; ++i) bounds.expand(vertices_[i]);
    }
    const double size_m = std::max(bounds.width(), bounds.height());
    if (count > 80 && size_m > 0 && std::isfinite(size_m)) {
        hashed_ = true;
        min_x_ = bounds.min_x;
        min_y_ = bounds.min_y;
        cells_per_m_ = 32767 / size_m;
    }

    Node* outer = linked_ring(rings[0].first, rings[0].second, true);
    if (!outer || outer->next == outer->prev) return;
    if (rings.size() > 1) outer = eliminate_holes(rings, outer);
    clip(outer, 0);
}

// Appends one ring without its closing point; returns its [begin, end) range.
std::pair<std::uint32_t, std::uint32_t> append_ring(const Ring& ring, std::vector<XY>& vertices) {
    const auto begin = static_cast<std::uint32_t>(vertices.size());
    std::size_t n = ring.size();
    if (n > 1 && ring.front() == ring.back()) --n;
    vertices.insert(vertices.end(), ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(n));
    return {begin, static_cast<std::uint32_t>(vertices.size())};
}

void triangulate_into(const Polygon& polygon, Triangulation& out) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> rings;
    rings.push_back(append_ring(polygon.outer, out.vertices));
    for (const Ring& hole : polygon.holes) rings.push_back(append_ring(hole, out.vertices));
    EarClipper(out.vertices, out.indices).run(rings);
}

}  // namespace

Triangulation triangulate(const Polygon& polygon) {
    Triangulation out;
    triangulate_into(polygon, out);
    return out;
}

Triangulation triangulate(const MultiPolygon& polygons) {
    Triangulation out;
    for (const Polygon& polygon : polygons) triangulate_into(polygon, out);
    return out;
}

double triangulated_area_m2(const Triangulation& t) {
    double twice = 0;
    for (std::size_t k = 0; k + 2 < t.indices.size(); k += 3) {
        const XY& a = t.vertices[t.indices[k]];
        const XY& b = t.vertices[t.indices[k + 1]];
        const XY& c = t.vertices[t.indices[k + 2]];
        twice += std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
    }
    return twice / 2;
}

}  // namespace geo
