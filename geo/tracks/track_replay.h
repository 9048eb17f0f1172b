#pragma once
// Replaying a track (issue 13): where the officer was at a moment of the day, and which part of
// the streets matched to the track (map_match.h) lay behind and which still ahead.
//
// The matcher gives each stretch of a track as edges in travel order, without times. Each fix
// matched on the stretch is placed along it (its snapped position, looked for forward from the
// previous fix's, within the distance the matcher itself would have searched), and the stretch's
// vertices get times by distance between those anchors: a line with a time at every vertex, as
// the tracks layer stores the raw fixes (LineStringM). An officer standing at a door for ten
// minutes is ten minutes of anchors at one place, so the replay waits there too.
#include <vector>

#include "geo/model/tracks.h"
#include "geo/network/road_graph.h"
#include "geo/tracks/map_match.h"

namespace geo {

// Seconds since 1970-01-01 UTC, with a fraction: a replay moves between whole-second fixes.
double seconds_of(Timestamp t);

// A line with a time per vertex, never decreasing.
struct TimedLine {
    LineString points;
    std::vector<double> times_s;  // per vertex, seconds_of() scale
    bool empty() const { return points.empty(); }
    double first_s() const { return times_s.front(); }
    double last_s() const { return times_s.back(); }
};

// The officer between the fixes either side of `time_s`, by linear interpolation in time; the
// first or last fix outside the track's times. {0, 0} for a track without fixes.
XY position_at(const std::vector<TrackPoint>& points, double time_s);

// Each stretch of `match` (its chains, in order) as a timed line along the streets. A stretch
// none of whose fixes could be placed (it cannot happen for the matcher's own output, but a
// stretch of one fix has no length) is an empty line. `options`: those the match was made with.
std::vector<TimedLine> timed_chains(const RoadGraph& graph, const TrackMatch& match, const std::vector<TrackPoint>& points,
                                    const MatchOptions& options = {});

// The point of `line` at `time_s` (its first or last point outside its times); where several
// vertices share a time, the last of them.
XY position_on(const TimedLine& line, double time_s);

// `line` cut at `time_s`: what was walked by then and what was still ahead (both contain the
// cut point; one of them is that point alone before the first or after the last time).
struct SplitLine {
    LineString behind, ahead;
};
SplitLine split_at(const TimedLine& line, double time_s);

// Where the replay puts the officer at `time_s`: on the matched streets while a stretch's times
// hold it, else between the raw fixes (the signal lost indoors, a stretch broken off, a fix far
// from every road).
struct ReplayPosition {
    XY at;
    bool on_streets = false;
    int chain = -1;  // the stretch when on_streets
};
ReplayPosition replay_position(const std::vector<TrackPoint>& points, const std::vector<TimedLine>& chains, double time_s);

}  // namespace geo
