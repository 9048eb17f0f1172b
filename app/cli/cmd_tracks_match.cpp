// patrolmap tracks WS --match [--week 2021-W24 | --track ID] [--out matched.geojson]: the tracks
// matched to the streets (geo/tracks/map_match.h, on the walking or driving graph as each track
// was made), one line per track (fixes, stretches, fixes off every road, km along the streets),
// the fixes per second, and the matched streets written out for QGIS or the map. Nothing in the
// workspace changes: the matching is derived from the tracks whenever it is wanted.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "app/cli/cmd_tracks.h"
#include "app/cli/text_format.h"
#include "geo/hotspots/geojson_output.h"
#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/tracks/map_match.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {

std::vector<const geo::Track*> chosen_tracks(const geo::District& d, const TracksArgs& a) {
    std::optional<geo::TimeWindow> week;
    if (!a.week.empty()) {
        week = geo::parse_iso_week(a.week, d.metadata.timezone);
        if (!week) throw geo::BadInput("--week '" + a.week + "' is not an ISO week such as 2021-W24");
    }
    std::vector<const geo::Track*> out;
    for (const geo::Track& t : d.tracks) {
        if (!a.track.empty() && t.id != a.track) continue;
        if (week && (t.points.empty() || !week->contains(t.points.front().time))) continue;
        out.push_back(&t);
    }
    if (!a.track.empty() && out.empty()) throw geo::BadInput("--track '" + a.track + "' is not a track of " + a.workspace + (week ? " in " + a.week : ""));
    if (out.empty()) throw geo::BadInput(a.workspace + " holds no tracks" + (week ? " in " + a.week : "") + " (tracks --import FILE brings them in)");
    return out;
}

int match_tracks(const TracksArgs& a) {
    const geo::District d = geo::read_district(a.workspace);
    const auto tracks = chosen_tracks(d, a);
    const geo::RoadGraph graph = geo::build_road_graph(d.roads);
    geo::MapMatcher walking(graph, geo::Profile::walking), driving(graph, geo::Profile::driving);

    std::vector<geo::OutputFeature> features;
    std::size_t fixes = 0;
    double seconds = 0;
    std::cout << fmt::format("{:<28} {:<8} {:>6} {:>9} {:>9} {:>8}\n", "track", "officer", "fixes", "stretches", "off road", "km");
    ProgressLine progress("matching");
    for (std::size_t i = 0; i < tracks.size(); ++i) {
        progress.update(i, tracks.size());
        const geo::Track& t = *tracks[i];
        const auto start = std::chrono::steady_clock::now();
        const geo::TrackMatch m = (t.mode == geo::TrackMode::driving ? driving : walking).match(t.points);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        fixes += t.points.size();
        std::cout << fmt::format("{:<28} {:<8} {:>6} {:>9} {:>9} {:>8.2f}\n", t.id, t.officer_id, t.points.size(), m.chains.size(),
                                 m.unmatched, m.matched_length_m() / 1000);
        for (std::size_t c = 0; c < m.chains.size(); ++c) {
            const geo::LineString line = geo::chain_line(graph, m.chains[c]);
            if (line.size() < 2) continue;
            double km = 0;
            for (const auto& s : m.chains[c]) km += s.length_m() / 1000;
            features.push_back({geo::MultiLineString{line},
                                {{"track_id", t.id}, {"officer_id", t.officer_id}, {"stretch", static_cast<std::int64_t>(c + 1)}, {"km", km}}});
        }
    }
    progress.finish();
    note() << fmt::format("matched {} tracks, {} fixes in {:.2f} s ({:.0f} fixes/s)\n", tracks.size(), fixes, seconds,
                          seconds > 0 ? static_cast<double>(fixes) / seconds : 0.0);
    if (!a.out.empty()) {
        geo::write_polygon_file(a.out, d.metadata.crs, "matched_tracks", features, "matched tracks");
        note() << "wrote " << a.out << " (" << features.size() << " stretches)\n";
    }
    return 0;
}

}  // namespace cli
