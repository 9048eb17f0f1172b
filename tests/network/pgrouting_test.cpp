// Our travel-time search against pgRouting's pgr_drivingDistance on real OSM networks (Monaco,
// Andorra): the driving arcs of our graph loaded as a pgRouting edge table in a throw-away
// PostgreSQL 15 cluster (scratch folder, Unix socket only, as tests/io/postgis_test.cpp starts
// one), then from several nodes the same nodes must be reached at the same cost.
#include <unistd.h>

#include <sys/stat.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/network/components.h"
#include "geo/network/road_graph.h"
#include "geo/network/travel_times.h"
#include "tests/common/fixtures.h"
#include "tests/common/temporary_postgres.h"
#include "tests/common/workspace_builders.h"

namespace {

const std::filesystem::path kPgroutingControl = "/usr/share/postgresql/15/extension/pgrouting.control";


geo::RoadGraph graph_of(const test::ScratchDir& dir, const std::string& extract) {
    const auto ws = dir / (extract + ".gpkg");
    geo::create_workspace(ws, geo::Metadata{});
    geo::ImportOptions roads;
    roads.kind = geo::LayerKind::roads;
    roads.source = test::external("roads/" + extract + ".osm.pbf").string();
    roads.skip_invalid = true;
    geo::import_layer(ws, roads);
    return geo::build_road_graph(geo::read_district(ws).roads);
}

// pgRouting's edge table: one row per edge the car may use, ids ours + 1 (pgRouting wants
// positive ids), cost -1 in a direction driving forbids (pgRouting's "no such arc").
// %.17g writes each double so that PostgreSQL reads back the same bits.
std::string edge_table_csv(const geo::RoadGraph& g) {
    std::string csv;
    for (std::size_t e = 0; e < g.edges().size(); ++e) {
        const double forward_s = g.edge_time_s(static_cast<int>(e), geo::Profile::driving, true);
        const double backward_s = g.edge_time_s(static_cast<int>(e), geo::Profile::driving, false);
        if (!std::isfinite(forward_s) && !std::isfinite(backward_s)) continue;
        const auto& edge = g.edges()[e];
        csv += fmt::format("{},{},{},{:.17g},{:.17g}\n", e + 1, edge.from + 1, edge.to + 1, std::isfinite(forward_s) ? forward_s : -1.0,
                           std::isfinite(backward_s) ? backward_s : -1.0);
    }
    return csv;
}

void check_against_pgrouting(const std::string& extract) {
    test::ScratchDir dir;
    ::chmod(dir.path().c_str(), 0755);
    const geo::RoadGraph graph = graph_of(dir, extract);
    const auto pieces = geo::strong_components(graph, geo::Profile::driving);

    // Eight origins spread over the largest strong piece (every k-th of its nodes), and, to
    // check unreachable arcs too, one node outside it.
    std::vector<int> origins;
    std::vector<int> piece;
    for (int v = 0; v < graph.node_count(); ++v)
        if (pieces.component_of_node[static_cast<std::size_t>(v)] == 0) piece.push_back(v);
    for (std::size_t i = 0; i < 8; ++i) origins.push_back(piece[i * piece.size() / 8]);
    for (int v = 0; v < graph.node_count(); ++v)
        if (pieces.component_of_node[static_cast<std::size_t>(v)] == 1) {
            origins.push_back(v);
            break;
        }
    const std::vector<double> limits_s = {60, 300};

    test::TemporaryPostgres db(dir, 54331);
    REQUIRE(db.ok());
    test::write_text(dir / "edges.csv", edge_table_csv(graph));
    std::string script = fmt::format(
        "CREATE EXTENSION pgrouting CASCADE;\n"
        "CREATE TABLE edges (id bigint, source bigint, target bigint, cost double precision, reverse_cost double precision);\n"
        "\\copy edges FROM '{}' CSV\n",
        (dir / "edges.csv").string());
    // pgRouting 3.4.2: pgr_drivingDistance(edges_sql, start_vid, distance, directed) returns
    // (seq, node, edge, cost, agg_cost), the start node included at agg_cost 0. PostgreSQL 15
    // prints a float8 in its shortest exact form, so agg_cost reads back bit for bit.
    for (std::size_t q = 0; q < origins.size() * limits_s.size(); ++q)
        script += fmt::format(
            "SELECT {}, node, agg_cost FROM pgr_drivingDistance("
            "'SELECT id, source, target, cost, reverse_cost FROM edges', {}, {}, directed := true);\n",
            q, origins[q / limits_s.size()] + 1, limits_s[q % limits_s.size()]);
    std::string output;
    REQUIRE_MESSAGE(db.sql(script, output), output);

    std::vector<std::map<int, double>> theirs(origins.size() * limits_s.size());
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        std::size_t q = 0;
        long long node = 0;
        double agg_cost_s = 0;
        REQUIRE_MESSAGE(std::sscanf(line.c_str(), "%zu|%lld|%lf", &q, &node, &agg_cost_s) == 3, line);
        REQUIRE(q < theirs.size());
        theirs[q][static_cast<int>(node - 1)] = agg_cost_s;
    }

    geo::TravelTimes times(graph, geo::Profile::driving);
    std::size_t compared = 0;
    for (std::size_t q = 0; q < theirs.size(); ++q) {
        const int origin = origins[q / limits_s.size()];
        const double limit_s = limits_s[q % limits_s.size()];
        const auto& ours = times.search({{origin, 0, 0}}, limit_s);
        CAPTURE(extract);
        CAPTURE(origin);
        CAPTURE(limit_s);
        CHECK(ours.size() == theirs[q].size());
        for (const geo::NodeTime& n : ours) {
            const auto it = theirs[q].find(n.node);
            REQUIRE_MESSAGE(it != theirs[q].end(), "node ", n.node, " reached by us at ", n.time_s, " s, not by pgRouting");
            CHECK(std::abs(it->second - n.time_s) <= 1e-6);
            ++compared;
        }
    }
    MESSAGE(extract, ": ", graph.node_count(), " nodes, ", origins.size(), " origins x ", limits_s.size(), " limits, ", compared,
            " node costs equal pgRouting's");
    // The limits cut the network: the short one reaches less than the long one from the first origin.
    CHECK(theirs[0].size() < theirs[1].size());
    CHECK(compared > 1000);
}

bool pgrouting_installed() {
    if (std::filesystem::exists(kPgroutingControl)) return true;
    MESSAGE("pgRouting is not installed (postgresql-15-pgrouting, .ci/install-deps installs it): skipped");
    return false;
}

}  // namespace

TEST_CASE("Travel times from a node equal pgRouting's pgr_drivingDistance on Monaco's roads") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::kPgBin / "initdb"), "PostgreSQL 15 is not installed (.ci/install-deps installs it)");
    if (!pgrouting_installed()) return;
    check_against_pgrouting("monaco");
}

TEST_CASE("Travel times from a node equal pgRouting's pgr_drivingDistance on Andorra's roads") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::kPgBin / "initdb"), "PostgreSQL 15 is not installed (.ci/install-deps installs it)");
    if (!pgrouting_installed()) return;
    check_against_pgrouting("andorra");
}
