// patrolmap sample OUT [--seed N]: regenerate the bundled synthetic district.
#include <iostream>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "data/generator/jiangnan.h"
#include "geo/io/workspace_store.h"
#include "geo/render/qgis_style.h"

namespace cli {

void add_sample_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand(
        "sample", "Write the synthetic Jiangnan sample district (data/jiangnan.gpkg is seed 20210101)");
    auto out = std::make_shared<std::string>();
    auto seed = std::make_shared<std::uint64_t>(sample::kDefaultSeed);
    cmd->add_option("OUT", *out, "Workspace file to write (replaced if it exists)")->required();
    cmd->add_option("--seed", *seed, "Random seed")->capture_default_str();
    cmd->callback([=, &action] {
        action = [=] {
            const geo::District district = sample::generate_jiangnan(*seed);
            geo::write_district(*out, district);
            geo::refresh_layer_styles(*out);  // QGIS opens it looking as the app does
            note() << "wrote " << *out << ": " << district.neighbourhoods.size()
                      << " neighbourhoods, " << district.incidents.size() << " incidents, " << district.warnings.size()
                      << " early warnings, " << district.vehicles.size() << " vehicles and " << district.sightings.size()
                      << " camera sightings (synthetic, seed "
                      << *seed << ")\n";
            return 0;
        };
    });
}

}  // namespace cli
