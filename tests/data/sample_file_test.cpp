// The committed data/jiangnan.gpkg is exactly what the generator makes, and carries the
// station report's figures.
#include <cmath>

#include <doctest/doctest.h>

#include "data/generator/jiangnan.h"
#include "geo/io/district_rows.h"
#include "geo/io/workspace_store.h"
#include "geo/summary/district_summary.h"
#include "tests/common/fixtures.h"

using namespace geo;

namespace {

const std::filesystem::path kSample = test::source_dir() / "data" / "jiangnan.gpkg";

// A row without NULL values: a workspace stores absent extras as NULL columns.
std::map<std::string, FieldValue> non_null(const Row& row) {
    std::map<std::string, FieldValue> out;
    for (const auto& [k, v] : row.values)
        if (!std::holds_alternative<std::monostate>(v)) out.emplace(k, v);
    return out;
}

}  // namespace

TEST_CASE("the committed sample matches the generator feature by feature, field by field") {
    REQUIRE(std::filesystem::exists(kSample));
    const District committed = read_district(kSample);
    const District generated = sample::generate_jiangnan(sample::kDefaultSeed);
    CHECK(committed.metadata.name == generated.metadata.name);
    CHECK(committed.metadata.synthetic == generated.metadata.synthetic);
    CHECK(committed.metadata.crs == generated.metadata.crs);
    CHECK(committed.metadata.created == generated.metadata.created);
    for (const auto& spec : all_layer_specs()) {
        const std::string layer(spec.name);
        CAPTURE(layer);
        const std::vector<Row> a = to_rows(committed, spec.kind);
        const std::vector<Row> b = to_rows(generated, spec.kind);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CAPTURE(i);
            CHECK(non_null(a[i]) == non_null(b[i]));
            CHECK(a[i].geometry == b[i].geometry);
        }
    }
}

TEST_CASE("the sample carries the district's figures") {
    const DistrictSummary s = summarise(read_district(kSample));
    CHECK(s.metadata.synthetic);
    CHECK(s.metadata.crs == "EPSG:4549");
    CHECK(s.residents == 65000);
    CHECK(s.transients == 34000);
    CHECK(s.mean_app_adoption.value() == doctest::Approx(0.92).epsilon(0.006));
    const auto neighbourhoods = s.layer_counts[0].second;
    CHECK(neighbourhoods >= 30);
    CHECK(neighbourhoods <= 40);
    CHECK(s.incidents > 1000);
    REQUIRE(s.months.size() == 12);
    CHECK(s.months[4].month == 5);
    CHECK(std::round(*s.months[4].change_pct * 10) / 10 == doctest::Approx(-6.5));
    CHECK(std::round(*s.months[5].change_pct * 10) / 10 == doctest::Approx(-37.9));
    // Around 120.03°E, 28.90°N.
    REQUIRE(s.extent_lonlat);
    CHECK((s.extent_lonlat->min_x + s.extent_lonlat->max_x) / 2 == doctest::Approx(120.03).epsilon(1e-3));
    CHECK((s.extent_lonlat->min_y + s.extent_lonlat->max_y) / 2 == doctest::Approx(28.90).epsilon(1e-3));
}

TEST_CASE("writing and reading a district gives the same district back") {
    test::ScratchDir dir;
    const District generated = sample::generate_jiangnan(7);
    write_district(dir / "seed7.gpkg", generated);
    const District back = read_district(dir / "seed7.gpkg");
    CHECK(back.incidents.size() == generated.incidents.size());
    CHECK(to_rows(back, LayerKind::incidents).front().values.at("id") ==
          to_rows(generated, LayerKind::incidents).front().values.at("id"));
    CHECK(back.buildings.front().location.x == doctest::Approx(generated.buildings.front().location.x));
}
