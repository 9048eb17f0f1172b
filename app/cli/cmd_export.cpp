// patrolmap export WS --layer KIND OUT [--public] [--crs CRS]
#include <iostream>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/exporter.h"
#include "geo/util/error.h"

namespace cli {

void add_export_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("export", "Export a workspace layer to any GDAL vector format (by extension)");
    struct Args {
        std::string workspace, layer, output, crs;
        bool public_copy = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("OUT", a->output, ".geojson .gpkg .shp .csv .kml .fgb .gml .sqlite")->required();
    cmd->add_option("--layer", a->layer, "Layer: " + geo::layer_names_list())->required();
    cmd->add_option("--crs", a->crs, "Output CRS (default: WGS84 for GeoJSON/KML, else the workspace's)");
    cmd->add_flag("--public", a->public_copy,
                  "For the public: incidents keep only id, date and fraud type, warnings id, date, channel, outcome and neighbourhood, at 100 m cells; "
                  "vehicles and sightings lose their plates and ids (sightings keep camera, date and people aboard)");
    cmd->callback([=, &action] {
        action = [=] {
            auto kind = geo::parse_layer_kind(a->layer);
            if (!kind) throw geo::BadInput("--layer '" + a->layer + "' is not one of " + geo::layer_names_list());
            geo::ExportOptions o{*kind, a->output, a->public_copy, a->crs};
            const geo::ExportResult r = geo::export_layer(a->workspace, o);
            note() << "wrote " << r.written << " " << a->layer << " to " << a->output << " ("
                      << r.driver << ", " << r.crs << (a->public_copy ? ", public" : "") << ")\n";
            return 0;
        };
    });
}

}  // namespace cli
