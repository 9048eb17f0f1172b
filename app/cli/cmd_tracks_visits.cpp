// patrolmap tracks WS --visits --week 2021-W24 [--radius 30] [--min-minutes 2] [--dry-run]:
// the home visits the week's tracks confirm (geo/tracks/track_visits.h: a dwell near a
// building), recorded in patrolmap_visits with source "track" beside the ticks and CSVs (merged,
// nothing another program recorded meanwhile is lost), so the progress board and the weekly
// review count them. Per officer: the plan's stops, those the tracks visited, the visits off the
// plan and the ambiguous ones; then the planned stops no track stopped at, by officer and day.
#include <chrono>
#include <iostream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "app/cli/cmd_tracks.h"
#include "app/cli/text_format.h"
#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/visit_log.h"
#include "geo/tracks/track_visits.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {

int track_visits(const TracksArgs& a) {
    if (a.week.empty()) throw geo::BadInput("--visits needs --week, e.g. --week 2021-W24");
    if (!(a.radius_m > 0 && a.radius_m <= 500)) throw geo::BadInput(fmt::format("--radius {} is not between 0 and 500 metres", a.radius_m));
    if (!(a.min_minutes > 0 && a.min_minutes <= 240)) throw geo::BadInput(fmt::format("--min-minutes {} is not between 0 and 240", a.min_minutes));
    geo::District d = geo::read_district(a.workspace);
    chosen_tracks(d, a);  // refuses a week without tracks
    const auto week = geo::parse_iso_week(a.week, d.metadata.timezone);
    geo::TrackVisitOptions options;
    options.building_m = a.radius_m;
    options.dwell.radius_m = a.radius_m;
    options.dwell.min_s = a.min_minutes * 60;
    const geo::TrackVisitReport r = geo::visits_from_tracks(d, a.week, *week, options);

    struct Tally {
        std::size_t planned = 0, visited = 0, off_plan = 0, ambiguous = 0;
    };
    std::map<std::string, Tally> by_officer;
    for (const auto& v : d.planned_visits)
        if (v.week == a.week) ++by_officer[v.officer_id].planned;
    std::map<std::string, std::set<std::string>> planned_done;
    for (const auto& v : r.visits) {
        Tally& t = by_officer[v.officer_id];
        if (v.planned) planned_done[v.officer_id].insert(v.building_id);
        else ++t.off_plan;
        t.ambiguous += v.ambiguous;
    }
    for (auto& [officer, done] : planned_done) by_officer[officer].visited = done.size();
    std::cout << fmt::format("{} tracks in {}: {} visits confirmed ({} ambiguous: another building as near), {} stops elsewhere\n\n",
                             r.tracks, a.week, r.visits.size(), [&] {
                                 std::size_t n = 0;
                                 for (const auto& v : r.visits) n += v.ambiguous;
                                 return n;
                             }(), r.elsewhere.size());
    std::cout << fmt::format("{:<8} {:>8} {:>8} {:>8} {:>9}\n", "officer", "planned", "visited", "off plan", "ambiguous");
    for (const auto& [officer, t] : by_officer)
        std::cout << fmt::format("{:<8} {:>8} {:>8} {:>8} {:>9}\n", officer, t.planned, t.visited, t.off_plan, t.ambiguous);
    if (!r.not_visited.empty()) {
        std::cout << "\nplanned stops no track stopped at:\n";
        for (const auto& v : r.not_visited) std::cout << fmt::format("  {} {} #{} {}\n", v.officer_id, v.date, v.order, v.building_id);
    }

    const std::string recorded = geo::format_iso8601_utc(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    const auto records = geo::visit_records(r, recorded);
    if (a.dry_run) {
        note() << fmt::format("--dry-run: {} visits not recorded\n", records.size());
        return 0;
    }
    const geo::VisitTables read{d.planned_visits, d.visits};
    const std::size_t added = geo::add_visits(d.visits, records);
    if (added > 0) geo::commit_visits(a.workspace, read, {d.planned_visits, d.visits});
    note() << fmt::format("recorded {} new visits from the tracks ({} already recorded) in {}; patrolmap progress --week {} counts them\n",
                          added, records.size() - added, a.workspace, a.week);
    return 0;
}

}  // namespace cli
