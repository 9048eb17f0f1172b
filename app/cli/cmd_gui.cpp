// patrolmap gui [WS] [--screenshot FILE.png] [--frames N] [--size WxH] [--lang zh|en]
#include <iostream>

#include "app/cli/commands.h"
#include "app/gui/gui_options.h"
#include "geo/util/error.h"

namespace cli {

void add_gui_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("gui", "Open the PatrolMap window (needs a display; Xvfb works)");
    auto o = std::make_shared<gui::GuiOptions>();
    auto size = std::make_shared<std::string>("1600x1000");
    cmd->add_option("WS", o->workspace, "Workspace (.gpkg) to open");
    cmd->add_option("--screenshot", o->screenshot, "Render, write this PNG and exit");
    cmd->add_option("--frames", o->frames, "Frames to render before the screenshot")->capture_default_str();
    cmd->add_option("--size", *size, "Window size WxH")->capture_default_str();
    cmd->add_option("--lang", o->language, "zh or en (default: from the locale)");
    cmd->add_option("--layer-state", o->layer_state,
                    "View settings KEY=VALUE,...: <layer>=on|off|opacity, fill=FIELD, breaks=METHOD, classes=N, "
                    "colour=fraud_type|outcome, step=week|month, window=2021-05..2021-06, type=investment+loan");
    cmd->add_option("--report", o->report, "With --screenshot: write a JSON of what was drawn where");
    cmd->add_option("--heatmap-dump", o->heatmap_dump,
                    "With --screenshot: write the live heatmap's densities (per km², float32, rows top first)");
    cmd->add_option("--basemap", o->basemap, "Offline basemap: any raster GDAL opens (GeoTIFF, MBTiles), reprojected");
    cmd->callback([=, &action] {
        action = [=] {
            int w = 0, h = 0;
            if (std::sscanf(size->c_str(), "%dx%d", &w, &h) != 2 || w < 200 || h < 200 || w > 8192 || h > 8192)
                throw geo::BadInput("--size '" + *size + "' must look like 1600x1000 (200..8192 each)");
            if (!o->language.empty() && o->language != "zh" && o->language != "en")
                throw geo::BadInput("--lang '" + o->language + "' must be zh or en");
            gui::GuiOptions options = *o;
            options.width = w;
            options.height = h;
            return gui::run_gui(options);
        };
    });
}

}  // namespace cli
