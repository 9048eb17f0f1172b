// `patrolmap hotspots` as a user meets it: GeoJSON in WGS84 with cluster figures and no case
// rows, and bad flags exiting 2 with a message that names the flag. Runs build/bin/patrolmap.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string sample_path() { return (test::source_dir() / "data/jiangnan.gpkg").string(); }

// The first vertex of a GeoJSON (Multi)Polygon feature. GDAL writes a one-part multipolygon as
// a Polygon.
const nlohmann::json& first_vertex(const nlohmann::json& feature) {
    const auto& g = feature["geometry"];
    return g["type"] == "MultiPolygon" ? g["coordinates"][0][0][0] : g["coordinates"][0][0];
}

}  // namespace

TEST_CASE("hotspots writes GeoJSON in WGS84 with figures, never case rows") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::binary("patrolmap")), "build the patrolmap target first");
    test::ScratchDir dir;
    const std::string clusters = (dir / "dbscan.geojson").string();
    const auto r = test::run_patrolmap({"hotspots", sample_path(), "--method", "dbscan", "--eps", "150",
                                        "--min-points", "8", "--out", clusters});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(test::read_text(clusters));
    REQUIRE(j["features"].size() > 0);
    const auto& first = j["features"][0];
    CHECK(first_vertex(first)[0].get<double>() == doctest::Approx(120.03).epsilon(0.001));  // lon, not metres
    CHECK(first_vertex(first)[1].get<double>() == doctest::Approx(28.90).epsilon(0.001));
    for (const char* key : {"cluster", "incidents", "dominant_fraud_type", "first_date", "area_m2"})
        CHECK(first["properties"].contains(key));
    // Victim details stay on the terminal: no losses or age bands in the file.
    for (const char* key : {"victim_age_band", "id", "time", "loss_yuan", "dominant_age_band"})
        CHECK(!first["properties"].contains(key));
    CHECK(contains(r.out, "Loss (¥)"));

    const std::string cells = (dir / "gi.geojson").string();
    const auto gi = test::run_patrolmap({"hotspots", sample_path(), "--method", "gi", "--fdr", "--out", cells});
    REQUIRE(gi.exit_code == 0);
    CHECK(contains(gi.out, "hot 99%"));
    const auto g = nlohmann::json::parse(test::read_text(cells));
    CHECK(g["features"].size() == 3000);  // the study cells of 100 m
    for (const char* key : {"incidents", "z", "p", "p_fdr", "bin", "confidence"}) CHECK(g["features"][0]["properties"].contains(key));

    const auto hoods = test::run_patrolmap({"hotspots", sample_path(), "--method", "gi", "--neighbourhoods", "--per-1000",
                                            "--out", (dir / "n.geojson").string()});
    CHECK(hoods.exit_code == 0);
    const auto trends = test::run_patrolmap({"hotspots", sample_path(), "--method", "emerging", "--cell", "200",
                                             "--out", (dir / "e.geojson").string()});
    CHECK(trends.exit_code == 0);
    CHECK(contains(trends.out, "sporadic"));
}

TEST_CASE("bad hotspots flags exit 2 naming the flag") {
    REQUIRE_MESSAGE(std::filesystem::exists(test::binary("patrolmap")), "build the patrolmap target first");
    test::ScratchDir dir;
    const std::string ws = sample_path();
    const std::string out = (dir / "x.geojson").string();
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"hotspots", ws, "--method", "kriging", "--out", out}, "--method"},
        {{"hotspots", ws, "--method", "gi", "--band", "300", "--k", "8", "--out", out}, "--k"},
        {{"hotspots", ws, "--method", "gi", "--k", "0", "--out", out}, "--k"},
        {{"hotspots", ws, "--method", "gi", "--cell", "0", "--out", out}, "--cell"},
        {{"hotspots", ws, "--method", "dbscan", "--eps", "0", "--out", out}, "--eps"},
        {{"hotspots", ws, "--method", "dbscan", "--min-points", "-1", "--out", out}, "--min-points"},
        {{"hotspots", ws, "--method", "dbscan", "--cell", "100", "--out", out}, "--cell"},
        {{"hotspots", ws, "--method", "gi", "--eps", "100", "--out", out}, "--eps"},
        {{"hotspots", ws, "--method", "gi", "--per-1000", "--out", out}, "--per-1000"},
        {{"hotspots", ws, "--method", "gi", "--extent", "1,2", "--out", out}, "--extent"},
        {{"hotspots", ws, "--method", "gi", "--out", (dir / "x.txt").string()}, "--out"},
    };
    for (const auto& [args, flag] : cases) {
        CAPTURE(flag);
        const auto r = test::run_patrolmap(args);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(contains(r.err, flag), r.err);
    }
}
