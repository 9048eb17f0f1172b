// patrolmap new WS [--crs EPSG:n] [--name TEXT] [--timezone ZONE]
#include <iostream>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {

void add_new_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("new", "Create an empty workspace (one GeoPackage)");
    struct Args {
        std::string path, crs, name, timezone = "Asia/Shanghai";
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("WS", args->path, "Workspace file to create (.gpkg)")->required();
    cmd->add_option("--crs", args->crs,
                    "Projected metric CRS, e.g. EPSG:4549 (CGCS2000 / 3-degree GK CM 120E); "
                    "default: chosen from the first import");
    cmd->add_option("--name", args->name, "District name");
    cmd->add_option("--timezone", args->timezone, "Zone of times given without one")
        ->capture_default_str();
    cmd->callback([=, &action] {
        action = [=] {
            if (!geo::is_known_zone(args->timezone))
                throw geo::BadInput("--timezone '" + args->timezone + "' is not a known time zone (e.g. Asia/Shanghai)");
            geo::Metadata m;
            m.name = args->name.empty() ? std::filesystem::path(args->path).stem().string() : args->name;
            m.crs = args->crs;
            m.timezone = args->timezone;
            geo::create_workspace(args->path, m);
            const geo::Metadata made = geo::read_metadata(args->path);
            note() << "created " << args->path << " ("
                      << (made.crs.empty() ? "CRS from the first import" : made.crs) << ", "
                      << made.timezone << ")\n";
            return 0;
        };
    });
}

}  // namespace cli
