#include "geo/routing/tsp/lin_kernighan.h"

#include <algorithm>
#include <array>
#include <vector>

namespace geo::tsp {
namespace {

constexpr std::array<int, 3> breadth_by_level = {5, 3, 1};

struct Exchange {
    int a, b, c, d;  // make_2opt(a, b, c, d) was applied: edges (a, c) and (b, d) added
};

class Chain {
public:
    Chain(MoveContext& m, int t1) : m_(m), t1_(t1) {}

    bool run() {
        for (const int t2 : {m_.tour.succ(t1_), m_.tour.pred(t1_)}) {
            best_gain_ = 0;
            best_steps_ = 0;
            if (step(0, t2, m_.dist(t1_, t2))) {
                while (log_.size() > best_steps_) undo_last();
                for (const Exchange& e : log_) m_.touched(e.a, e.b, e.c, e.d);
                m_.length_change -= best_gain_;
                return true;
            }
        }
        return false;
    }

private:
    struct Candidate {
        int t3, t4;
        double priority;  // d(t3, t4) - d(t2, t3): what breaking and adding trades
    };

    bool added_in_chain(int a, int b) const {
        for (const auto& [x, y] : added_)
            if ((x == a && y == b) || (x == b && y == a)) return true;
        return false;
    }

    // t2 is t1's tour neighbour whose edge the chain breaks next; `gain` is the sum of the
    // broken minus the added edges so far, counting (t1, t2) as broken.
    bool step(int depth, int t2, double gain) {
        const bool forward = m_.tour.succ(t1_) == t2;
        std::array<Candidate, 16> found{};
        int count = 0;
        for (const int* it = m_.neighbours.begin(t2); it != m_.neighbours.end(t2); ++it) {
            const int t3 = *it;
            const double added = m_.dist(t2, t3);
            if (gain - added <= gain_epsilon) break;  // candidates are sorted by distance
            if (t3 == t1_ || m_.tour.adjacent(t2, t3)) continue;
            const int t4 = forward ? m_.tour.pred(t3) : m_.tour.succ(t3);
            if (added_in_chain(t3, t4)) continue;
            if (count < static_cast<int>(found.size())) found[static_cast<std::size_t>(count++)] = {t3, t4, m_.dist(t3, t4) - added};
        }
        std::sort(found.begin(), found.begin() + count,
                  [](const Candidate& a, const Candidate& b) { return a.priority > b.priority; });
        const int breadth = depth < static_cast<int>(breadth_by_level.size())
                                ? breadth_by_level[static_cast<std::size_t>(depth)] : 1;
        for (int i = 0; i < std::min(count, breadth); ++i) {
            const auto [t3, t4, priority] = found[static_cast<std::size_t>(i)];
            m_.tour.make_2opt(t1_, t2, t4, t3);  // adds (t1, t4) and (t2, t3)
            log_.push_back({t1_, t2, t4, t3});
            added_.push_back({t2, t3});
            const double open_gain = gain + priority;
            const double closed_gain = open_gain - m_.dist(t4, t1_);
            if (closed_gain > best_gain_ + gain_epsilon) {
                best_gain_ = closed_gain;
                best_steps_ = log_.size();
            }
            if (depth + 1 < lk_max_depth) step(depth + 1, t4, open_gain);
            if (best_gain_ > gain_epsilon) return true;
            undo_last();
        }
        return false;
    }

    void undo_last() {
        const Exchange e = log_.back();
        log_.pop_back();
        added_.pop_back();
        // Now ... a c ... b d ... : breaking (a, c) and (b, d) restores (a, b) and (c, d).
        m_.tour.make_2opt(e.a, e.c, e.b, e.d);
    }

    MoveContext& m_;
    int t1_;
    double best_gain_ = 0;
    std::size_t best_steps_ = 0;
    std::vector<Exchange> log_;
    std::vector<std::pair<int, int>> added_;
};

}  // namespace

bool lin_kernighan_from(MoveContext& m, int t1) {
    if (m.tour.size() < 5) return false;
    return Chain(m, t1).run();
}

}  // namespace geo::tsp
