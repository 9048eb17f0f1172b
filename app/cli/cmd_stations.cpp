// patrolmap stations WS [--add ID --name NAME [--name-en NAME] [--role ROLE]]: the stations
// sharing a city workspace. Without --add it lists them and says which you write for (the
// database user the connection names); with --add the city's administrator adds one, creating
// its PostgreSQL role (a group its users join) when missing, with the grants its members need.
// Row-level security then lets the role's members write only rows carrying the station's id.
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/district_rows.h"
#include "geo/io/station_access.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace;
    std::string add, name, name_en, role;
};

void list(const std::string& workspace) {
    const geo::WorkspaceRows rows = geo::read_layers(workspace, {geo::LayerKind::stations});
    geo::District d;
    geo::append_rows(rows.rows.at(geo::LayerKind::stations), geo::LayerKind::stations, d, workspace);
    const geo::WriterScope scope = geo::writer_scope(workspace);
    if (d.stations.empty()) std::cout << "no stations: a one-station workspace\n";
    for (const auto& s : d.stations)
        std::cout << s.id << "  " << s.name << (s.name_en.empty() ? "" : "  " + s.name_en)
                  << (s.role.empty() ? "" : "  role " + s.role) << (scope.all_stations || scope.may_write(s.id) ? "  (you write)" : "")
                  << '\n';
    if (!scope.user.empty())
        std::cout << "you are " << scope.user << ": "
                  << (scope.all_stations ? std::string("the city's administrator (every station's rows)")
                                         : scope.stations.empty() ? std::string("no station's user (you read only)")
                                                                  : "a user of " + scope.stations_text())
                  << '\n';
}

int run(const Args& a) {
    if (a.add.empty()) {
        if (!a.name.empty() || !a.name_en.empty() || !a.role.empty())
            throw geo::BadInput("--name, --name-en and --role go with --add ID");
        list(a.workspace);
        return 0;
    }
    geo::add_station(a.workspace, geo::Station{a.add, a.name, a.name_en, a.role, {}});
    note() << "added station " << a.add << (a.role.empty() ? "" : " (role " + a.role + ")") << '\n';
    list(a.workspace);
    return 0;
}

}  // namespace

void add_stations_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("stations", "List the stations sharing a city workspace, or add one (administrator)");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg or PG:...)")->required();
    cmd->add_option("--add", a->add, "Add a station with this id (S01)");
    cmd->add_option("--name", a->name, "The station's name (江南派出所)");
    cmd->add_option("--name-en", a->name_en, "Its English name");
    cmd->add_option("--role", a->role, "PostgreSQL role of its users, created NOLOGIN when missing (jiangnan)");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
