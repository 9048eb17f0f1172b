// patrolmap copy WS_FROM WS_TO: a whole workspace from one store to the other (a GeoPackage
// into a PostGIS database to share it, or a database back into a file to take it along): every
// layer, the visits, lectures and tracks, the metadata with its change counter, and the QGIS
// styles. The target is new (a file that does not exist, a database holding no workspace) and
// written in one transaction, so a failed copy leaves nothing half-written.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/source_reader.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"

namespace cli {

void add_copy_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("copy", "Copy a whole workspace between a GeoPackage and a PostGIS database (PG:...), either way");
    auto from = std::make_shared<std::string>(), to = std::make_shared<std::string>();
    cmd->add_option("WS_FROM", *from, "Workspace to copy (.gpkg or PG:...)")->required();
    cmd->add_option("WS_TO", *to, "New workspace (.gpkg that does not exist, or PG:... of a database without one)")->required();
    cmd->callback([=, &action] {
        action = [=] {
            // write_district replaces a file (what `sample` wants); a copy never does.
            if (!geo::is_database_workspace(*to) && std::filesystem::exists(*to))
                throw geo::BadInput(*to + " already exists; a copy goes to a new file (or a database without a workspace)");
            const geo::District d = geo::read_district(*from);
            const auto styles = geo::read_layer_styles(*from);
            geo::write_district(*to, d);
            if (!styles.empty()) geo::write_layer_styles(*to, styles);
            std::size_t features = d.neighbourhoods.size() + d.officers.size() + d.incidents.size() + d.posters.size() +
                                   d.buildings.size() + d.sites.size() + d.roads.size() + d.warnings.size();
            note() << fmt::format("copied {} to {}: {} features, {} tracks, {} planned visits, {} visits, {} lectures, {} styles\n",
                                  geo::source_label(*from), geo::source_label(*to), features, d.tracks.size(), d.planned_visits.size(),
                                  d.visits.size(), d.lectures.size(), styles.size());
            return 0;
        };
    });
}

}  // namespace cli
