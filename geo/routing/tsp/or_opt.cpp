#include "geo/routing/tsp/or_opt.h"

namespace geo::tsp {
namespace {

struct Segment {
    int p, s1, s2, nx;  // ... p [s1 .. s2] nx ... in the direction `forward`
    int length;
};

// Moves [s1 .. s2] between x and y (y after x, same direction), reversed or not, as 2 or 3
// 2-opt exchanges:  p [s1..s2] nx .. x y  ->  p nx .. x [s2..s1] y  (->  p nx .. x [s1..s2] y).
void apply(MoveContext& m, const Segment& s, int x, int y, bool reversed, double gain) {
    m.tour.make_2opt(s.p, s.s1, x, y);       // p x .. nx s2 .. s1 y
    m.tour.make_2opt(s.p, x, s.nx, s.s2);    // p nx .. x s2 .. s1 y
    if (!reversed && s.length > 1) m.tour.make_2opt(x, s.s2, s.s1, y);  // x s1 .. s2 y
    m.touched(s.p, s.nx, x, y);
    m.touched(s.s1, s.s2, s.s1, s.s2);
    m.length_change -= gain;
}

bool in_segment(const MoveContext& m, const Segment& s, int city, bool forward) {
    for (int c = s.s1;; c = forward ? m.tour.succ(c) : m.tour.pred(c)) {
        if (c == city) return true;
        if (c == s.s2) return false;
    }
}

bool try_segment(MoveContext& m, const Segment& s, bool forward) {
    const double removal_gain = m.dist(s.p, s.s1) + m.dist(s.s2, s.nx) - m.dist(s.p, s.nx);
    if (removal_gain <= gain_epsilon) return false;
    auto next = [&](int c) { return forward ? m.tour.succ(c) : m.tour.pred(c); };
    auto prev = [&](int c) { return forward ? m.tour.pred(c) : m.tour.succ(c); };
    for (const int end : {s.s1, s.s2}) {
        for (const int* it = m.neighbours.begin(end); it != m.neighbours.end(end); ++it) {
            const int c = *it;
            if (m.dist(end, c) >= removal_gain) break;
            for (const int x : {c, prev(c)}) {
                const int y = next(x);
                if (x == s.nx || y == s.p || in_segment(m, s, x, forward) || in_segment(m, s, y, forward)) continue;
                const double kept = removal_gain + m.dist(x, y) - m.dist(x, s.s1) - m.dist(s.s2, y);
                const double reversed = removal_gain + m.dist(x, y) - m.dist(x, s.s2) - m.dist(s.s1, y);
                if (kept > gain_epsilon && kept >= reversed) {
                    apply(m, s, x, y, false, kept);
                    return true;
                }
                if (reversed > gain_epsilon) {
                    apply(m, s, x, y, true, reversed);
                    return true;
                }
            }
        }
    }
    return false;
}

}  // namespace

bool or_opt_from(MoveContext& m, int t1) {
    const int n = m.tour.size();
    for (const bool forward : {true, false}) {
        Segment s{forward ? m.tour.pred(t1) : m.tour.succ(t1), t1, t1, 0, 1};
        for (; s.length <= or_opt_max_segment && s.length + 3 <= n; ++s.length) {
            if (s.length > 1) s.s2 = forward ? m.tour.succ(s.s2) : m.tour.pred(s.s2);
            s.nx = forward ? m.tour.succ(s.s2) : m.tour.pred(s.s2);
            if (try_segment(m, s, forward)) return true;
        }
    }
    return false;
}

}  // namespace geo::tsp
