// No lost update (issue 18): several programs write one workspace at the same moment, many
// times, as a station does (the app open, a volunteer's CSV imported beside it, QGIS reading).
// Run at once, on one copy of the sample:
//   - the app's save path, 30 saves each adding a poster (edit_child posters);
//   - the app's visit ticks, 30 commits each adding a visit (edit_child ticks);
//   - `patrolmap visits --import`, 30 runs each importing a one-row CSV;
//   - a reader, 60 reads through GDAL (edit_child reads).
// Afterwards every write that said it committed is in the file, none is refused (they touch
// different rows, and the visit commits merge), and every read saw one committed state: the
// posters and visits it counted are exactly those of the commits up to the change it read.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/workspace_builders.h"
#include "tests/common/workspace_stores.h"

namespace fs = std::filesystem;
using namespace geo;

namespace {

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("Two programs editing one workspace at once lose nothing, and readers see whole states") {
  test::for_each_store([&](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();  // the sample in a new file or database
    write_district(ws, read_district(test::source_dir() / "data" / "jiangnan.gpkg"));
    const District before = read_district(ws);
    REQUIRE(before.visits.empty());
    REQUIRE(before.buildings.size() > 100);
    constexpr int kRuns = 30;

    // The command line's visits: buildings from the front of the list, days 2021-06-01..07.
    std::set<std::string> cli_visits;
    for (int k = 0; k < kRuns; ++k) {
        const std::string building = before.buildings[static_cast<std::size_t>(40 + k)].id;
        const std::string date = "2021-06-0" + std::to_string(k % 7 + 1);
        test::write_text(dir / ("v" + std::to_string(k) + ".csv"), "building_id,date\n" + building + "," + date + "\n");
        cli_visits.insert(building + "@" + date);
    }
    const fs::path child = fs::path(PATROLMAP_BIN_DIR).parent_path() / "tests" / "edit_child";
    const std::string arg = "'" + ws + "'";
    const fs::path patrolmap = test::binary("patrolmap");
    std::ostringstream script;
    script << "cd " << quoted(dir.path()) << " && {\n"
           << "  " << quoted(child) << " posters " << arg << " " << kRuns << " A > posters.txt 2> posters.err &\n"
           << "  " << quoted(child) << " ticks " << arg << " " << kRuns << " app > ticks.txt 2> ticks.err &\n"
           << "  " << quoted(child) << " reads " << arg << " " << 2 * kRuns << " > reads.txt 2> reads.err &\n"
           << "  for k in $(seq 0 " << kRuns - 1 << "); do " << quoted(patrolmap)
           << " visits " << arg << " --import v$k.csv >> cli.txt 2>&1 || echo \"exit $? run $k\" >> cli.txt; done &\n"
           << "  wait; }";
    REQUIRE(std::system(script.str().c_str()) == 0);

    for (const char* err : {"posters.err", "ticks.err", "reads.err"}) {
        CAPTURE(err);
        CHECK(test::read_text(dir / err).empty());
    }
    const std::string cli = test::read_text(dir / "cli.txt");
    CHECK_MESSAGE(cli.find("exit ") == std::string::npos, cli);

    const District after = read_district(ws);
    std::set<std::string> posters, visits;
    for (const auto& p : after.posters) posters.insert(p.id);
    for (const auto& v : after.visits) visits.insert(v.building_id + "@" + v.date);
    int saved = 0, refused = 0;
    for (const auto& line : test::read_lines(dir / "posters.txt")) {
        if (line.rfind("saved ", 0) == 0) {
            ++saved;
            CHECK_MESSAGE(posters.count(line.substr(6)), "poster " << line.substr(6) << " was saved and is gone");
        } else {
            ++refused;
            MESSAGE(line);
        }
    }
    CHECK(saved == kRuns);
    CHECK(refused == 0);
    int ticked = 0;
    for (const auto& line : test::read_lines(dir / "ticks.txt")) {
        REQUIRE_MESSAGE(line.rfind("saved ", 0) == 0, line);
        ++ticked;
    }
    CHECK(ticked == kRuns);
    for (const auto& key : cli_visits) CHECK_MESSAGE(visits.count(key), "the command line's visit " << key << " is gone");
    CHECK(after.visits.size() == static_cast<std::size_t>(2 * kRuns));
    CHECK(after.posters.size() == before.posters.size() + kRuns);

    // Each read saw one committed state: its counts are those of the commits up to its change.
    const std::vector<ChangeEntry> log = changes_since(ws, before.metadata.change);
    CHECK(log.size() == static_cast<std::size_t>(3 * kRuns));
    std::map<std::int64_t, std::pair<int, int>> expected;  // change -> (posters, visits) added by then
    int p = 0, v = 0;
    expected[before.metadata.change] = {0, 0};
    for (const auto& e : log) {
        if (e.tables.find("posters") != std::string::npos) ++p;
        if (e.tables.find("patrolmap_visits") != std::string::npos) ++v;
        expected[e.change] = {p, v};
    }
    const auto reads = test::read_lines(dir / "reads.txt");
    CHECK(reads.size() == static_cast<std::size_t>(2 * kRuns));
    for (const auto& line : reads) {
        std::istringstream in(line);
        std::string word;
        std::int64_t change = -1;
        int seen_posters = -1, seen_visits = -1;
        in >> word >> change >> seen_posters >> seen_visits;
        REQUIRE(expected.count(change));
        CAPTURE(line);
        CHECK(seen_posters == expected[change].first);
        CHECK(seen_visits == expected[change].second);
    }
  });
}
