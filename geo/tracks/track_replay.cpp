#include "geo/tracks/track_replay.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/network/edge_geometry.h"

namespace geo {
namespace {

double distance_m(const XY& a, const XY& b) { return std::hypot(b.x - a.x, b.y - a.y); }

XY lerp(const XY& a, const XY& b, double f) { return {a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f}; }

// The point at `time_s` of a polyline whose vertex k is at times[k] (never decreasing).
template <class PointAt>
XY at_time(std::size_t n, const std::vector<double>& times, double time_s, PointAt point) {
    const auto after = std::upper_bound(times.begin(), times.end(), time_s);
    const auto i = static_cast<std::size_t>(after - times.begin());
    if (i == 0) return point(0);
    if (i == n) return point(n - 1);
    const double t0 = times[i - 1], t1 = times[i];
    return lerp(point(i - 1), point(i), t1 > t0 ? (time_s - t0) / (t1 - t0) : 1.0);
}

// A stretch's line with the distance along it of every vertex.
struct MeasuredLine {
    LineString points;
    std::vector<double> along_m;
    std::vector<double> span_from_m, span_length_m;  // per span: where it starts along the line, its length

    XY point_at(double m) const {
        const auto after = std::upper_bound(along_m.begin(), along_m.end(), m);
        const auto i = static_cast<std::size_t>(after - along_m.begin());
        if (i == 0) return points.front();
        if (i == points.size()) return points.back();
        const double a0 = along_m[i - 1], a1 = along_m[i];
        return lerp(points[i - 1], points[i], a1 > a0 ? (m - a0) / (a1 - a0) : 1.0);
    }
};

MeasuredLine measure(const RoadGraph& graph, const std::vector<EdgeSpan>& spans) {
    MeasuredLine out;
    double along = 0;
    for (const EdgeSpan& s : spans) {
        const LineString piece = sub_line(graph.edges()[static_cast<std::size_t>(s.edge)].line, s.from_m, s.to_m);
        if (!out.points.empty() && !(piece.front() == out.points.back())) along += distance_m(out.points.back(), piece.front());
        out.span_from_m.push_back(along);
        for (std::size_t k = 0; k < piece.size(); ++k) {
            if (k > 0) along += distance_m(piece[k - 1], piece[k]);
            if (!out.points.empty() && out.points.back() == piece[k]) continue;
            out.points.push_back(piece[k]);
            out.along_m.push_back(along);
        }
        out.span_length_m.push_back(along - out.span_from_m.back());
    }
    return out;
}

struct Anchor {
    double along_m;
    double time_s;
};

// The stretch's fixes placed along it, in time order, never going back. A fix is looked for on
// the spans from the previous fix's onwards, no further ahead than the matcher searched for a
// route between the two fixes; a fix a little behind the previous one (GPS noise while standing)
// stays at the previous place, one further behind belongs to a later pass along the street (out
// to a dead end and back). A fix on no span (its jitter cleaned away) is left out.
std::vector<Anchor> anchors_of(const TrackMatch& match, const std::vector<TrackPoint>& points, int chain,
                               const MeasuredLine& line, const MatchOptions& options) {
    const std::vector<EdgeSpan>& spans = match.chains[static_cast<std::size_t>(chain)];
    const double tolerance_m = options.turn_back_m;
    std::vector<Anchor> out;
    std::size_t span = 0;
    std::size_t previous = points.size();
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (match.fix_chain[i] != chain) continue;
        const SnappedPoint& snapped = match.fixes[i];
        double reach_m = std::numeric_limits<double>::infinity();
        if (previous < points.size())
            reach_m = distance_m(points[previous].at, points[i].at) * options.route_factor + options.route_slack_m + 2 * options.radius_m;
        const double last_m = out.empty() ? 0 : out.back().along_m;
        for (std::size_t j = span; j < spans.size(); ++j) {
            if (!out.empty() && line.span_from_m[j] > last_m + reach_m) break;
            const EdgeSpan& s = spans[j];
            if (s.edge != snapped.edge) continue;
            const double lo = std::min(s.from_m, s.to_m), hi = std::max(s.from_m, s.to_m);
            if (snapped.offset_m < lo - tolerance_m || snapped.offset_m > hi + tolerance_m) continue;
            const double offset = std::clamp(snapped.offset_m, lo, hi);
            const double share = hi > lo ? std::abs(offset - s.from_m) / (hi - lo) : 0.0;
            const double along = line.span_from_m[j] + share * line.span_length_m[j];
            if (!out.empty() && along < last_m - tolerance_m) continue;
            out.push_back({out.empty() ? along : std::max(along, last_m), seconds_of(points[i].time)});
            span = j;
            previous = i;
            break;
        }
    }
    return out;
}

}  // namespace

double seconds_of(Timestamp t) { return static_cast<double>(t.time_since_epoch().count()); }

XY position_at(const std::vector<TrackPoint>& points, double time_s) {
    if (points.empty()) return {0, 0};
    std::vector<double> times;
    times.reserve(points.size());
    for (const TrackPoint& p : points) times.push_back(seconds_of(p.time));
    return at_time(points.size(), times, time_s, [&](std::size_t k) { return points[k].at; });
}

std::vector<TimedLine> timed_chains(const RoadGraph& graph, const TrackMatch& match, const std::vector<TrackPoint>& points,
                                    const MatchOptions& options) {
    std::vector<TimedLine> out;
    for (std::size_t c = 0; c < match.chains.size(); ++c) {
        const MeasuredLine line = measure(graph, match.chains[c]);
        const std::vector<Anchor> anchors = anchors_of(match, points, static_cast<int>(c), line, options);
        TimedLine timed;
        if (anchors.empty() || line.points.size() < 2) {
            out.push_back(std::move(timed));
            continue;
        }
        // A vertex's time: between the anchors either side of it, by distance; before the first
        // or after the last anchor, that anchor's time (the stretch's ends are not timed).
        const auto time_at = [&](double along) {
            const auto after = std::lower_bound(anchors.begin(), anchors.end(), along,
                                                [](const Anchor& a, double m) { return a.along_m < m; });
            if (after == anchors.begin()) return anchors.front().time_s;
            if (after == anchors.end()) return anchors.back().time_s;
            const Anchor& a = *(after - 1);
            const Anchor& b = *after;
            return a.time_s + (b.time_s - a.time_s) * (along - a.along_m) / (b.along_m - a.along_m);
        };
        // The vertices and the anchors merged by distance along the stretch (then by time).
        std::size_t v = 0, a = 0;
        while (v < line.points.size() || a < anchors.size()) {
            const bool vertex = a == anchors.size() || (v < line.points.size() && line.along_m[v] < anchors[a].along_m);
            if (vertex) {
                timed.points.push_back(line.points[v]);
                timed.times_s.push_back(time_at(line.along_m[v]));
                ++v;
            } else {
                timed.points.push_back(line.point_at(anchors[a].along_m));
                timed.times_s.push_back(anchors[a].time_s);
                ++a;
            }
            if (timed.times_s.size() > 1) timed.times_s.back() = std::max(timed.times_s.back(), timed.times_s[timed.times_s.size() - 2]);
        }
        out.push_back(std::move(timed));
    }
    return out;
}

XY position_on(const TimedLine& line, double time_s) {
    if (line.empty()) return {0, 0};
    return at_time(line.points.size(), line.times_s, time_s, [&](std::size_t k) { return line.points[k]; });
}

SplitLine split_at(const TimedLine& line, double time_s) {
    SplitLine out;
    if (line.empty()) return out;
    const XY cut = position_on(line, time_s);
    const auto i = static_cast<std::size_t>(std::upper_bound(line.times_s.begin(), line.times_s.end(), time_s) - line.times_s.begin());
    out.behind.assign(line.points.begin(), line.points.begin() + static_cast<std::ptrdiff_t>(i));
    if (out.behind.empty() || !(out.behind.back() == cut)) out.behind.push_back(cut);
    out.ahead.push_back(cut);
    for (std::size_t k = i; k < line.points.size(); ++k)
        if (!(out.ahead.back() == line.points[k])) out.ahead.push_back(line.points[k]);
    return out;
}

ReplayPosition replay_position(const std::vector<TrackPoint>& points, const std::vector<TimedLine>& chains, double time_s) {
    for (std::size_t c = 0; c < chains.size(); ++c) {
        const TimedLine& line = chains[c];
        if (!line.empty() && line.first_s() <= time_s && time_s <= line.last_s()) return {position_on(line, time_s), true, static_cast<int>(c)};
    }
    return {position_at(points, time_s), false, -1};
}

}  // namespace geo
