// Styles QGIS reads (issue 18): the workspace's layer_styles rows and the .qml beside outputs
// carry the app's colours, categories and choropleth classes, as XML QGIS can parse.
#include <doctest/doctest.h>

#include <cpl_minixml.h>
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>

#include "geo/classify/class_breaks.h"
#include "geo/classify/colours.h"
#include "geo/io/workspace_store.h"
#include "geo/query/incident_filter.h"
#include "geo/query/neighbourhood_stats.h"
#include "geo/render/qgis_style.h"
#include "geo/spatial/point_in_area.h"
#include "tests/common/fixtures.h"
#include "tests/common/workspace_builders.h"

namespace fs = std::filesystem;
using namespace geo;

namespace {

struct XmlDeleter {
    void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
};
using Xml = std::unique_ptr<CPLXMLNode, XmlDeleter>;

Xml parse(const std::string& qml) {
    Xml root(CPLParseXMLString(qml.c_str()));
    REQUIRE_MESSAGE(root, "not XML: " << qml.substr(0, 200));
    return root;
}

const CPLXMLNode* find(const CPLXMLNode* node, const char* path) { return CPLGetXMLNode(node, path); }

std::vector<const CPLXMLNode*> children(const CPLXMLNode* parent, const char* name) {
    std::vector<const CPLXMLNode*> out;
    for (const CPLXMLNode* c = parent ? parent->psChild : nullptr; c; c = c->psNext)
        if (c->eType == CXT_Element && std::string(c->pszValue) == name) out.push_back(c);
    return out;
}

std::string rgba(Rgba8 c) { return fmt::format("{},{},{},{}", c.r, c.g, c.b, c.a); }

// The colour of symbol `name` in a renderer's <symbols>.
std::string symbol_colour(const CPLXMLNode* renderer, const std::string& name, const char* key = "color") {
    for (const CPLXMLNode* s : children(find(renderer, "symbols"), "symbol"))
        if (CPLGetXMLValue(s, "name", "") == name)
            for (const CPLXMLNode* p : children(find(s, "layer"), "prop"))
                if (std::string(CPLGetXMLValue(p, "k", "")) == key) return CPLGetXMLValue(p, "v", "");
    return "";
}

const QgisStyle& style_of(const std::vector<QgisStyle>& styles, const std::string& table, bool is_default = true) {
    for (const auto& s : styles)
        if (s.table == table && s.is_default == is_default) return s;
    FAIL("no style for " << table);
    return styles.front();
}

fs::path sample_copy(const test::ScratchDir& dir) {
    const fs::path ws = dir / "ws.gpkg";
    fs::copy_file(test::source_dir() / "data" / "jiangnan.gpkg", ws);
    return ws;
}

}  // namespace

TEST_CASE("Each layer's style carries the app's categories and colours") {
    const District d = read_district(test::source_dir() / "data" / "jiangnan.gpkg");
    const std::vector<QgisStyle> styles = workspace_styles(d);
    for (const char* table : {"neighbourhoods", "incidents", "posters", "sites", "roads", "buildings", "officers"}) {
        CAPTURE(table);
        const QgisStyle& s = style_of(styles, table);
        CHECK(s.name.rfind("PatrolMap: ", 0) == 0);
        const Xml root = parse(s.qml);
        CHECK(find(root.get(), "=qgis.renderer-v2") != nullptr);
    }
    const Xml incidents = parse(style_of(styles, "incidents").qml);
    const CPLXMLNode* renderer = find(incidents.get(), "=qgis.renderer-v2");
    CHECK(std::string(CPLGetXMLValue(renderer, "type", "")) == "categorizedSymbol");
    CHECK(std::string(CPLGetXMLValue(renderer, "attr", "")) == "fraud_type");
    const auto categories = children(find(renderer, "categories"), "category");
    REQUIRE(categories.size() == EnumNames<FraudType>::names.size());
    for (const CPLXMLNode* c : categories) {
        const auto type = parse_enum<FraudType>(CPLGetXMLValue(c, "value", ""));
        REQUIRE(type);
        CHECK(symbol_colour(renderer, CPLGetXMLValue(c, "symbol", "")) == rgba(colour_of(*type)));
    }
    const Xml posters = parse(style_of(styles, "posters").qml);
    CHECK(children(find(posters.get(), "=qgis.renderer-v2.categories"), "category").size() == 3);
}

TEST_CASE("The neighbourhoods' default style has the app's choropleth classes and ramp") {
    const District d = read_district(test::source_dir() / "data" / "jiangnan.gpkg");
    const Xml root = parse(style_of(workspace_styles(d), "neighbourhoods").qml);
    const CPLXMLNode* renderer = find(root.get(), "=qgis.renderer-v2");
    CHECK(std::string(CPLGetXMLValue(renderer, "type", "")) == "graduatedSymbol");
    CHECK(std::string(CPLGetXMLValue(renderer, "attr", "")).find("aggregate(layer:='incidents'") != std::string::npos);
    // The breaks the map's legend shows for incidents per 1,000 in its first view.
    const auto stats = neighbourhood_stats(d, neighbourhood_of_incidents(d), IncidentFilter{});
    std::vector<double> values;
    for (double v : choropleth_values(stats, ChoroplethField::incidents_per_1000))
        if (!std::isnan(v)) values.push_back(v);
    const std::vector<double> breaks = class_breaks(values, 5, BreakMethod::quantiles);
    const auto ranges = children(find(renderer, "ranges"), "range");
    REQUIRE(ranges.size() + 1 == breaks.size());
    const std::vector<Rgba8> ramp = ramp_colours(Ramp::yellow_orange_red, static_cast<int>(ranges.size()));
    for (std::size_t k = 0; k < ranges.size(); ++k) {
        CHECK(std::stod(CPLGetXMLValue(ranges[k], "lower", "nan")) == doctest::Approx(breaks[k]).epsilon(1e-6));
        CHECK(std::stod(CPLGetXMLValue(ranges[k], "upper", "nan")) == doctest::Approx(breaks[k + 1]).epsilon(1e-6));
        CHECK(symbol_colour(renderer, CPLGetXMLValue(ranges[k], "symbol", "")) == rgba(ramp[k]));
    }
}

TEST_CASE("layer_styles holds one default style per layer and keeps a user's own") {
    test::ScratchDir dir;
    const fs::path ws = sample_copy(dir);
    const std::int64_t change = read_metadata(ws).change;
    refresh_layer_styles(ws);
    std::vector<StoredStyle> rows = read_layer_styles(ws);
    CHECK(rows.size() == workspace_styles(read_district(ws)).size());
    std::map<std::string, int> defaults;
    for (const auto& r : rows) defaults[r.table] += r.is_default;
    for (const auto& [table, n] : defaults) {
        CAPTURE(table);
        CHECK(n == 1);
    }
    CHECK(read_metadata(ws).change == change);  // a style is not a change to the data

    // A planner saves a style of their own from QGIS as the default; ours are rewritten and
    // become the defaults again, theirs stays in the list.
    write_layer_styles(ws, {{"incidents", "geom", "my red dots", "", "<qgis/>", true}});
    refresh_layer_styles(ws);
    rows = read_layer_styles(ws);
    int mine = 0, incident_defaults = 0;
    for (const auto& r : rows) {
        if (r.name == "my red dots") mine += 1 + (r.is_default ? 10 : 0);
        if (r.table == "incidents") incident_defaults += r.is_default;
    }
    CHECK(mine == 1);  // there, and not the default
    CHECK(incident_defaults == 1);
}

TEST_CASE("Hot-spot bins and the heatmap ramp as .qml") {
    const Xml bins = parse(gi_bins_qml());
    const CPLXMLNode* renderer = find(bins.get(), "=qgis.renderer-v2");
    CHECK(std::string(CPLGetXMLValue(renderer, "attr", "")) == "bin");
    const auto categories = children(find(renderer, "categories"), "category");
    REQUIRE(categories.size() == 7);
    for (const CPLXMLNode* c : categories) {
        const int bin = std::stoi(CPLGetXMLValue(c, "value", "9"));
        if (bin != 0) CHECK(symbol_colour(renderer, CPLGetXMLValue(c, "symbol", "")) == rgba(gi_bin_colour(bin)));
    }
    const Xml heat = parse(heat_ramp_qml(42.5));
    const CPLXMLNode* shader = find(heat.get(), "=qgis.pipe.rasterrenderer.rastershader.colorrampshader");
    REQUIRE(shader);
    const auto items = children(shader, "item");
    REQUIRE(items.size() == 9);
    CHECK(std::stod(CPLGetXMLValue(items.back(), "value", "0")) == doctest::Approx(42.5));
    CHECK(std::string(CPLGetXMLValue(items.front(), "alpha", "")) == "0");  // 0 transparent, as the PNG

    test::ScratchDir dir;
    const fs::path qml = write_qml_beside(dir / "hot.geojson", gi_bins_qml());
    CHECK(qml == dir / "hot.qml");
    CHECK(test::read_text(qml) == gi_bins_qml());
}
