// patrolmap bench-isochrones [--extract FILE] [--origins 100] [--minutes 3,5,10] [--tolerance 25]:
// imports an OSM extract's roads into a temporary workspace, builds the driving graph, picks
// `origins` nodes spread over its largest strong piece and times, per origin,
//   (a) our reach search (geo::TravelTimes to the largest threshold),
//   (b) our isochrones, polygons included (geo::isochrones, one polygon per threshold),
//   (c) pgRouting's pgr_drivingDistance for each threshold, on a throw-away PostgreSQL 15
//       cluster this command starts (initdb into a temporary folder, a Unix socket there only,
//       CREATE EXTENSION pgrouting) and removes; the edge table is loaded once, untimed, and each
//       query is timed by psql's \timing (the client's clock: send, plan, run, rows received).
// The nodes pgRouting reaches and their costs are checked equal to ours (exit 1 if not).
// A benchmark (numbers and ratios), not a test: tests/network/pgrouting_test.cpp is the test.
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/cli/bench_roads.h"
#include "app/cli/commands.h"
#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/network/components.h"
#include "geo/network/isochrone.h"
#include "geo/network/road_graph.h"
#include "geo/network/travel_times.h"
#include "geo/util/error.h"

namespace cli {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
// This process's CPU seconds: on a shared 2-core machine the wall clock also counts the time
// other processes held the cores.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

const std::filesystem::path kPgBin = "/usr/lib/postgresql/15/bin";

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// A PostgreSQL 15 cluster in `dir` (which it owns and removes), on a socket there only.
class ThrowAwayCluster {
public:
    explicit ThrowAwayCluster(std::filesystem::path dir) : dir_(std::move(dir)) {
        if (!std::filesystem::exists(kPgBin / "initdb"))
            throw geo::BadInput("PostgreSQL 15 is not installed (.ci/install-deps installs postgresql-15 and postgresql-15-pgrouting)");
        if (!std::filesystem::exists("/usr/share/postgresql/15/extension/pgrouting.control"))
            throw geo::BadInput("pgRouting is not installed (apt-get install postgresql-15-pgrouting)");
        std::filesystem::create_directories(dir_);
        ::chmod(dir_.c_str(), 0755);
        // PostgreSQL refuses to run as root: then the packaged 'postgres' user runs it.
        if (::geteuid() == 0) {
            const passwd* pg = ::getpwnam("postgres");
            if (!pg || ::chown(dir_.c_str(), pg->pw_uid, pg->pw_gid) != 0)
                throw geo::IoError("cannot hand " + dir_.string() + " to the postgres user");
            as_ = "runuser -u postgres -- ";
        }
        run(as_ + quoted((kPgBin / "initdb").string()) + " -A trust -U postgres -D " + quoted((dir_ / "data").string()), "initdb");
        run(as_ + quoted((kPgBin / "pg_ctl").string()) + " -D " + quoted((dir_ / "data").string()) + " -w -l " +
                quoted((dir_ / "server.log").string()) + " -o \"-k " + dir_.string() + " -p 54332 -c listen_addresses=''\" start",
            "pg_ctl start");
        started_ = true;
    }
    ~ThrowAwayCluster() {
        if (started_)
            std::system((as_ + quoted((kPgBin / "pg_ctl").string()) + " -D " + quoted((dir_ / "data").string()) + " -m fast stop >/dev/null 2>&1").c_str());
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    ThrowAwayCluster(const ThrowAwayCluster&) = delete;
    ThrowAwayCluster& operator=(const ThrowAwayCluster&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    // Runs a psql script (unaligned, tuples only: fields split by '|'); its output.
    std::string psql(const std::string& script) const {
        const auto script_path = dir_ / "script.sql", output_path = dir_ / "output.txt";
        std::ofstream(script_path) << script;
        run(quoted((kPgBin / "psql").string()) + " -q -A -t -X -v ON_ERROR_STOP=1 -h " + quoted(dir_.string()) +
                " -p 54332 -U postgres -d postgres -f " + quoted(script_path.string()),
            "psql", output_path);
        std::ifstream in(output_path);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

private:
    // Standard output to `output` (psql prints \timing's lines there, not to -o), the rest to a log.
    void run(const std::string& command, const std::string& what, const std::filesystem::path& output = {}) const {
        const auto log = dir_ / "commands.log";
        const std::string out = output.empty() ? ">>" + quoted(log.string()) : ">" + quoted(output.string());
        if (std::system((command + " " + out + " 2>>" + quoted(log.string())).c_str()) != 0) {
            std::ifstream in(log);
            const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
            throw geo::IoError(what + " failed for the throw-away PostgreSQL cluster:\n" + text.substr(text.size() > 2000 ? text.size() - 2000 : 0));
        }
    }
    std::filesystem::path dir_;
    std::string as_;
    bool started_ = false;
};

// Standing on `node`, on an edge the car may leave it by (the search then seeds that node at 0 s).
geo::SnappedPoint at_node(const geo::RoadGraph& graph, int node) {
    const auto& adj = graph.adjacency(geo::Profile::driving);
    const auto v = static_cast<std::size_t>(node);
    if (adj.offsets[v] == adj.offsets[v + 1]) throw geo::InternalError(fmt::format("origin node {} has no driving arc", node));
    const geo::Arc& arc = adj.arcs[adj.offsets[v]];
    const geo::GraphEdge& e = graph.edges()[static_cast<std::size_t>(arc.edge)];
    geo::SnappedPoint p;
    p.edge = arc.edge;
    p.offset_m = arc.forward ? 0 : e.length_m;
    p.point = graph.nodes()[v];
    return p;
}

}  // namespace

void add_bench_isochrones_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("bench-isochrones", "Time isochrones on a real OSM road network against pgRouting's pgr_drivingDistance");
    struct Args {
        std::string extract = "data/external/roads/andorra.osm.pbf";
        std::size_t origins = 100;
        std::vector<double> minutes = {3, 5, 10};
        double tolerance_m = 25;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("--extract", a->extract, "OSM extract (.osm.pbf)")->capture_default_str();
    cmd->add_option("--origins", a->origins, "Origins (nodes spread over the largest strong piece)")->capture_default_str();
    cmd->add_option("--minutes", a->minutes, "Thresholds in minutes, increasing")->delimiter(',')->capture_default_str();
    cmd->add_option("--tolerance", a->tolerance_m, "Isochrone buffer around the reached roads, metres")->capture_default_str();
    cmd->callback([=, &action] {
        action = [=] {
            if (a->origins < 1) throw geo::BadInput("--origins must be at least 1");
            if (a->minutes.empty()) throw geo::BadInput("--minutes: at least one threshold");
            geo::IsochroneOptions options;
            options.profile = geo::Profile::driving;
            options.minutes = a->minutes;
            options.tolerance_m = a->tolerance_m;
            const double largest_s = a->minutes.back() * 60;

            const ImportedRoads roads = import_osm_roads(a->extract, "bench-isochrones");
            const auto& imported = roads.result;
            const double import_s = roads.import_s;
            const geo::District& district = roads.district;
            const geo::RoadGraph graph = geo::build_road_graph(district.roads);
            const auto pieces = geo::strong_components(graph, geo::Profile::driving);
            const auto& arcs = graph.adjacency(geo::Profile::driving).arcs;
            std::cout << fmt::format("{}: {} roads imported in {:.1f} s ({}), graph {} nodes, {} edges, {} driving arcs\n",
                                     std::filesystem::path(a->extract).filename().string(), imported.imported, import_s,
                                     imported.workspace_crs, graph.node_count(), graph.edges().size(), arcs.size())
                      << fmt::format("driving network: {}\n", geo::describe_pieces(pieces));

            // Every k-th node of the largest strong piece, in node order: deterministic, and spread
            // over the piece as node numbers are (they follow the import's order of roads).
            std::vector<int> piece;
            for (int v = 0; v < graph.node_count(); ++v)
                if (pieces.component_of_node[static_cast<std::size_t>(v)] == 0) piece.push_back(v);
            if (piece.size() < 2) throw geo::BadInput(a->extract + ": no drivable network");
            const std::size_t n_origins = std::min(a->origins, piece.size());
            std::vector<int> origins;
            std::vector<geo::SnappedPoint> origin_points;
            for (std::size_t i = 0; i < n_origins; ++i) {
                origins.push_back(piece[i * piece.size() / n_origins]);
                origin_points.push_back(at_node(graph, origins.back()));
            }
            const std::size_t thresholds = a->minutes.size();
            const std::size_t n_isochrones = n_origins * thresholds;

            // (a) The reach search, repeated until it has run half a second for a steady mean.
            geo::TravelTimes times(graph, geo::Profile::driving);
            std::size_t searches = 0, reached_sum = 0;
            auto t = Clock::now();
            do {
                for (const int o : origins) reached_sum += times.search({{o, 0, 0}}, largest_s).size(), ++searches;
            } while (seconds_since(t) < 0.5);
            const double search_ms = seconds_since(t) * 1e3 / static_cast<double>(searches);

            // (b) Whole isochrones (search, reached roads, GEOS buffer), once per origin.
            std::vector<std::vector<geo::Isochrone>> ours;
            t = Clock::now();
            const double cpu_start_s = cpu_seconds();
            for (const auto& p : origin_points) ours.push_back(geo::isochrones(graph, p, options));
            const double isochrones_s = seconds_since(t), isochrones_cpu_s = cpu_seconds() - cpu_start_s;
            const double isochrone_ms = isochrones_s * 1e3 / static_cast<double>(n_isochrones);
            // Where that time goes: the same steps one by one.
            double roads_s = 0, buffer_s = 0;
            std::size_t roads_pieces = 0, rings = 0, vertices = 0;
            for (const auto& p : origin_points) {
                times.search(geo::time_departures(graph, geo::Profile::driving, p), largest_s);
                for (const double minutes : a->minutes) {
                    t = Clock::now();
                    const auto roads = geo::reached_roads(graph, geo::Profile::driving, times, p, minutes * 60);
                    roads_s += seconds_since(t);
                    roads_pieces += roads.size();
                    t = Clock::now();
                    const auto area = geo::buffered_area(roads, a->tolerance_m);
                    buffer_s += seconds_since(t);
                    for (const auto& polygon : area) {
                        rings += 1 + polygon.holes.size();
                        vertices += polygon.outer.size();
                        for (const auto& hole : polygon.holes) vertices += hole.size();
                    }
                }
            }
            const auto per_isochrone_ms = [&](double s) { return s * 1e3 / static_cast<double>(n_isochrones); };

            // (c) pgRouting on the same graph: one row per edge the car may use, ids ours + 1,
            // cost -1 in a forbidden direction; %.17g so that PostgreSQL reads the same doubles.
            // Its own folder beside the workspace's: the postgres user must be able to enter it.
            ThrowAwayCluster cluster(std::filesystem::temp_directory_path() / fmt::format("patrolmap-bench-isochrones-{}-pg", ::getpid()));
            {
                std::ofstream csv(cluster.dir() / "edges.csv");
                for (std::size_t e = 0; e < graph.edges().size(); ++e) {
                    const double forward_s = graph.edge_time_s(static_cast<int>(e), geo::Profile::driving, true);
                    const double backward_s = graph.edge_time_s(static_cast<int>(e), geo::Profile::driving, false);
                    if (!std::isfinite(forward_s) && !std::isfinite(backward_s)) continue;
                    const auto& edge = graph.edges()[e];
                    csv << fmt::format("{},{},{},{:.17g},{:.17g}\n", e + 1, edge.from + 1, edge.to + 1,
                                       std::isfinite(forward_s) ? forward_s : -1.0, std::isfinite(backward_s) ? backward_s : -1.0);
                }
            }
            const std::string version = cluster.psql(fmt::format(
                "CREATE EXTENSION pgrouting CASCADE;\n"
                "CREATE TABLE edges (id bigint PRIMARY KEY, source bigint, target bigint, cost double precision, reverse_cost double precision);\n"
                "\\copy edges FROM '{}' CSV\n"
                "ANALYZE edges;\n"
                "SELECT pgr_version();\n",
                (cluster.dir() / "edges.csv").string()));
            // pgRouting 3.4: pgr_drivingDistance(edges_sql, start_vid, distance, directed) returns
            // (seq, node, edge, cost, agg_cost), the start node at agg_cost 0.
            std::string script = "\\timing on\n";
            for (std::size_t q = 0; q < n_isochrones; ++q)
                script += fmt::format(
                    "SELECT {}, node, agg_cost FROM pgr_drivingDistance('SELECT id, source, target, cost, reverse_cost FROM edges', "
                    "{}, {}, directed := true);\n",
                    q, origins[q / thresholds] + 1, a->minutes[q % thresholds] * 60);
            t = Clock::now();
            const std::string output = cluster.psql(script);
            const double pgrouting_wall_s = seconds_since(t);
            std::vector<std::map<int, double>> theirs(n_isochrones);
            double pgrouting_ms_sum = 0;
            std::size_t timed = 0;
            for (std::size_t begin = 0; begin < output.size();) {
                std::size_t end = output.find('\n', begin);
                if (end == std::string::npos) end = output.size();
                const std::string line = output.substr(begin, end - begin);
                begin = end + 1;
                std::size_t q = 0;
                long long node = 0;
                double value = 0;
                if (std::sscanf(line.c_str(), "Time: %lf ms", &value) == 1) pgrouting_ms_sum += value, ++timed;
                else if (std::sscanf(line.c_str(), "%zu|%lld|%lf", &q, &node, &value) == 3 && q < n_isochrones)
                    theirs[q][static_cast<int>(node - 1)] = value;
                else if (!line.empty()) throw geo::InternalError("psql printed an unexpected line: " + line);
            }
            if (timed != n_isochrones) throw geo::InternalError(fmt::format("psql timed {} queries of {}", timed, n_isochrones));
            const double pgrouting_ms = pgrouting_ms_sum / static_cast<double>(n_isochrones);

            // The same nodes at the same costs, and the isochrones' node counts agree too.
            std::size_t compared = 0, disagreements = 0;
            double worst_difference_s = 0;
            for (std::size_t q = 0; q < n_isochrones; ++q) {
                const double limit_s = a->minutes[q % thresholds] * 60;
                const auto& reached = times.search({{origins[q / thresholds], 0, 0}}, limit_s);
                if (reached.size() != theirs[q].size() || ours[q / thresholds][q % thresholds].nodes != reached.size()) ++disagreements;
                for (const geo::NodeTime& n : reached) {
                    const auto it = theirs[q].find(n.node);
                    if (it == theirs[q].end()) {
                        ++disagreements;
                        continue;
                    }
                    worst_difference_s = std::max(worst_difference_s, std::abs(it->second - n.time_s));
                    ++compared;
                }
            }
            if (worst_difference_s > 1e-6) ++disagreements;

            std::cout << fmt::format("{} origins x {} thresholds ({} min, driving), mean {:.0f} nodes reached at {} min\n", n_origins,
                                     thresholds, fmt::join(a->minutes, "/"),
                                     static_cast<double>(reached_sum) / static_cast<double>(searches), a->minutes.back())
                      << fmt::format("ours, reach search to {} min:     {:8.3f} ms per search ({} searches)\n", a->minutes.back(), search_ms, searches)
                      << fmt::format("ours, isochrone with polygon:    {:8.3f} ms per isochrone ({} in {:.2f} s; CPU {:.3f} ms per isochrone)\n",
                                     isochrone_ms, n_isochrones, isochrones_s, isochrones_cpu_s * 1e3 / static_cast<double>(n_isochrones))
                      << fmt::format("  of which reached roads {:.3f} ms, GEOS buffer {:.3f} ms ({:.0f} road pieces, {:.1f} rings, {:.0f} vertices per polygon)\n",
                                     per_isochrone_ms(roads_s), per_isochrone_ms(buffer_s),
                                     static_cast<double>(roads_pieces) / static_cast<double>(n_isochrones),
                                     static_cast<double>(rings) / static_cast<double>(n_isochrones),
                                     static_cast<double>(vertices) / static_cast<double>(n_isochrones))
                      << fmt::format("pgRouting {} pgr_drivingDistance: {:8.3f} ms per query (psql \\timing; {} queries, {:.2f} s wall)\n",
                                     version.substr(0, version.find('\n')), pgrouting_ms, n_isochrones, pgrouting_wall_s)
                      << fmt::format("ratio pgRouting query / our reach search: {:.1f}x\n", pgrouting_ms / search_ms)
                      << fmt::format("ratio pgRouting query / our isochrone with polygon: {:.3g}x (pgRouting draws no polygon)\n", pgrouting_ms / isochrone_ms)
                      << fmt::format("checked: {} node costs against pgRouting's, largest difference {:.3g} s, {} disagreements\n", compared,
                                     worst_difference_s, disagreements);
            return disagreements == 0 ? 0 : 1;
        };
    });
}

}  // namespace cli
