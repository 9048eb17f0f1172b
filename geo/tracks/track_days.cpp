#include "geo/tracks/track_days.h"

#include <map>

#include "geo/util/time_parse.h"

namespace geo {

std::vector<Track> tracks_by_day(const std::vector<FixRun>& runs, const TrackNaming& naming,
                                 std::vector<std::string>& notes) {
    std::vector<Track> out;
    std::map<std::string, int> taken;  // base id -> tracks named with it so far
    for (const FixRun& run : runs) {
        std::size_t begin = 0;
        while (begin < run.points.size()) {
            const std::string day = format_local(run.points[begin].time, naming.zone, "%Y-%m-%d");
            std::size_t end = begin + 1;
            while (end < run.points.size() && format_local(run.points[end].time, naming.zone, "%Y-%m-%d") == day) ++end;
            if (end - begin < 2) {
                notes.push_back(naming.source + ": " +
                                (run.officer_id.empty() ? "a track" : run.officer_id + "'s track") + " on " + day +
                                " at " + format_local(run.points[begin].time, naming.zone, "%H:%M:%S") +
                                " has a single point; dropped (a track needs two)");
            } else {
                const std::string base = (run.officer_id.empty() ? "" : run.officer_id + "-") + day + "-" + naming.stem;
                const int n = ++taken[base];
                Track t;
                t.id = n == 1 ? base : base + "-" + std::to_string(n);
                t.officer_id = run.officer_id;
                t.source = naming.source;
                t.mode = naming.mode;
                t.points.assign(run.points.begin() + static_cast<std::ptrdiff_t>(begin),
                                run.points.begin() + static_cast<std::ptrdiff_t>(end));
                out.push_back(std::move(t));
            }
            begin = end;
        }
    }
    return out;
}

}  // namespace geo
