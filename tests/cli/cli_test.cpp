// The patrolmap command line as a user meets it: exit codes, messages, --help, --json.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>

#include "geo/io/gdal_handles.h"

#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

using test::run_patrolmap;

namespace {
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("--help works for the program and every subcommand") {
    CHECK(run_patrolmap({"--help"}).exit_code == 0);
    for (const char* sub : {"info", "new", "import", "export", "sample"}) {
        CAPTURE(sub);
        const auto r = run_patrolmap({sub, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, "Usage"));
    }
    CHECK(contains(run_patrolmap({"import", "--help"}).out, "--skip-invalid"));
}

TEST_CASE("usage errors exit 2 with a message") {
    CHECK(run_patrolmap({}).exit_code == 2);
    CHECK(run_patrolmap({"frobnicate"}).exit_code == 2);
    const auto r = run_patrolmap({"import", "ws.gpkg", "x.geojson"});  // no --layer
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--layer is required"));
    const auto bad_layer = run_patrolmap({"import", "ws.gpkg", "x.geojson", "--layer", "cats"});
    CHECK(bad_layer.exit_code == 2);
}

TEST_CASE("new, import, info --json and export work end to end") {
    test::ScratchDir dir;
    const std::string ws = (dir / "ws.gpkg").string();
    auto r = run_patrolmap({"new", ws, "--crs", "EPSG:4549", "--name", "测试"});
    REQUIRE(r.exit_code == 0);
    r = run_patrolmap({"import", ws, "--layer", "neighbourhoods", test::fixture("neighbourhoods.geojson").string()});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err, "imported 2 neighbourhoods"));
    r = run_patrolmap({"import", ws, "--layer", "incidents", test::fixture("incidents.geojson").string()});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err, "100%"));  // progress on the terminal

    r = run_patrolmap({"info", ws, "--json"});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["totals"]["residents"] == 2000);
    CHECK(j["totals"]["transients"] == 1200);
    CHECK(j["totals"]["households"] == 770);
    CHECK(j["totals"]["incidents"] == 5);
    CHECK(j["name"] == "测试");
    CHECK(j["crs"] == "EPSG:4549");
    CHECK(j["layers"]["incidents"] == 5);
    REQUIRE(j["incidents_by_month"].size() == 2);
    CHECK(j["incidents_by_month"][0]["month"] == "2021-05");
    CHECK(j["incidents_by_month"][1]["incidents"] == 3);
    CHECK(j["incidents_by_month"][1]["change_pct"].get<double>() == doctest::Approx(50.0));

    r = run_patrolmap({"info", ws});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "residents"));
    CHECK(contains(r.out, "2021-06"));

    r = run_patrolmap({"export", ws, "--layer", "incidents", (dir / "out.geojson").string(), "--public"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "wrote 5 incidents"));
}

TEST_CASE("bad input exits 2 naming file, feature and field; the workspace is untouched") {
    test::ScratchDir dir;
    const std::string ws = test::workspace_with_neighbourhoods(dir).string();
    const std::string before = test::read_text(ws);
    test::write_text(dir / "bad.geojson", test::point_collection({{"\"id\": \"Z9\", \"time\": \"2021-13-45\""}}));
    const auto r = run_patrolmap({"import", ws, "--layer", "incidents", (dir / "bad.geojson").string(), "--quiet"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "bad.geojson feature Z9: field time '2021-13-45' is not ISO 8601"));
    CHECK(test::read_text(ws) == before);

    const auto missing = run_patrolmap({"info", (dir / "nothing.gpkg").string()});
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "nothing.gpkg: no such workspace"));

    test::write_text(dir / "not.gpkg", "hello");
    CHECK(run_patrolmap({"info", (dir / "not.gpkg").string()}).exit_code == 2);

    const auto exists = run_patrolmap({"new", ws});
    CHECK(exists.exit_code == 2);
    CHECK(contains(exists.err, "already exists"));
    CHECK(run_patrolmap({"new", (dir / "x.gpkg").string(), "--timezone", "Mars/Olympus"}).exit_code == 2);
}

TEST_CASE("heatmap writes a georeferenced float32 GeoTIFF and refuses bad flags") {
    test::ScratchDir dir;
    const std::string sample = (test::source_dir() / "data/jiangnan.gpkg").string();
    const std::string tif = (dir / "heat.tif").string();
    auto r = run_patrolmap({"heatmap", sample, "--radius", "300", "--cell", "50", "--out", tif});
    REQUIRE(r.exit_code == 0);
    geo::ensure_gdal_ready();
    geo::GdalDatasetPtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    CHECK(ds->GetRasterBand(1)->GetRasterDataType() == GDT_Float32);
    double transform[6];
    REQUIRE(ds->GetGeoTransform(transform) == CE_None);
    CHECK(transform[1] == doctest::Approx(50));
    CHECK(transform[5] == doctest::Approx(-50));
    CHECK(std::fmod(transform[0], 50.0) == doctest::Approx(0).epsilon(1e-9));  // snapped to the cell grid
    CHECK(std::string(ds->GetSpatialRef()->GetAuthorityCode(nullptr)) == "4549");
    int has_max = 0;
    CHECK(ds->GetRasterBand(1)->GetMaximum(&has_max) >= 0);

    r = run_patrolmap({"heatmap", sample, "--radius", "-3", "--cell", "50", "--out", tif});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--radius"));
    r = run_patrolmap({"heatmap", sample, "--cell", "50", "--kernel", "cosine", "--out", tif});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "quartic"));
}

TEST_CASE("banners prints what it covers and writes sites without victim details") {
    test::ScratchDir dir;
    const std::string sample = (test::source_dir() / "data/jiangnan.gpkg").string();
    const std::string out = (dir / "banners.geojson").string();
    auto r = run_patrolmap({"banners", sample, "--count", "5", "--radius", "300", "--out", out});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "covered "));
    CHECK(contains(r.out, " of 2,098"));
    const auto j = nlohmann::json::parse(test::read_text(out));
    CHECK(j["features"].size() == 5);
    const std::string text = test::read_text(out);
    for (const char* hidden : {"victim", "age_band", "loss_yuan", "60_plus"}) CHECK_MESSAGE(text.find(hidden) == std::string::npos, hidden);
    CHECK(run_patrolmap({"banners", sample, "--count", "0", "--radius", "300", "--out", out}).exit_code == 2);
}

TEST_CASE("coverage writes the worklist, buildings and neighbourhood shares") {
    test::ScratchDir dir;
    const std::string sample = (test::source_dir() / "data/jiangnan.gpkg").string();
    auto r = run_patrolmap({"coverage", sample, "--out", dir.path().string()});
    REQUIRE(r.exit_code == 0);
    const std::string worklist = test::read_text(dir / "worklist.csv");
    CHECK(worklist.rfind("rank,building_id", 0) == 0);
    CHECK(std::count(worklist.begin(), worklist.end(), '\n') > 100);
    CHECK(std::filesystem::exists(dir / "buildings.geojson"));
    CHECK(std::filesystem::exists(dir / "neighbourhoods.csv"));
}

TEST_CASE("routes writes each day's sheet, GPX and GeoJSON for an officer, and issues the plan") {
    test::ScratchDir dir;
    // A copy: printing the sheets issues the plan into the workspace. W25: the sample has issued
    // W24 (its week of patrol tracks), not W25.
    const std::string sample = (dir / "ws.gpkg").string();
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", sample);
    auto draft = run_patrolmap({"routes", sample, "--week", "2021-W25", "--officer", "P03", "--time", "0", "--no-issue", "--out",
                                dir.path().string()});
    REQUIRE(draft.exit_code == 0);
    CHECK(nlohmann::json::parse(run_patrolmap({"progress", sample, "--week", "2021-W25", "--json"}).out)["officers"][2]["issued"] == false);
    auto r = run_patrolmap({"routes", sample, "--week", "2021-W25", "--officer", "P03", "--time", "0", "--out", dir.path().string()});
    REQUIRE(r.exit_code == 0);
    const auto board = nlohmann::json::parse(run_patrolmap({"progress", sample, "--week", "2021-W25", "--json"}).out);
    CHECK(board["officers"][2]["officer_id"] == "P03");
    CHECK(board["officers"][2]["issued"] == true);
    CHECK(board["officers"][2]["planned"].get<int>() > 50);
    CHECK(board["officers"][2]["done"] == 0);
    CHECK(contains(r.out, "P03"));
    CHECK(contains(r.out, "2021-06-21"));
    REQUIRE(std::filesystem::exists(dir / "P03-2021-06-21.pdf"));
    CHECK(std::filesystem::exists(dir / "P03-2021-06-21.gpx"));
    const auto route = nlohmann::json::parse(test::read_text(dir / "P03-2021-06-21.geojson"));
    std::string first_address;
    for (const auto& f : route["features"])
        if (f["properties"]["kind"] == "stop" && f["properties"]["order"] == 1) first_address = f["properties"]["address"];
    REQUIRE_FALSE(first_address.empty());
    // The sheet's text, as pdftotext reads it, names the first stop in Chinese.
    const std::string text_file = (dir / "sheet.txt").string();
    REQUIRE(std::system(("pdftotext '" + (dir / "P03-2021-06-21.pdf").string() + "' '" + text_file + "'").c_str()) == 0);
    CHECK(contains(test::read_text(text_file), first_address));
    CHECK(run_patrolmap({"routes", sample, "--week", "2021-W60", "--out", dir.path().string()}).exit_code == 2);
    CHECK(run_patrolmap({"routes", sample, "--week", "2021-W24", "--officer", "ZZ", "--out", dir.path().string()}).exit_code == 2);
}

TEST_CASE("--version names the program and its GDAL; --quiet leaves only the results") {
    const auto v = run_patrolmap({"--version"});
    CHECK(v.exit_code == 0);
    CHECK(contains(v.out, "patrolmap 0."));
    CHECK(contains(v.out, "GDAL 3."));

    test::ScratchDir dir;
    const std::string ws = (test::source_dir() / "data" / "jiangnan.gpkg").string();
    const std::string out = (dir / "hot.geojson").string();
    const auto loud = run_patrolmap({"hotspots", ws, "--method", "gi", "--out", out});
    REQUIRE(loud.exit_code == 0);
    CHECK(contains(loud.err, "wrote " + out));    // the summary line, on stderr
    CHECK_FALSE(contains(loud.out, "wrote "));   // stdout holds the result alone
    CHECK(contains(loud.out, "hot 99%"));
    CHECK(std::filesystem::exists(dir / "hot.qml"));  // its style for QGIS, beside it
    const auto quiet = run_patrolmap({"hotspots", ws, "--method", "gi", "--out", out, "--quiet"});
    REQUIRE(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
    CHECK(quiet.out == loud.out);
    // Before the subcommand too.
    CHECK(run_patrolmap({"--quiet", "hotspots", ws, "--method", "gi", "--out", out}).err.empty());
}
