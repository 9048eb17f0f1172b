// Export then import again, for each vector format: the incidents come back unchanged
// (ids, times to the second, vocabularies, amounts, locations to 1 cm, extras), from and into
// either store (tests/common/workspace_stores.h).
#include <cmath>

#include <doctest/doctest.h>

#include "geo/io/exporter.h"
#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/util/time_parse.h"
#include "geo/util/error.h"
#include "tests/common/workspace_builders.h"
#include "tests/common/workspace_stores.h"

using namespace geo;

namespace {

void check_same_incidents(const District& a, const District& b) {
    REQUIRE(a.incidents.size() == b.incidents.size());
    std::map<std::string, const Incident*> by_id;
    for (const auto& i : b.incidents) by_id[i.id] = &i;
    for (const auto& i : a.incidents) {
        CAPTURE(i.id);
        REQUIRE(by_id.count(i.id));
        const Incident& j = *by_id[i.id];
        CHECK(i.time == j.time);
        CHECK(i.fraud_type == j.fraud_type);
        CHECK(i.victim_age_band == j.victim_age_band);
        CHECK(i.outcome == j.outcome);
        CHECK(i.source == j.source);
        CHECK(i.loss_yuan == doctest::Approx(j.loss_yuan));
        CHECK(i.recovered_yuan == doctest::Approx(j.recovered_yuan));
        CHECK(std::hypot(i.location.x - j.location.x, i.location.y - j.location.y) < 0.01);
        if (i.extras.count("memo") && !to_text(i.extras.at("memo")).empty())
            CHECK(to_text(j.extras.at("memo")) == to_text(i.extras.at("memo")));
    }
}

}  // namespace

TEST_CASE("round trip through every vector format") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    import_layer(ws, test::incidents_from(test::fixture("incidents.geojson")));
    const District original = read_district(ws);

    struct Format {
        const char* extension;
        std::map<std::string, std::string> fields;  // ours -> theirs when the format renames
        const char* source_crs;
    };
    const std::vector<Format> formats = {
        {"geojson", {}, ""},
        {"gpkg", {}, ""},
        {"fgb", {}, ""},
        {"kml", {}, ""},
        {"csv", {}, "EPSG:4549"},
        // DBF field names hold 10 characters.
        {"shp", {{"victim_age_band", "victim_age"}, {"recovered_yuan", "recovered_"}}, ""},
    };
    for (const auto& format : formats) {
        const std::string extension = format.extension;
        CAPTURE(extension);
        const auto out = dir / (std::string("incidents.") + format.extension);
        ExportOptions e;
        e.kind = LayerKind::incidents;
        e.output = out;
        CHECK(export_layer(ws, e).written == 5);
        REQUIRE(std::filesystem::exists(out));

        const std::string back = store.fresh();
        test::workspace_with_neighbourhoods_at(back);
        ImportOptions o = test::incidents_from(out);
        o.field_map = format.fields;
        o.source_crs = format.source_crs;
        CHECK(import_layer(back, o).imported == 5);
        check_same_incidents(original, read_district(back));
    }
  });
}

TEST_CASE("a public export carries no victim details") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    import_layer(ws, test::incidents_from(test::fixture("incidents.geojson")));
    ExportOptions e;
    e.kind = LayerKind::incidents;
    e.output = dir / "public.geojson";
    e.public_copy = true;
    export_layer(ws, e);
    const std::string text = test::read_text(dir / "public.geojson");
    for (const char* hidden : {"victim_age_band", "loss_yuan", "outcome", "recovered_yuan", "memo",
                               "理财群", "60_plus", "52000", "14:20"})
        CHECK_MESSAGE(text.find(hidden) == std::string::npos, hidden);
    CHECK(text.find("\"fraud_type\": \"investment\"") != std::string::npos);
    CHECK(text.find("2021-05-03") != std::string::npos);

    // Locations are moved to the centre of their 100 m cell.
    const std::string back = store.fresh();
    test::workspace_with_neighbourhoods_at(back);
    import_layer(back, test::incidents_from(dir / "public.geojson"));
    for (const auto& i : read_district(back).incidents) {
        // The day, read back as its local midnight.
        CHECK(format_local(i.time, "Asia/Shanghai", "%H:%M") == "00:00");
        CHECK(std::fmod(i.location.x, 100.0) == doctest::Approx(50).epsilon(1e-6));
        CHECK(std::fmod(i.location.y, 100.0) == doctest::Approx(50).epsilon(1e-6));
    }
  });
}

TEST_CASE("an unknown output extension is bad input and writes nothing") {
  test::for_each_store([](const test::Store& store) {
    test::ScratchDir dir;
    const std::string ws = store.fresh();
    test::workspace_with_neighbourhoods_at(ws);
    ExportOptions e;
    e.kind = LayerKind::neighbourhoods;
    e.output = dir / "out.xyz";
    CHECK_THROWS_WITH_AS(export_layer(ws, e), doctest::Contains("unknown output format"), geo::BadInput);
    CHECK_FALSE(std::filesystem::exists(dir / "out.xyz"));
  });
}
