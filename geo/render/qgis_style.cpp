#include "geo/render/qgis_style.h"

#include <cmath>

#include <fmt/format.h>

#include "geo/classify/class_breaks.h"
#include "geo/classify/colours.h"
#include "geo/density/heatmap_image.h"
#include "geo/query/incident_filter.h"
#include "geo/query/neighbourhood_stats.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"

namespace geo {
namespace {

// QML is XML: values and labels escaped.
std::string xml(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string rgba(Rgba8 c) { return fmt::format("{},{},{},{}", c.r, c.g, c.b, c.a); }

enum class Shape { marker, line, fill };

// One symbol in QGIS 3's form; `<prop k v>` is what every QGIS 3 release reads.
std::string symbol(Shape shape, int name, Rgba8 colour, double size) {
    switch (shape) {
        case Shape::marker:
            return fmt::format(
                R"(<symbol type="marker" name="{}" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" enabled="1" pass="0" locked="0">)"
                R"(<prop k="name" v="circle"/><prop k="color" v="{}"/><prop k="size" v="{}"/><prop k="size_unit" v="MM"/>)"
                R"(<prop k="outline_color" v="255,255,255,255"/><prop k="outline_width" v="0.2"/></layer></symbol>)",
                name, rgba(colour), size);
        case Shape::line:
            return fmt::format(
                R"(<symbol type="line" name="{}" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleLine" enabled="1" pass="0" locked="0">)"
                R"(<prop k="line_color" v="{}"/><prop k="line_width" v="{}"/><prop k="line_width_unit" v="MM"/></layer></symbol>)",
                name, rgba(colour), size);
        case Shape::fill:
            return fmt::format(
                R"(<symbol type="fill" name="{}" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" pass="0" locked="0">)"
                R"(<prop k="color" v="{}"/><prop k="style" v="solid"/><prop k="outline_color" v="90,90,90,255"/>)"
                R"(<prop k="outline_width" v="{}"/><prop k="outline_width_unit" v="MM"/></layer></symbol>)",
                name, rgba(colour), size);
    }
    return {};
}

std::string document(const std::string& renderer) {
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.0\" styleCategories=\"Symbology\">\n" +
           renderer + "\n</qgis>\n";
}

std::string single(Shape shape, Rgba8 colour, double size) {
    return document(R"(<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0"><symbols>)" +
                    symbol(shape, 0, colour, size) + "</symbols></renderer-v2>");
}

struct Category {
    std::string value, label;
    Rgba8 colour;
};

std::string categorized(const std::string& field, Shape shape, const std::vector<Category>& categories, double size) {
    std::string cats, symbols;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        cats += fmt::format(R"(<category value="{}" label="{}" symbol="{}" render="true"/>)", xml(categories[i].value),
                            xml(categories[i].label), i);
        symbols += symbol(shape, static_cast<int>(i), categories[i].colour, size);
    }
    return document(fmt::format(R"(<renderer-v2 type="categorizedSymbol" attr="{}" symbollevels="0" enableorderby="0" forceraster="0">)",
                                xml(field)) +
                    "<categories>" + cats + "</categories><symbols>" + symbols + "</symbols></renderer-v2>");
}

template <class E> std::vector<Category> categories_of() {
    std::vector<Category> out;
    for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i) {
        const E value = static_cast<E>(i);
        out.push_back({std::string(name_of(value)), std::string(name_of(value)), colour_of(value)});
    }
    return out;
}

// Ranges lower..upper from class breaks, the ramp's colours.
std::string graduated(const std::string& expression, const std::vector<double>& breaks, Ramp ramp, int decimals) {
    const int classes = std::max(1, static_cast<int>(breaks.size()) - 1);
    const std::vector<Rgba8> colours = ramp_colours(ramp, std::min(classes, 9));
    std::string ranges, symbols;
    for (int c = 0; c + 1 < static_cast<int>(breaks.size()); ++c) {
        ranges += fmt::format(R"(<range lower="{:.17g}" upper="{:.17g}" label="{:.{}f} – {:.{}f}" symbol="{}" render="true"/>)",
                              breaks[c], breaks[c + 1], breaks[c], decimals, breaks[c + 1], decimals, c);
        symbols += symbol(Shape::fill, c, colours[static_cast<std::size_t>(c)], 0.26);
    }
    return document(fmt::format(R"(<renderer-v2 type="graduatedSymbol" attr="{}" graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="0" forceraster="0">)",
                                xml(expression)) +
                    "<ranges>" + ranges + "</ranges><symbols>" + symbols + "</symbols></renderer-v2>");
}

std::vector<double> known(const std::vector<double>& values) {
    std::vector<double> out;
    for (double v : values)
        if (!std::isnan(v)) out.push_back(v);
    return out;
}

}  // namespace

std::vector<QgisStyle> workspace_styles(const District& d) {
    std::vector<QgisStyle> out;
    const std::vector<NeighbourhoodStats> stats = neighbourhood_stats(d, neighbourhood_of_incidents(d), IncidentFilter{});
    // The app's first view: incidents per 1,000 people, quantiles in 5 classes, warm colours.
    // QGIS counts the incidents with an aggregate over the incidents layer; the breaks are ours.
    const std::string per_1000 =
        "1000 * aggregate(layer:='incidents', aggregate:='count', expression:=\"id\", "
        "filter:=\"neighbourhood_id\" = attribute(@parent, 'id')) / (\"residents\" + \"transients\")";
    out.push_back({"neighbourhoods", "geom", "PatrolMap: incidents per 1,000", "as the app's choropleth",
                   graduated(per_1000, class_breaks(known(choropleth_values(stats, ChoroplethField::incidents_per_1000)), 5,
                                                    BreakMethod::quantiles),
                             Ramp::yellow_orange_red, 2),
                   true});
    out.push_back({"neighbourhoods", "geom", "PatrolMap: residents", "residents, quantiles",
                   graduated("residents", class_breaks(known(choropleth_values(stats, ChoroplethField::residents)), 5,
                                                       BreakMethod::quantiles),
                             Ramp::blues, 0),
                   false});
    out.push_back({"incidents", "geom", "PatrolMap: fraud type", "incidents by fraud type",
                   categorized("fraud_type", Shape::marker, categories_of<FraudType>(), 1.4), true});
    out.push_back({"warnings", "geom", "PatrolMap: outcome", "early warnings by outcome",
                   categorized("outcome", Shape::marker, categories_of<WarningOutcome>(), 1.0), true});
    out.push_back({"posters", "geom", "PatrolMap: kind", "posters, contact cards and banners",
                   categorized("kind", Shape::marker, categories_of<PosterKind>(), 1.0), true});
    out.push_back({"sites", "geom", "PatrolMap: kind", "sites by kind", categorized("kind", Shape::marker, categories_of<SiteKind>(), 2.6),
                   true});
    std::vector<Category> roads = categories_of<RoadClass>();
    out.push_back({"roads", "geom", "PatrolMap: class", "roads by class", categorized("class", Shape::line, roads, 0.5), true});
    bool footprints = false;
    for (const auto& b : d.buildings) footprints = footprints || !b.footprint.empty();
    out.push_back({"buildings", "geom", "PatrolMap: buildings", "buildings",
                   footprints ? single(Shape::fill, {200, 200, 200, 255}, 0.1) : single(Shape::marker, {120, 120, 120, 255}, 1.2), true});
    out.push_back({"officers", "geom", "PatrolMap: officers", "officers' posts", single(Shape::marker, {31, 120, 180, 255}, 3.0), true});
    // Sightings stack at their cameras; the vehicles register has no geometry and so no style.
    out.push_back({"sightings", "geom", "PatrolMap: sightings", "vehicles seen, at their cameras",
                   single(Shape::marker, {102, 102, 102, 255}, 1.6), true});
    return out;
}

void refresh_layer_styles(const std::filesystem::path& workspace) {
    write_layer_styles(workspace, workspace_styles(read_district(workspace)));
}

std::string gi_bins_qml() {
    std::vector<Category> bins;
    const char* labels[] = {"Cold spot, 99% confidence", "Cold spot, 95% confidence", "Cold spot, 90% confidence", "Not significant",
                            "Hot spot, 90% confidence",  "Hot spot, 95% confidence",  "Hot spot, 99% confidence"};
    for (int bin = -3; bin <= 3; ++bin) {
        Rgba8 colour = bin == 0 ? Rgba8{255, 255, 255, 0} : gi_bin_colour(bin);
        bins.push_back({std::to_string(bin), labels[bin + 3], colour});
    }
    return categorized("bin", Shape::fill, bins, 0.1);
}

std::string heat_ramp_qml(double max_value) {
    // The same continuous YlOrRd as the PNG (heatmap_image.h), 0 transparent.
    std::string items;
    for (int k = 0; k <= 8; ++k) {
        const double t = k / 8.0;
        const Rgba8 c = heat_colour(t);
        items += fmt::format(R"(<item value="{:.9g}" color="#{:02x}{:02x}{:02x}" alpha="{}" label="{:.4g}"/>)", t * max_value, c.r,
                             c.g, c.b, k == 0 ? 0 : 255, t * max_value);
    }
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.0\" styleCategories=\"Symbology\">\n"
           "<pipe><rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"1\" alphaBand=\"-1\" "
           "classificationMin=\"0\" classificationMax=\"" +
           fmt::format("{:.9g}", max_value) +
           "\"><rastershader><colorrampshader colorRampType=\"INTERPOLATED\" classificationMode=\"1\" clip=\"0\">" + items +
           "</colorrampshader></rastershader></rasterrenderer></pipe>\n</qgis>\n";
}

std::filesystem::path write_qml_beside(const std::filesystem::path& data_file, const std::string& qml) {
    std::filesystem::path path = data_file;
    path.replace_extension(".qml");
    write_file_atomically(path, qml);
    return path;
}

}  // namespace geo
