// patrolmap bench-match [--extract FILE] [--points 100000] [--seconds 1000] [--sigma 10] [--seed 1]
//                       [--threads 1]
// Map matching at city scale: imports an OSM extract's roads (Andorra by default), drives
// simulated patrol cars over its largest strong piece (a random walk that avoids U-turns, at each
// road's speed, one fix a second for `seconds` per track) with GPS noise (a first-order
// autoregressive error, sigma metres, correlation 0.8 from one second to the next, as a phone's
// error drifts rather than jumps), and matches them with geo::MapMatcher. Prints fixes per
// second, the agreement of the matched streets with the driven ones (recall and precision, by
// distance), and the share of fixes put on the right street next to nearest-street snapping of
// the same fixes in the same run (the reference: what the matcher buys over snapping).
// A benchmark (numbers and ratios), not a test: tests/tracks/map_match_test.cpp is the test.
#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "app/cli/bench_roads.h"
#include "app/cli/commands.h"
#include "geo/network/components.h"
#include "geo/tracks/map_match.h"
#include "geo/tracks/path_agreement.h"
#include "geo/util/error.h"

namespace cli {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct SimulatedTrack {
    std::vector<geo::TrackPoint> fixes;
    std::vector<int> true_edge;          // per fix, the edge the car was on
    std::vector<geo::EdgeSpan> driven;   // the truth, in travel order
};

// Box-Muller from the generator's raw bits: the same numbers on every standard library.
double normal(std::mt19937_64& rng) {
    const double u1 = (static_cast<double>(rng() >> 11) + 0.5) / 9007199254740992.0;
    const double u2 = static_cast<double>(rng() >> 11) / 9007199254740992.0;
    return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
}

SimulatedTrack drive(const geo::RoadGraph& graph, const std::vector<int>& piece_nodes, const std::vector<int>& component,
                     int seconds, double sigma, std::mt19937_64& rng) {
    const auto& adj = graph.adjacency(geo::Profile::driving);
    SimulatedTrack out;
    int node = piece_nodes[rng() % piece_nodes.size()];
    int came_by = -1;
    double t_arc_start = 0;
    const double rho = 0.8, innovation = sigma * std::sqrt(1 - rho * rho);
    double ex = sigma * normal(rng), ey = sigma * normal(rng);
    int next_fix = 0;
    while (next_fix < seconds) {
        // Leave by a random arc staying in the piece, not straight back unless it is a dead end.
        std::vector<std::uint32_t> choices;
        const auto u = static_cast<std::size_t>(node);
        for (std::uint32_t i = adj.offsets[u]; i < adj.offsets[u + 1]; ++i)
            if (component[static_cast<std::size_t>(adj.arcs[i].head)] == 0 && adj.arcs[i].edge != came_by) choices.push_back(i);
        if (choices.empty())
            for (std::uint32_t i = adj.offsets[u]; i < adj.offsets[u + 1]; ++i)
                if (component[static_cast<std::size_t>(adj.arcs[i].head)] == 0) choices.push_back(i);
        if (choices.empty()) break;
        const geo::Arc& arc = adj.arcs[choices[rng() % choices.size()]];
        const geo::GraphEdge& e = graph.edges()[static_cast<std::size_t>(arc.edge)];
        const double t_arc_end = t_arc_start + arc.time_s;
        double last_offset = arc.forward ? 0 : e.length_m;
        for (; next_fix < t_arc_end && next_fix < seconds; ++next_fix) {
            const double along = (next_fix - t_arc_start) / arc.time_s * e.length_m;
            const double offset = arc.forward ? along : e.length_m - along;
            // Walk the line to the offset.
            geo::XY at = e.line.front();
            double run = 0;
            for (std::size_t k = 0; k + 1 < e.line.size(); ++k) {
                const double seg = std::hypot(e.line[k + 1].x - e.line[k].x, e.line[k + 1].y - e.line[k].y);
                if (run + seg >= offset || k + 2 == e.line.size()) {
                    const double f = seg > 0 ? std::clamp((offset - run) / seg, 0.0, 1.0) : 0.0;
                    at = {e.line[k].x + f * (e.line[k + 1].x - e.line[k].x), e.line[k].y + f * (e.line[k + 1].y - e.line[k].y)};
                    break;
                }
                run += seg;
            }
            ex = rho * ex + innovation * normal(rng);
            ey = rho * ey + innovation * normal(rng);
            out.fixes.push_back({{at.x + ex, at.y + ey}, geo::Timestamp(std::chrono::seconds(1623715200 + next_fix))});
            out.true_edge.push_back(arc.edge);
            last_offset = offset;
        }
        const bool partial = next_fix >= seconds && next_fix < t_arc_end;  // the track ends partway along
        out.driven.push_back({arc.edge, arc.forward ? 0 : e.length_m, partial ? last_offset : (arc.forward ? e.length_m : 0)});
        t_arc_start = t_arc_end;
        came_by = arc.edge;
        node = arc.head;
    }
    return out;
}

struct Tally {
    std::size_t fixes = 0, on_true_edge = 0, chains = 0, unmatched = 0;
    geo::PathAgreement agreement;
    void add(const Tally& o) {
        fixes += o.fixes;
        on_true_edge += o.on_true_edge;
        chains += o.chains;
        unmatched += o.unmatched;
        agreement.truth_m += o.agreement.truth_m;
        agreement.matched_m += o.agreement.matched_m;
        agreement.common_m += o.agreement.common_m;
    }
};

}  // namespace

void add_bench_match_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("bench-match", "Time map matching of simulated 1 Hz patrol-car tracks on a real OSM road network");
    struct Args {
        std::string extract = "data/external/roads/andorra.osm.pbf";
        std::size_t points = 100000;
        int seconds = 1000;
        double sigma = 10;
        std::uint64_t seed = 1;
        unsigned threads = 1;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("--extract", a->extract, "OSM extract (.osm.pbf)")->capture_default_str();
    cmd->add_option("--points", a->points, "Fixes in all (1 Hz)")->capture_default_str();
    cmd->add_option("--seconds", a->seconds, "Length of each track in seconds (fixes)")->capture_default_str()->check(CLI::Range(10, 86400));
    cmd->add_option("--sigma", a->sigma, "GPS error, metres")->capture_default_str();
    cmd->add_option("--seed", a->seed, "Seed of the simulated drives")->capture_default_str();
    cmd->add_option("--threads", a->threads, "Matching threads (one matcher each)")->capture_default_str()->check(CLI::Range(1u, 64u));
    cmd->callback([cmd, a, &action] {
        action = [a] {
            const ImportedRoads roads = import_osm_roads(a->extract, "bench-match");
            const geo::RoadGraph graph = geo::build_road_graph(roads.district.roads);
            const geo::Components pieces = geo::strong_components(graph, geo::Profile::driving);
            std::vector<int> piece;
            for (int v = 0; v < graph.node_count(); ++v)
                if (pieces.component_of_node[static_cast<std::size_t>(v)] == 0) piece.push_back(v);
            if (piece.size() < 2) throw geo::BadInput(a->extract + ": no drivable network");
            std::cout << fmt::format("{}: {} roads, {} nodes, {} edges; largest strong piece {} nodes (import {:.1f} s)\n",
                                     a->extract, roads.district.roads.size(), graph.node_count(), graph.edges().size(), piece.size(),
                                     roads.import_s);

            std::mt19937_64 rng(a->seed);
            std::vector<SimulatedTrack> tracks;
            std::size_t total = 0;
            while (total < a->points) {
                tracks.push_back(drive(graph, piece, pieces.component_of_node, a->seconds, a->sigma, rng));
                total += tracks.back().fixes.size();
            }
            std::cout << fmt::format("simulated {} tracks, {} fixes at 1 Hz, GPS error sigma {} m (correlated 0.8 s to s)\n", tracks.size(),
                                     total, a->sigma);

            // The reference: nearest-street snapping of every fix.
            const geo::Snapper snapper(graph, geo::Profile::driving);
            std::size_t nearest_right = 0;
            const auto t_snap = Clock::now();
            for (const auto& t : tracks)
                for (std::size_t k = 0; k < t.fixes.size(); ++k) nearest_right += snapper.snap(t.fixes[k].at).edge == t.true_edge[k];
            const double snap_s = seconds_since(t_snap);

            std::vector<geo::TrackMatch> matches(tracks.size());
            const auto t_match = Clock::now();
            const std::clock_t cpu_start = std::clock();
            {
                std::vector<std::jthread> workers;
                for (unsigned w = 0; w < a->threads; ++w)
                    workers.emplace_back([&, w] {
                        geo::MapMatcher matcher(graph, geo::Profile::driving, geo::MatchOptions{.sigma_m = a->sigma});
                        for (std::size_t i = w; i < tracks.size(); i += a->threads) matches[i] = matcher.match(tracks[i].fixes);
                    });
            }
            const double match_s = seconds_since(t_match);
            const double cpu_s = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;

            Tally all;  // checked after the clock stopped
            for (std::size_t i = 0; i < tracks.size(); ++i) {
                const geo::TrackMatch& m = matches[i];
                Tally t;
                t.fixes = tracks[i].fixes.size();
                for (std::size_t k = 0; k < t.fixes; ++k) t.on_true_edge += m.fixes[k].edge == tracks[i].true_edge[k];
                std::vector<geo::EdgeSpan> matched;
                for (const auto& c : m.chains) matched.insert(matched.end(), c.begin(), c.end());
                t.agreement = geo::path_agreement(tracks[i].driven, matched);
                t.chains = m.chains.size();
                t.unmatched = m.unmatched;
                all.add(t);
            }

            const double n = static_cast<double>(all.fixes);
            std::cout << fmt::format("\n{:<26} {:>10} {:>12} {:>16}\n", "", "seconds", "fixes/s", "on true street");
            std::cout << fmt::format("{:<26} {:>10.3f} {:>12.0f} {:>15.1f}%\n", "nearest-street snapping", snap_s, n / snap_s,
                                     100.0 * static_cast<double>(nearest_right) / n);
            std::cout << fmt::format("{:<26} {:>10.3f} {:>12.0f} {:>15.1f}%   ({} thread{}, CPU {:.3f} s)\n", "HMM map matching", match_s,
                                     n / match_s, 100.0 * static_cast<double>(all.on_true_edge) / n, a->threads, a->threads > 1 ? "s" : "",
                                     cpu_s);
            std::cout << fmt::format("\nmatching costs {:.1f}x snapping's time; wrong streets {:.1f}% -> {:.1f}%\n", match_s / snap_s,
                                     100.0 - 100.0 * static_cast<double>(nearest_right) / n,
                                     100.0 - 100.0 * static_cast<double>(all.on_true_edge) / n);
            std::cout << fmt::format("streets driven {:.1f} km; matched {:.1f} km; recall {:.2f}% precision {:.2f}%; {} chains, {} fixes unmatched\n",
                                     all.agreement.truth_m / 1000, all.agreement.matched_m / 1000, 100 * all.agreement.recall(),
                                     100 * all.agreement.precision(), all.chains, all.unmatched);
            return 0;
        };
    });
}

}  // namespace cli
