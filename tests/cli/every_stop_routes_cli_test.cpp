// patrolmap routes --every-stop / --every (issue 16): a week that serves every listed building in
// the fewest days, then the least walking, on the sample; a list naming an unknown building or
// another officer's exits 2 naming the file, the line and the building, having written nothing.
// A copy of the sample each: plans that are printed are issued into the workspace.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>

#include "geo/io/gdal_handles.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

using test::run_patrolmap;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Building ids of `officer`'s neighbourhoods in the sample, in id order, `where` narrowing them.
std::vector<std::string> sample_buildings(const std::string& gpkg, const std::string& officer, const std::string& where = "1") {
    geo::GdalDatasetPtr ds = geo::open_vector(gpkg, false);
    REQUIRE(ds);
    const std::string sql = "SELECT b.id FROM buildings b JOIN neighbourhoods n ON b.neighbourhood_id = n.id WHERE n.officer_id = '" +
                            officer + "' AND " + where + " ORDER BY b.id";
    OGRLayer* rows = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    REQUIRE(rows);
    std::vector<std::string> ids;
    for (auto& f : *rows) ids.push_back(f->GetFieldAsString(0));
    ds->ReleaseResultSet(rows);
    return ids;
}

// The building ids of every stop in the GeoJSON routes of `dir`.
std::multiset<std::string> stops_in(const std::filesystem::path& dir) {
    std::multiset<std::string> ids;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".geojson") continue;
        const auto route = nlohmann::json::parse(test::read_text(entry.path()));
        for (const auto& f : route["features"])
            if (f["properties"]["kind"] == "stop") ids.insert(f["properties"]["building_id"].get<std::string>());
    }
    return ids;
}

}  // namespace

TEST_CASE("routes --every-stop serves every listed building; --every every flagged one of the officer's") {
    test::ScratchDir dir;
    const std::string sample = (dir / "ws.gpkg").string();
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", sample);
    const std::vector<std::string> p01 = sample_buildings(sample, "P01");
    REQUIRE(p01.size() > 20);

    // 12 of P01's buildings, one listed twice, a blank line between.
    std::string csv = "building_id,note\n";
    for (std::size_t k = 0; k < 12; ++k) csv += p01[k * 15] + ",campaign\n";
    csv += "\n" + p01[0] + ",again\n";
    test::write_text(dir / "stops.csv", csv);
    const auto r = run_patrolmap({"routes", sample, "--week", "2021-W25", "--officer", "P01", "--time", "1", "--no-issue",
                                  "--every-stop", (dir / "stops.csv").string(), "--out", (dir / "list").string()});
    REQUIRE(r.exit_code == 0);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("officer P01: served all 12 stops in ([1-5]) of 5 days")));
    std::multiset<std::string> listed;
    for (std::size_t k = 0; k < 12; ++k) listed.insert(p01[k * 15]);
    CHECK(stops_in(dir / "list") == listed);
    // One GeoJSON per day used.
    std::size_t days = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "list")) days += entry.path().extension() == ".geojson";
    CHECK(days == std::stoul(m[1]));

    // --every elderly_alone: exactly the officer's flagged buildings, each once, or said why not.
    const std::vector<std::string> elderly = sample_buildings(sample, "P01", "b.flags LIKE '%elderly_alone%'");
    REQUIRE(!elderly.empty());
    const auto f = run_patrolmap({"routes", sample, "--week", "2021-W25", "--officer", "P01", "--time", "1", "--no-issue",
                                  "--every", "elderly_alone", "--out", (dir / "flag").string()});
    REQUIRE(f.exit_code == 0);
    const std::multiset<std::string> served = stops_in(dir / "flag");
    for (const std::string& id : served) CHECK(std::count(elderly.begin(), elderly.end(), id) == 1);
    CHECK(std::set<std::string>(served.begin(), served.end()).size() == served.size());
    if (served.size() == elderly.size())
        CHECK(contains(f.out, "served all " + std::to_string(elderly.size()) + " stops in "));
    else
        CHECK(contains(f.err, "not served"));
    // P08 has one elderly-alone building in the sample: one stop, said so.
    if (sample_buildings(sample, "P08", "b.flags LIKE '%elderly_alone%'").size() == 1) {
        const auto one = run_patrolmap({"routes", sample, "--week", "2021-W25", "--officer", "P08", "--time", "0.2", "--no-issue",
                                        "--every", "elderly_alone", "--out", (dir / "one").string()});
        REQUIRE(one.exit_code == 0);
        CHECK(contains(one.out, "officer P08: served its one stop in 1 of 5 days"));
    }
    CHECK(run_patrolmap({"routes", sample, "--week", "2021-W25", "--officer", "P01", "--every", "lonely", "--out",
                         (dir / "bogus").string()})
              .exit_code == 2);
}

TEST_CASE("routes --every-stop with an unknown or another officer's building exits 2 naming it, writing nothing") {
    test::ScratchDir dir;
    const std::string sample = (dir / "ws.gpkg").string();
    std::filesystem::copy_file(test::source_dir() / "data/jiangnan.gpkg", sample);
    const std::vector<std::string> p01 = sample_buildings(sample, "P01"), p02 = sample_buildings(sample, "P02");
    REQUIRE(!p01.empty());
    REQUIRE(!p02.empty());

    test::write_text(dir / "unknown.csv", "building_id\n" + p01[0] + "\nNO-SUCH-BUILDING\n");
    const auto unknown = run_patrolmap({"routes", sample, "--week", "2021-W25", "--officer", "P01", "--every-stop",
                                        (dir / "unknown.csv").string(), "--out", (dir / "out").string()});
    CHECK(unknown.exit_code == 2);
    CHECK(contains(unknown.err, "unknown.csv line 3"));
    CHECK(contains(unknown.err, "'NO-SUCH-BUILDING'"));

    test::write_text(dir / "other.csv", "building_id\n" + p01[0] + "\n" + p02[0] + "\n");
    const auto other = run_patrolmap({"routes", sample, "--week", "2021-W25", "--officer", "P01", "--every-stop",
                                      (dir / "other.csv").string(), "--out", (dir / "out").string()});
    CHECK(other.exit_code == 2);
    CHECK(contains(other.err, "other.csv line 3"));
    CHECK(contains(other.err, "'" + p02[0] + "'"));
    CHECK(contains(other.err, "officer P02"));
    CHECK_FALSE(std::filesystem::exists(dir / "out"));

    // Without --officer the list plans only the officers it names, each their own buildings,
    // and issues those plans for the progress board.
    const auto both = run_patrolmap({"routes", sample, "--week", "2021-W25", "--time", "0", "--every-stop",
                                     (dir / "other.csv").string(), "--out", (dir / "both").string()});
    REQUIRE(both.exit_code == 0);
    CHECK(contains(both.out, "officer P01: served its one stop"));
    CHECK(contains(both.out, "officer P02: served its one stop"));
    CHECK_FALSE(contains(both.out, "P03"));
    CHECK(stops_in(dir / "both") == std::multiset<std::string>{p01[0], p02[0]});
    const auto board = nlohmann::json::parse(run_patrolmap({"progress", sample, "--week", "2021-W25", "--json"}).out);
    for (const auto& officer : board["officers"]) {
        CAPTURE(officer["officer_id"].get<std::string>());
        const bool named = officer["officer_id"] == "P01" || officer["officer_id"] == "P02";
        CHECK(officer["issued"] == named);
        if (named) CHECK(officer["planned"] == 1);
    }
}
