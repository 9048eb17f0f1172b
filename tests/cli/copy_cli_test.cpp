// patrolmap copy between the stores: the sample into a workspace of each store and back into a
// new GeoPackage gives the same district; a target already holding a workspace is refused with
// exit 2 and left as it was.
#include <doctest/doctest.h>

#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_stores.h"

using test::run_patrolmap;

TEST_CASE("copy: the sample into each store and back is the sample; an occupied target is refused") {
    const std::string sample = (test::source_dir() / "data/jiangnan.gpkg").string();
    const geo::District original = geo::read_district(sample);
    test::for_each_store([&](const test::Store& store) {
        const std::string there = store.fresh();
        REQUIRE(run_patrolmap({"copy", sample, there}).exit_code == 0);
        test::ScratchDir dir;
        const std::string back = (dir / "back.gpkg").string();
        REQUIRE(run_patrolmap({"copy", there, back}).exit_code == 0);
        const geo::District d = geo::read_district(back);
        CHECK(d.metadata.change == original.metadata.change);
        CHECK(d.incidents.size() == original.incidents.size());
        CHECK(d.buildings.size() == original.buildings.size());
        CHECK(d.tracks == original.tracks);
        CHECK(d.planned_visits == original.planned_visits);
        CHECK(geo::read_layer_styles(back).size() == geo::read_layer_styles(sample).size());
        const std::int64_t before = geo::read_metadata(there).change;
        const auto again = run_patrolmap({"copy", sample, there});
        CHECK(again.exit_code == 2);
        CHECK(again.err.find("already") != std::string::npos);
        CHECK(geo::read_metadata(there).change == before);
        CHECK(geo::count_features(there, geo::LayerKind::incidents) == original.incidents.size());
    });
}
