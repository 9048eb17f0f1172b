#include "data/generator/patrol_tracks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "data/generator/random.h"
#include "geo/network/edge_geometry.h"
#include "geo/network/road_graph.h"
#include "geo/network/snap.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/visit_log.h"
#include "geo/planning/visit_priority.h"
#include "geo/planning/week_plan.h"
#include "geo/tracks/hop_search.h"
#include "geo/util/time_parse.h"

namespace sample {
namespace {

using geo::EdgeSpan;
using geo::XY;
using detail::Rng;

constexpr double kWalkMps = 1.3;         // an officer walking between doors, about 4.7 km/h
constexpr double kMovingStepS = 10;      // the phone's logging interval while moving
constexpr double kStillStepS = 60;       // and while still (the logger slows down)
constexpr double kNoiseTimeS = 30;       // GPS error drifts: correlation time of the error

// Where the officer is, as a function of time: positions at instants, straight between them.
struct Trajectory {
    std::vector<double> t;  // seconds after the day's start
    std::vector<XY> at;
    void add(double time, XY p) { t.push_back(time), at.push_back(p); }
    double end() const { return t.back(); }
    void walk_to(XY p) { add(end() + std::hypot(p.x - at.back().x, p.y - at.back().y) / kWalkMps, p); }
    void walk_line(const geo::LineString& line) {
        for (const XY& p : line) walk_to(p);
    }
    void stay(double seconds) { add(end() + seconds, at.back()); }
    XY position(double time, bool& moving) const {
        const auto it = std::upper_bound(t.begin(), t.end(), time);
        if (it == t.begin()) return moving = false, at.front();
        if (it == t.end()) return moving = false, at.back();
        const std::size_t k = static_cast<std::size_t>(it - t.begin());
        const double f = (time - t[k - 1]) / (t[k] - t[k - 1]);
        moving = !(at[k] == at[k - 1]);
        return {at[k - 1].x + f * (at[k].x - at[k - 1].x), at[k - 1].y + f * (at[k].y - at[k - 1].y)};
    }
};

// The spans of the shortest walk between two snapped points (walking: shortest is fastest).
std::vector<EdgeSpan> leg(geo::HopSearch& search, const geo::RoadGraph& graph, const geo::SnappedPoint& from,
                          const geo::SnappedPoint& to) {
    const geo::GraphEdge& e = graph.edges()[static_cast<std::size_t>(to.edge)];
    search.run(from, {e.from, e.to}, std::numeric_limits<double>::infinity());
    std::vector<EdgeSpan> out;
    for (const auto& s : search.spans_to(to)) out.push_back({s.edge, s.from_m, s.to_m});
    return out;
}

void walk_spans(Trajectory& path, const geo::RoadGraph& graph, const std::vector<EdgeSpan>& spans) {
    for (const EdgeSpan& s : spans) path.walk_line(geo::sub_line(graph.edges()[static_cast<std::size_t>(s.edge)].line, s.from_m, s.to_m));
}

// A wrong turn at the first node of a leg: down another street for 60-120 m and back.
std::vector<EdgeSpan> wrong_turn(const geo::RoadGraph& graph, const std::vector<EdgeSpan>& spans, Rng& rng) {
    if (spans.size() < 2) return {};
    const EdgeSpan& first = spans.front();
    const geo::GraphEdge& e = graph.edges()[static_cast<std::size_t>(first.edge)];
    const int node = first.to_m > first.from_m ? e.to : e.from;  // where the first span ends
    const auto& adj = graph.adjacency(geo::Profile::walking);
    std::vector<const geo::Arc*> other;
    for (std::uint32_t i = adj.offsets[static_cast<std::size_t>(node)]; i < adj.offsets[static_cast<std::size_t>(node) + 1]; ++i)
        if (adj.arcs[i].edge != first.edge && adj.arcs[i].edge != spans[1].edge && adj.arcs[i].length_m > 80) other.push_back(&adj.arcs[i]);
    if (other.empty()) return {};
    const geo::Arc& arc = *other[rng.index(other.size())];
    const double length = graph.edges()[static_cast<std::size_t>(arc.edge)].length_m;
    const double go = std::min(length - 5, rng.uniform(60, 120));
    const double from = arc.forward ? 0 : length, turn = arc.forward ? go : length - go;
    return {{arc.edge, from, turn}, {arc.edge, turn, from}};
}

}  // namespace

PatrolWeek simulate_patrol_week(const geo::District& district, std::uint64_t seed) {
    PatrolWeek out;
    const std::string& zone = district.metadata.timezone;
    const auto week = geo::parse_iso_week(kPatrolWeek, zone);
    const geo::RoadGraph graph = geo::build_road_graph(district.roads);
    const geo::Snapper snapper(graph, geo::Profile::walking);
    geo::HopSearch search(graph, geo::Profile::walking);
    const auto priorities = geo::visit_priorities(district, week->from);
    geo::WeekPlanOptions options;
    options.time_budget_s = 0;  // rounds, not seconds: the same plan on every machine
    options.max_rounds = 30;
    options.seed = seed;

    Rng rng(seed, "patrol_tracks");
    std::map<std::string, const geo::Building*> building_by_id;
    for (const geo::Building& b : district.buildings) building_by_id[b.id] = &b;

    for (const geo::Officer& officer : district.officers) {
        const geo::WeekPlan plan = geo::plan_week(district, graph, priorities, officer.id, *week, options);
        geo::issue_week_plan(out.planned, district, plan, officer.id, kPatrolWeek, priorities);
        for (const geo::DayRoute& day : plan.days) {
            if (day.stops.empty()) continue;
            PatrolDayTruth truth;
            truth.track_id = officer.id + "-" + day.date + "-phone";
            // The day's walk: post -> stops -> post, each stop off the road to the door and back.
            Trajectory path;
            std::vector<std::pair<double, double>> stay_seconds;  // of the visits, after 09:00
            path.add(0, day.post);
            const geo::SnappedPoint post = snapper.snap(day.post);
            geo::SnappedPoint at = post;
            path.walk_to(post.point);
            const bool wrong_day = rng.chance(0.08);
            const std::size_t wrong_leg = rng.index(day.stops.size());
            for (std::size_t k = 0; k <= day.stops.size(); ++k) {
                const bool home = k == day.stops.size();
                const XY door = home ? day.post : day.stops[k].location;
                const geo::SnappedPoint next = snapper.snap(door);
                std::vector<EdgeSpan> spans = leg(search, graph, at, next);
                if (wrong_day && k == wrong_leg && !truth.wrong_turn) {
                    const auto detour = wrong_turn(graph, spans, rng);
                    if (!detour.empty()) {
                        spans.insert(spans.begin() + 1, detour.begin(), detour.end());
                        truth.wrong_turn = true;
                    }
                }
                walk_spans(path, graph, spans);
                truth.walked.insert(truth.walked.end(), spans.begin(), spans.end());
                path.walk_to(door);
                if (home) break;
                // Most doors open: a stay of the planned length, give or take; a few do not.
                if (rng.chance(0.06)) {
                    path.stay(rng.uniform(20, 60));
                    truth.knocked.push_back(day.stops[k].building_id);
                } else {
                    const double arrived = path.end();
                    path.stay(std::max(180.0, day.stops[k].service_min * 60 * rng.uniform(0.7, 1.2)));
                    truth.visited.push_back(day.stops[k].building_id);
                    stay_seconds.push_back({arrived, path.end()});
                }
                path.walk_to(next.point);
                at = next;
            }

            // The phone: a fix every 10 s on the move, every minute when still; indoors at a
            // door the signal often drops; now and then it drops on the street too; the error
            // drifts (first-order autoregressive, correlation time 30 s) with a sigma of 10-20 m.
            geo::Track track;
            track.id = truth.track_id;
            track.officer_id = officer.id;
            track.source = "sample";
            track.mode = geo::TrackMode::walking;
            const auto [y, m, d] = std::tuple{std::stoi(day.date.substr(0, 4)), std::stoi(day.date.substr(5, 2)), std::stoi(day.date.substr(8, 2))};
            const geo::Timestamp start = geo::from_local_fields(y, m, d, 9, 0, 0, zone);
            const double sigma = rng.uniform(10, 20);
            double ex = rng.normal(0, sigma), ey = rng.normal(0, sigma), last_t = 0, gap_until = -1;
            for (double t = 0; t <= path.end();) {
                bool moving = false;
                const XY p = path.position(t, moving);
                if (t >= gap_until) {
                    if (!moving && rng.chance(0.15)) gap_until = t + rng.uniform(120, 480);       // indoors
                    else if (moving && rng.chance(0.004)) gap_until = t + rng.uniform(30, 90);   // an underpass
                }
                if (t >= gap_until || t == 0) {
                    const double rho = std::exp(-(t - last_t) / kNoiseTimeS), keep = std::sqrt(1 - rho * rho);
                    ex = rho * ex + keep * rng.normal(0, sigma);
                    ey = rho * ey + keep * rng.normal(0, sigma);
                    last_t = t;
                    track.points.push_back({{std::round((p.x + ex) * 100) / 100, std::round((p.y + ey) * 100) / 100},
                                            start + std::chrono::seconds(static_cast<std::int64_t>(t))});
                }
                t += moving ? kMovingStepS : kStillStepS;
            }
            for (std::size_t v = 0; v < truth.visited.size(); ++v) {
                const auto at = [&](double s) { return start + std::chrono::seconds(static_cast<std::int64_t>(s)); };
                PatrolStay stay{truth.visited[v], at(stay_seconds[v].first), at(stay_seconds[v].second), 0};
                for (const auto& f : track.points) stay.fixes += f.time >= stay.start && f.time <= stay.end;
                truth.stays.push_back(stay);
            }
            out.tracks.push_back(std::move(track));
            out.truth.push_back(std::move(truth));
        }
    }
    return out;
}

}  // namespace sample
