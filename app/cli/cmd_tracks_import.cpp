// patrolmap tracks WS --import FILE [--officer P03] [--mode walking|driving] [--src-crs CRS]
//     [--max-speed 200] [--skip-invalid]: a GPS track file into the workspace's tracks layer
// (geo/tracks/track_import.h), one track per officer and day; the same file again replaces its
// tracks. All or nothing unless --skip-invalid, which writes <ws>.rejected-tracks.csv.
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/cli/cmd_tracks.h"
#include "app/cli/text_format.h"
#include "geo/io/importer.h"
#include "geo/io/source_reader.h"
#include "geo/io/workspace_store.h"
#include "geo/tracks/track_import.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

double length_km(const geo::Track& t) {
    double m = 0;
    for (std::size_t i = 1; i < t.points.size(); ++i)
        m += std::hypot(t.points[i].at.x - t.points[i - 1].at.x, t.points[i].at.y - t.points[i - 1].at.y);
    return m / 1000;
}

}  // namespace

int import_tracks(const TracksArgs& a) {
    const geo::District d = geo::read_district(a.workspace);
    geo::TrackImportOptions o;
    o.path = a.import_path;
    o.officer_id = a.officer;
    const auto mode = geo::parse_enum<geo::TrackMode>(a.mode);
    if (!mode) throw geo::BadInput("--mode '" + a.mode + "' is not " + geo::allowed_names<geo::TrackMode>());
    o.mode = *mode;
    o.source_crs = a.src_crs;
    o.max_speed_kmh = a.max_speed_kmh;
    o.skip_invalid = a.skip_invalid;
    auto progress = std::make_shared<ProgressLine>("checking track points");
    if (!quiet()) o.progress = [progress](std::size_t done, std::size_t total) { progress->update(done, total); };
    const geo::TrackImport imported = geo::read_track_file(o, d);
    progress->finish();
    for (const auto& line : imported.notes) note() << line << '\n';
    if (imported.tracks.empty())
        throw geo::BadInput(geo::source_label(a.import_path) + ": no track of two points or more is left to import");

    const std::string report = imported.dropped.empty() ? std::string() : geo::write_rejection_report(a.workspace, "tracks", imported.dropped);
    geo::commit_tracks(a.workspace, imported.tracks);

    const std::string& zone = d.metadata.timezone;
    std::size_t fixes = 0;
    for (const auto& t : imported.tracks) {
        fixes += t.points.size();
        std::cout << fmt::format("{}  {}  {:>6} fixes  {}–{}  {:.2f} km\n", pad(t.id, 28),
                                 pad(t.officer_id.empty() ? "-" : t.officer_id, 6), t.points.size(),
                                 geo::format_local(t.points.front().time, zone, "%Y-%m-%d %H:%M:%S"),
                                 geo::format_local(t.points.back().time, zone, "%H:%M:%S"), length_km(t));
    }
    note() << fmt::format("imported {} track{} ({} of {} points) into {}\n", imported.tracks.size(),
                          imported.tracks.size() == 1 ? "" : "s", fixes, imported.points_read, a.workspace);
    if (!imported.dropped.empty())
        note() << fmt::format("dropped {} invalid point{}; report: {}\n  first: {}\n", imported.dropped.size(),
                              imported.dropped.size() == 1 ? "" : "s", report, imported.dropped.front().sentence());
    return 0;
}

}  // namespace cli
