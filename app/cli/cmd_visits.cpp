// patrolmap visits WS --import FILE.csv | --done BUILDING --date D [--officer ID] |
// --undo BUILDING --date D: records home visits done (geo/planning/visit_log.h) in the
// workspace, for the progress board (`patrolmap progress`). Importing the same file twice
// records nothing twice.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/visit_csv.h"
#include "geo/io/workspace_store.h"
#include "geo/planning/visit_log.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, csv, done, undo, date, officer;
};

geo::Timestamp now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

// --date as the local day "2021-06-15"; BadInput when it is not a date (or, recording a visit,
// when it is in the future).
std::string local_day(const std::string& text, const std::string& zone, bool refuse_future) {
    const auto t = geo::parse_iso8601(text, zone);
    if (!t) throw geo::BadInput("--date '" + text + "' is not a date (write 2021-06-15)");
    if (refuse_future && *t > now()) throw geo::BadInput("--date " + text + " is in the future");
    return geo::format_local(*t, zone, "%Y-%m-%d");
}

// One visit given on the command line, checked as a CSV row would be.
geo::VisitRecord one_visit(const Args& a, const geo::District& d, const std::string& recorded) {
    const auto known = [&](const auto& list, const std::string& id) {
        return std::any_of(list.begin(), list.end(), [&](const auto& x) { return x.id == id; });
    };
    if (!known(d.buildings, a.done)) throw geo::BadInput("--done '" + a.done + "' is not a building of " + a.workspace);
    if (!a.officer.empty() && !known(d.officers, a.officer))
        throw geo::BadInput("--officer '" + a.officer + "' is not an officer of " + a.workspace);
    return {a.done, local_day(a.date, d.metadata.timezone, true), a.officer, "command line", recorded};
}

int run(const Args& a) {
    const int modes = !a.csv.empty() + !a.done.empty() + !a.undo.empty();
    if (modes != 1) throw geo::BadInput("give exactly one of --import FILE.csv, --done BUILDING or --undo BUILDING");
    if ((!a.done.empty() || !a.undo.empty()) && a.date.empty()) throw geo::BadInput("--done and --undo need --date");
    geo::District d = geo::read_district(a.workspace);
    const geo::VisitTables read{d.planned_visits, d.visits};  // what this run read, for the merge
    const std::string recorded = geo::format_iso8601_utc(now());

    if (!a.undo.empty()) {
        const std::string date = local_day(a.date, d.metadata.timezone, false);
        if (!geo::remove_visit(d.visits, a.undo, date))
            throw geo::BadInput("no visit of building " + a.undo + " on " + date + " is recorded in " + a.workspace);
        geo::commit_visits(a.workspace, read, {d.planned_visits, d.visits});
        note() << fmt::format("removed the visit of {} on {}\n", a.undo, date);
        return 0;
    }
    const std::vector<geo::VisitRecord> incoming =
        a.csv.empty() ? std::vector<geo::VisitRecord>{one_visit(a, d, recorded)} : geo::read_visit_csv(a.csv, d, now(), recorded);
    if (incoming.empty()) throw geo::BadInput(a.csv + " holds no visits");
    const std::size_t added = geo::add_visits(d.visits, incoming);
    std::size_t total = d.visits.size();
    if (added > 0) total = geo::commit_visits(a.workspace, read, {d.planned_visits, d.visits}).tables.visits.size();
    note() << fmt::format("recorded {} new visit{} ({} already recorded); {} visits in {}\n", added, added == 1 ? "" : "s",
                             incoming.size() - added, total, a.workspace);
    return 0;
}

}  // namespace

void add_visits_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("visits", "Record home visits done (a CSV of building id + date, or one visit)");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--import", a->csv, "CSV with building_id and date columns (optional officer_id)");
    cmd->add_option("--done", a->done, "Record one visit of this building (with --date)");
    cmd->add_option("--undo", a->undo, "Remove the recorded visit of this building (with --date)");
    cmd->add_option("--date", a->date, "Day of the visit, e.g. 2021-06-15 (workspace time zone)");
    cmd->add_option("--officer", a->officer, "Who visited (with --done)");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
