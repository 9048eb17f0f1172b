// patrolmap import WS --layer KIND SOURCE [...]: any GDAL vector source into a layer.
#include <iostream>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/import_args.h"
#include "geo/io/importer.h"
#include "geo/model/layer_schema.h"
#include "geo/render/qgis_style.h"
#include "geo/util/error.h"

namespace cli {

void add_import_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand(
        "import",
        "Import a GDAL vector source (GeoJSON, GeoPackage, Shapefile, CSV, KML, OSM PBF, PostGIS "
        "PG:...) into a workspace layer, all or nothing");
    struct Args {
        std::string workspace, layer, source, source_layer, lonlat, wkt, src_crs, datum, time_format;
        std::vector<std::string> fields, constants, value_maps;
        bool replace = false, skip_invalid = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("SOURCE", a->source, "File, /vsizip/archive.zip, or PG:\"dbname=...\"")->required();
    cmd->add_option("--layer", a->layer, "Target layer: " + geo::layer_names_list())->required();
    cmd->add_option("--source-layer", a->source_layer, "Layer inside the source, when it has several");
    cmd->add_option("--field", a->fields, "Field mapping ours=theirs (repeatable)");
    cmd->add_option("--set", a->constants, "Constant value ours=VALUE for every feature (repeatable)");
    cmd->add_option("--map-values", a->value_maps,
                    "Translate values: FIELD:FROM=TO (repeatable; FROM '*' catches the rest)");
    cmd->add_option("--lonlat", a->lonlat, "Point from two columns: LON,LAT (or X,Y with --src-crs)");
    cmd->add_option("--wkt", a->wkt, "Geometry from a WKT column");
    cmd->add_option("--src-crs", a->src_crs, "CRS of the source when it has none or a wrong one");
    cmd->add_option("--datum", a->datum, "Chinese web-map datum of lon/lat sources: gcj02 (Amap, Tencent) or bd09 (Baidu)");
    cmd->add_option("--time-format", a->time_format, "strftime format for times that are not ISO 8601, e.g. '%Y%m%d %H%M'");
    cmd->add_flag("--replace", a->replace, "Replace the layer's features instead of adding");
    cmd->add_flag("--skip-invalid", a->skip_invalid, "Import the valid features; report the rest beside the workspace");
    cmd->callback([=, &action] {
        action = [=] {
            geo::ImportOptions o;
            auto kind = geo::parse_layer_kind(a->layer);
            if (!kind) throw geo::BadInput("--layer '" + a->layer + "' is not one of " + geo::layer_names_list());
            o.kind = *kind;
            o.source = a->source;
            o.source_layer = a->source_layer;
            for (const auto& f : a->fields) geo::add_field_mapping(o, f);
            for (const auto& c : a->constants) geo::add_constant(o, c);
            for (const auto& vm : a->value_maps) geo::add_value_map(o, vm);
            if (!a->lonlat.empty()) geo::set_lonlat_columns(o, a->lonlat);
            o.wkt_column = a->wkt;
            o.source_crs = a->src_crs;
            if (!a->datum.empty()) {
                auto datum = geo::parse_chinese_datum(a->datum);
                if (!datum) throw geo::BadInput("--datum '" + a->datum + "' is not gcj02 or bd09");
                o.datum = *datum;
            }
            o.time_format = a->time_format;
            o.replace = a->replace;
            o.skip_invalid = a->skip_invalid;
            auto progress = std::make_shared<ProgressLine>("checking features");
            if (!quiet()) o.progress = [progress](std::size_t done, std::size_t total) { progress->update(done, total); };
            geo::ImportResult r = geo::import_layer(a->workspace, o);
            progress->finish();
            if (r.imported > 0 || r.replaced > 0) geo::refresh_layer_styles(a->workspace);  // classes follow the data
            for (const auto& line : r.notes) note() << line << '\n';
            for (const auto& line : r.repaired) note() << "repaired: " << line << '\n';
            if (r.crs_chosen) note() << "workspace CRS set to " << r.workspace_crs << '\n';
            note() << "imported " << r.imported << " " << a->layer << " into " << a->workspace
                   << (a->replace ? " (replaced " + std::to_string(r.replaced) + ")" : std::string()) << '\n';
            if (!r.repaired.empty()) note() << "repaired " << r.repaired.size() << " invalid polygons\n";
            if (!r.rejected.empty())
                note() << "skipped " << r.rejected.size() << " invalid features; report: " << r.report_path
                          << "\n  first: " << r.rejected.front().sentence() << '\n';
            return 0;
        };
    });
}

}  // namespace cli
