#include "geo/tracks/map_match.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/network/edge_geometry.h"

namespace geo {
namespace {

constexpr double minus_inf = -std::numeric_limits<double>::infinity();

double seconds_between(const TrackPoint& a, const TrackPoint& b) {
    return static_cast<double>((b.time - a.time).count());
}

double straight_m(const XY& a, const XY& b) { return std::hypot(b.x - a.x, b.y - a.y); }

// One step of the trellis: a fix with candidates, their best scores and back-pointers.
struct Step {
    std::size_t fix = 0;
    std::vector<SnappedPoint> candidates;
    std::vector<double> score;  // best log-probability of a path ending here
    std::vector<int> back;      // candidate of the previous step on that path; -1 at a chain start
    double limit_m = 0;         // the longest route looked for from the previous step
};

// The spans walked between consecutive fixes, cleaned of GPS noise. Each stay on one edge (the
// consecutive spans on it) is a sequence of offsets: where it came onto the edge, then where
// each span ended. Noise makes the offsets jitter back and forth; a turn back counts only once
// the offsets have gone `turn_back_m` back from the furthest point reached (a zigzag filter), so
// the end of a dead end or a U-turn stays, and a stay that leaves the edge where it came on
// within less than that (a fix a few metres into a side street at a corner) goes.
std::vector<EdgeSpan> clean_spans(const std::vector<EdgeSpan>& pieces, double turn_back_m) {
    std::vector<EdgeSpan> out;
    std::size_t i = 0;
    while (i < pieces.size()) {
        const int edge = pieces[i].edge;
        double start = pieces[i].from_m, extreme = start;
        int direction = 0;  // +1 along the edge, -1 back, 0 not yet known
        double last = start;
        for (; i < pieces.size() && pieces[i].edge == edge; ++i) {
            last = pieces[i].to_m;
            if (direction == 0) {
                if (std::abs(last - start) >= turn_back_m) direction = last > start ? 1 : -1, extreme = last;
            } else if ((last - extreme) * direction > 0) {
                extreme = last;
            } else if ((extreme - last) * direction >= turn_back_m) {
                out.push_back({edge, start, extreme});
                start = extreme;
                extreme = last;
                direction = -direction;
            }
        }
        if (last != start) out.push_back({edge, start, last});
    }
    return out;
}

}  // namespace

double TrackMatch::matched_length_m() const {
    double total = 0;
    for (const auto& chain : chains)
        for (const EdgeSpan& s : chain) total += s.length_m();
    return total;
}

Profile profile_for(TrackMode mode) { return mode == TrackMode::driving ? Profile::driving : Profile::walking; }

MapMatcher::MapMatcher(const RoadGraph& graph, Profile profile, MatchOptions options)
    : graph_(graph), options_(options), snapper_(graph, profile), search_(graph, profile, options.backward_tolerance_m) {}

TrackMatch MapMatcher::match(const std::vector<TrackPoint>& points) {
    TrackMatch out;
    out.fixes.assign(points.size(), SnappedPoint{});
    out.fix_chain.assign(points.size(), -1);
    const double emission_scale = 0.5 / (options_.sigma_m * options_.sigma_m);

    std::vector<Step> chain;   // the stretch being matched
    std::vector<int> wanted;   // end nodes of the next step's candidate edges
    // Backtracks the chain from its best last state, records the fixes and the spans walked.
    const auto close_chain = [&]() {
        if (chain.empty()) return;
        std::vector<int> pick(chain.size(), -1);
        const Step& last = chain.back();
        pick.back() = static_cast<int>(std::max_element(last.score.begin(), last.score.end()) - last.score.begin());
        for (std::size_t k = chain.size() - 1; k > 0; --k) pick[k - 1] = chain[k].back[static_cast<std::size_t>(pick[k])];
        std::vector<EdgeSpan> pieces;
        for (std::size_t k = 0; k < chain.size(); ++k) {
            const SnappedPoint& here = chain[k].candidates[static_cast<std::size_t>(pick[k])];
            out.fixes[chain[k].fix] = here;
            out.fix_chain[chain[k].fix] = static_cast<int>(out.chains.size());
            if (k == 0) continue;
            const SnappedPoint& before = chain[k - 1].candidates[static_cast<std::size_t>(pick[k - 1])];
            const GraphEdge& e = graph_.edges()[static_cast<std::size_t>(here.edge)];
            search_.run(before, {e.from, e.to}, chain[k].limit_m);
            for (const auto& s : search_.spans_to(here)) pieces.push_back({s.edge, s.from_m, s.to_m});
        }
        std::vector<EdgeSpan> spans = clean_spans(pieces, options_.turn_back_m);
        out.chains.push_back(std::move(spans));
        chain.clear();
    };

    for (std::size_t i = 0; i < points.size(); ++i) {
        Step step;
        step.fix = i;
        step.candidates = snapper_.candidates(points[i].at, options_.radius_m, options_.max_candidates);
        if (step.candidates.empty()) {
            ++out.unmatched;
            continue;
        }
        const std::size_t n = step.candidates.size();
        step.score.assign(n, minus_inf);
        step.back.assign(n, -1);
        bool joined = false;
        if (!chain.empty()) {
            const Step& prev = chain.back();
            const double gap_s = seconds_between(points[prev.fix], points[i]);
            if (gap_s <= options_.max_gap_s) {
                const double straight = straight_m(points[prev.fix].at, points[i].at);
                const double limit = straight * options_.route_factor + options_.route_slack_m + 2 * options_.radius_m;
                step.limit_m = limit;
                wanted.clear();
                for (const SnappedPoint& c : step.candidates) {
                    const GraphEdge& e = graph_.edges()[static_cast<std::size_t>(c.edge)];
                    wanted.push_back(e.from);
                    wanted.push_back(e.to);
                }
                std::sort(wanted.begin(), wanted.end());
                wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
                for (std::size_t a = 0; a < prev.candidates.size(); ++a) {
                    if (prev.score[a] == minus_inf) continue;
                    search_.run(prev.candidates[a], wanted, limit);
                    for (std::size_t b = 0; b < n; ++b) {
                        const double route = search_.distance_to(step.candidates[b]);
                        if (!std::isfinite(route) || route > limit) continue;
                        const double s = prev.score[a] - std::abs(route - straight) / options_.beta_m;
                        if (s > step.score[b]) {
                            step.score[b] = s;
                            step.back[b] = static_cast<int>(a);
                        }
                    }
                }
                joined = std::any_of(step.score.begin(), step.score.end(), [](double s) { return s > minus_inf; });
            }
        }
        if (!joined) {
            close_chain();
            std::fill(step.score.begin(), step.score.end(), 0.0);
        }
        for (std::size_t b = 0; b < n; ++b)
            if (step.score[b] > minus_inf) step.score[b] -= emission_scale * step.candidates[b].distance_m * step.candidates[b].distance_m;
        // Keep the scores near zero so long chains do not lose precision.
        const double top = *std::max_element(step.score.begin(), step.score.end());
        for (double& s : step.score)
            if (s > minus_inf) s -= top;
        chain.push_back(std::move(step));
    }
    close_chain();
    return out;
}

LineString chain_line(const RoadGraph& graph, const std::vector<EdgeSpan>& spans) {
    LineString line;
    for (const EdgeSpan& s : spans) append_path(line, sub_line(graph.edges()[static_cast<std::size_t>(s.edge)].line, s.from_m, s.to_m));
    return line;
}

}  // namespace geo
