// patrolmap visits and progress as an officer's station uses them: import a CSV of visits done,
// read the board; bad rows exit 2 and leave the workspace as it was. Once per store: the sample
// copied into a GeoPackage and into a PostGIS database by `patrolmap copy`.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"
#include "tests/common/workspace_snapshot.h"
#include "tests/common/workspace_stores.h"

using test::run_patrolmap;

TEST_CASE("visits --import records each visit once; progress shows the week per officer") {
    test::for_each_store([](const test::Store& store) {
        test::ScratchDir dir;
        const std::string ws = store.fresh();
        REQUIRE(run_patrolmap({"copy", (test::source_dir() / "data/jiangnan.gpkg").string(), ws}).exit_code == 0);
        geo::District d = geo::read_district(ws);
        // P01's plan for W25 (a week the sample has no plan for): two buildings of P01's neighbourhoods.
        std::vector<std::string> own;
        for (const auto& n : d.neighbourhoods)
            if (n.officer_id == "P01")
                for (const auto& b : d.buildings)
                    if (b.neighbourhood_id == n.id && own.size() < 3) own.push_back(b.id);
        REQUIRE(own.size() == 3);
        geo::commit_visits(ws, {}, {{{"P01", "2021-W25", "2021-06-21", 1, own[0], 2}, {"P01", "2021-W25", "2021-06-21", 2, own[1], 1}}, {}});

        test::write_text(dir / "done.csv", "building_id,date\n" + own[0] + ",2021-06-22\n" + own[2] + ",2021-06-23\n");
        auto r = run_patrolmap({"visits", ws, "--import", (dir / "done.csv").string()});
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("recorded 2 new visits") != std::string::npos);
        r = run_patrolmap({"visits", ws, "--import", (dir / "done.csv").string()});
        CHECK(r.err.find("recorded 0 new visits (2 already recorded)") != std::string::npos);

        r = run_patrolmap({"progress", ws, "--week", "2021-W25", "--json"});
        REQUIRE(r.exit_code == 0);
        const auto j = nlohmann::json::parse(r.out);
        const auto& p01 = j["officers"][0];
        CHECK(p01["officer_id"] == "P01");
        CHECK(p01["planned"] == 2);
        CHECK(p01["done"] == 1);
        CHECK(p01["off_plan"] == 1);
        CHECK(j["officers"][1]["issued"] == false);

        const test::WorkspaceSnapshot before = test::snapshot_of(ws);
        test::write_text(dir / "bad.csv", "building_id,date\n" + own[0] + ",2021-06-24\nB-NOPE,2021-06-24\n");
        r = run_patrolmap({"visits", ws, "--import", (dir / "bad.csv").string()});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("bad.csv line 3: field building_id: 'B-NOPE'") != std::string::npos);
        CHECK(test::difference(test::snapshot_of(ws), before) == "");  // nothing half-written: the good row was not kept either
        CHECK(run_patrolmap({"progress", ws, "--week", "2021-W99"}).exit_code == 2);
    });
}
