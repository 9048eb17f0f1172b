// patrolmap bench-matrix [--osm FILE] [--size 500] [--profile driving|walking] [--threads N]:
// imports an OSM extract's roads into a temporary workspace, builds the road graph, snaps
// `size` deterministic random points onto it and times the size x size travel-time matrix
// (one Dijkstra per source, both cores) against a plain single-thread Dijkstra, which also checks
// every entry.
// A benchmark (numbers and ratios), not a test.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <queue>
#include <random>
#include <unistd.h>

#include <fmt/format.h>

#include "app/cli/bench_roads.h"
#include "app/cli/commands.h"
#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/network/components.h"
#include "geo/network/edge_geometry.h"
#include "geo/network/road_graph.h"
#include "geo/network/shortest_path.h"
#include "geo/network/snap.h"
#include "geo/util/error.h"

namespace cli {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The reference: textbook Dijkstra over the CSR from one snapped point to every node, no early
// stop, then the cost to each target point from its edge ends.
std::vector<double> reference_row(const geo::RoadGraph& g, geo::Profile profile, const geo::SnappedPoint& from,
                                  const std::vector<geo::SnappedPoint>& targets) {
    const auto& adj = g.adjacency(profile);
    const double inf = geo::unreachable_time_s;
    std::vector<double> time(static_cast<std::size_t>(g.node_count()), inf);
    using Entry = std::pair<double, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    auto part = [&](const geo::SnappedPoint& p, bool forward, bool leaving) {
        const auto& e = g.edges()[static_cast<std::size_t>(p.edge)];
        const double whole = g.edge_time_s(p.edge, profile, forward);
        const double m = (forward == leaving) ? e.length_m - p.offset_m : p.offset_m;
        if (m <= 0) return 0.0;
        return std::isfinite(whole) ? whole * m / e.length_m : inf;
    };
    const auto& start = g.edges()[static_cast<std::size_t>(from.edge)];
    for (const auto& [node, t] : {std::pair{start.to, part(from, true, true)}, std::pair{start.from, part(from, false, true)}})
        if (t < time[static_cast<std::size_t>(node)]) time[static_cast<std::size_t>(node)] = t, heap.push({t, node});
    while (!heap.empty()) {
        const auto [t, v] = heap.top();
        heap.pop();
        if (t > time[static_cast<std::size_t>(v)]) continue;
        for (auto i = adj.offsets[static_cast<std::size_t>(v)]; i < adj.offsets[static_cast<std::size_t>(v) + 1]; ++i) {
            const auto& arc = adj.arcs[i];
            if (t + arc.time_s < time[static_cast<std::size_t>(arc.head)])
                time[static_cast<std::size_t>(arc.head)] = t + arc.time_s, heap.push({t + arc.time_s, arc.head});
        }
    }
    std::vector<double> row;
    for (const auto& p : targets) {
        const auto& e = g.edges()[static_cast<std::size_t>(p.edge)];
        double best = std::min(time[static_cast<std::size_t>(e.from)] + part(p, true, false),
                               time[static_cast<std::size_t>(e.to)] + part(p, false, false));
        if (p.edge == from.edge) {
            const bool forward = p.offset_m >= from.offset_m;
            const double whole = g.edge_time_s(p.edge, profile, forward);
            if (std::isfinite(whole)) best = std::min(best, whole * std::abs(p.offset_m - from.offset_m) / e.length_m);
        }
        row.push_back(best);
    }
    return row;
}

}  // namespace

void add_bench_matrix_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("bench-matrix", "Time a many-to-many travel-time matrix on a real OSM road network");
    struct Args {
        std::string osm = "data/external/roads/monaco.osm.pbf";
        std::size_t size = 500;
        std::string profile = "driving";
        unsigned threads = 2;
        std::uint64_t seed = 1;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("--osm", a->osm, "OSM extract (.osm.pbf)")->capture_default_str();
    cmd->add_option("--size", a->size, "Points (the matrix is size x size)")->capture_default_str();
    cmd->add_option("--profile", a->profile, "driving or walking")->capture_default_str();
    cmd->add_option("--threads", a->threads, "Threads for the matrix")->capture_default_str();
    cmd->add_option("--seed", a->seed, "Seed of the random points")->capture_default_str();
    cmd->callback([=, &action] {
        action = [=] {
            geo::Profile profile;
            if (a->profile == "driving") profile = geo::Profile::driving;
            else if (a->profile == "walking") profile = geo::Profile::walking;
            else throw geo::BadInput("--profile '" + a->profile + "' is not driving or walking");
            if (a->size < 1) throw geo::BadInput("--size must be at least 1");

            const ImportedRoads roads = import_osm_roads(a->osm, "bench-matrix");
            const auto& imported = roads.result;
            const double import_s = roads.import_s;
            const geo::District& district = roads.district;

            auto t = Clock::now();
            const geo::RoadGraph graph = geo::build_road_graph(district.roads);
            const double graph_s = seconds_since(t);
            const auto pieces = geo::strong_components(graph, profile);
            std::cout << fmt::format("{}: {} roads imported in {:.1f} s ({}), graph {} nodes, {} edges in {:.2f} s\n",
                                     std::filesystem::path(a->osm).filename().string(), imported.imported, import_s,
                                     imported.workspace_crs, graph.node_count(), graph.edges().size(), graph_s);
            std::cout << fmt::format("{} network: {}\n", a->profile, geo::describe_pieces(pieces));

            // Deterministic random stops near the roads: a random edge of the largest strong piece,
            // a random point along it, moved up to 30 m sideways, then snapped like a visit.
            std::vector<int> usable_edges;
            for (std::size_t e = 0; e < graph.edges().size(); ++e) {
                const auto& edge = graph.edges()[e];
                if (pieces.component_of_node[static_cast<std::size_t>(edge.from)] == 0 &&
                    pieces.component_of_node[static_cast<std::size_t>(edge.to)] == 0 &&
                    std::isfinite(std::min(graph.edge_time_s(static_cast<int>(e), profile, true),
                                           graph.edge_time_s(static_cast<int>(e), profile, false))))
                    usable_edges.push_back(static_cast<int>(e));
            }
            if (usable_edges.empty()) throw geo::BadInput(a->osm + ": no road usable for " + a->profile);
            const geo::Snapper snapper(graph, profile);
            std::mt19937_64 rng(a->seed);
            std::uniform_int_distribution<std::size_t> pick_edge(0, usable_edges.size() - 1);
            std::uniform_real_distribution<double> share(0.0, 1.0), sideways_m(-30.0, 30.0);
            std::vector<geo::SnappedPoint> points;
            double snap_sum_m = 0;
            for (int tries = 0; points.size() < a->size && tries < 100 * static_cast<int>(a->size); ++tries) {
                const auto& edge = graph.edges()[static_cast<std::size_t>(usable_edges[pick_edge(rng)])];
                const geo::XY on = geo::point_at_offset(edge.line, share(rng) * edge.length_m);
                const geo::SnappedPoint p = snapper.snap(geo::XY{on.x + sideways_m(rng), on.y + sideways_m(rng)});
                const auto& e = graph.edges()[static_cast<std::size_t>(p.edge)];
                if (pieces.component_of_node[static_cast<std::size_t>(e.from)] != 0 ||
                    pieces.component_of_node[static_cast<std::size_t>(e.to)] != 0)
                    continue;  // snapped onto another piece
                snap_sum_m += p.distance_m;
                points.push_back(p);
            }
            if (points.size() < a->size) throw geo::BadInput("could not place enough points on the largest piece of the network");
            std::cout << fmt::format("{} points snapped (mean snap distance {:.1f} m)\n", points.size(), snap_sum_m / points.size());

            t = Clock::now();
            const geo::CostMatrix matrix = geo::many_to_many(graph, profile, points, points, a->threads);
            const double matrix_s = seconds_since(t);
            // The reference computes every row (it is cheap enough), so the whole matrix is checked.
            std::vector<std::vector<double>> reference_rows(points.size());
            t = Clock::now();
            reference_rows[0] = reference_row(graph, profile, points[0], points);
            const double row_s = seconds_since(t);
            for (std::size_t i = 1; i < points.size(); ++i) reference_rows[i] = reference_row(graph, profile, points[i], points);
            const double reference_matrix_s = seconds_since(t);
            double worst_difference_s = 0;
            std::size_t unreachable = 0;
            for (std::size_t i = 0; i < points.size(); ++i)
                for (std::size_t j = 0; j < points.size(); ++j) {
                    const double ours = matrix.time(i, j), theirs = reference_rows[i][j];
                    if (!std::isfinite(ours) || !std::isfinite(theirs)) {
                        if (std::isfinite(ours) != std::isfinite(theirs)) worst_difference_s = geo::unreachable_time_s;
                        ++unreachable;
                        continue;
                    }
                    worst_difference_s = std::max(worst_difference_s, std::abs(ours - theirs));
                }
            std::cout << fmt::format("{}x{} time matrix ({} threads): {:.3f} s\n", points.size(), points.size(), a->threads, matrix_s)
                      << fmt::format("reference: plain single-thread Dijkstra (no early stop), row 0 {:.4f} s, all {} rows {:.3f} s\n",
                                     row_s, points.size(), reference_matrix_s)
                      << fmt::format("ratio reference / matrix: {:.2f}x\n", reference_matrix_s / matrix_s)
                      << fmt::format("whole matrix against the reference: largest difference {:.6f} s, {} pairs unreachable\n",
                                     worst_difference_s, unreachable);
            return 0;
        };
    });
}

}  // namespace cli
