// patrolmap progress WS --week 2021-W24 [--json]: the weekly progress board, per officer the
// visits of the issued plan done that week (geo/planning/completion.h).
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/workspace_store.h"
#include "geo/planning/completion.h"
#include "geo/planning/iso_week.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, week;
    bool json = false;
};

int run(const Args& a) {
    const geo::District d = geo::read_district(a.workspace);
    const auto week = geo::parse_iso_week(a.week, d.metadata.timezone);
    if (!week) throw geo::BadInput("--week '" + a.week + "' is not an ISO week such as 2021-W24");
    const auto rows = geo::weekly_completion(d, a.week, *week);
    if (a.json) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& r : rows)
            j.push_back({{"officer_id", r.officer_id}, {"officer_name", r.officer_name}, {"issued", r.issued}, {"planned", r.planned},
                         {"done", r.done}, {"share", r.share()}, {"off_plan", r.off_plan}, {"priority_planned", r.priority_planned},
                         {"priority_done", r.priority_done}, {"households_done", r.households_done}});
        std::cout << nlohmann::json{{"week", a.week}, {"officers", j}}.dump(2) << '\n';
        return 0;
    }
    std::cout << fmt::format("week {}\n", a.week);
    std::cout << pad("officer", 8) << ' ' << pad("name", 8) << fmt::format(" {:>7} {:>5} {:>6} {:>8} {:>10}\n", "planned", "done",
                                                                            "share", "off-plan", "households");
    std::size_t planned = 0, done = 0;
    for (const auto& r : rows) {
        const std::string share = r.issued ? fmt::format("{:.0f}%", 100 * r.share()) : "-";
        std::cout << pad(r.officer_id, 8) << ' ' << pad(r.officer_name, 8)
                  << fmt::format(" {:>7} {:>5} {:>6} {:>8} {:>10}\n", r.issued ? std::to_string(r.planned) : "no plan", r.done, share,
                                 r.off_plan, r.households_done);
        planned += r.planned;
        done += r.done;
    }
    std::cout << fmt::format("all officers: {} of {} planned visits done ({:.0f}%)\n", done, planned,
                             planned ? 100.0 * static_cast<double>(done) / static_cast<double>(planned) : 0.0);
    return 0;
}

}  // namespace

void add_progress_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("progress", "Weekly progress board: planned visits done per officer");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--week", a->week, "ISO week, e.g. 2021-W24")->required();
    cmd->add_flag("--json", a->json, "One JSON object instead of the table");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
