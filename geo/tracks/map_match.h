#pragma once
// Map matching (issue 13): which streets a GPS track went along. A hidden-Markov model as in
// Newson & Krumm (2009), the model OSRM's and Valhalla's matchers use:
//   states       for each fix, the nearest position on each usable edge within a radius;
//   emission     a fix lies a Gaussian distance (sigma) from where the officer really was;
//   transition   between consecutive fixes the route along the streets is about as long as the
//                straight line between them: log p = -|route - straight| / beta;
// and the most likely sequence of positions by Viterbi. The chain breaks where the signal was
// lost (a gap longer than max_gap_s) or where no route joins any two candidates (a fix far
// off the road, a jump): the parts either side are matched separately, and a fix with no edge
// within the radius stays unmatched.
#include <cstddef>
#include <vector>

#include "geo/model/tracks.h"
#include "geo/network/road_graph.h"
#include "geo/network/snap.h"
#include "geo/tracks/hop_search.h"

namespace geo {

struct MatchOptions {
    double radius_m = 50;          // candidates lie at most this far from the fix
    std::size_t max_candidates = 6;
    double sigma_m = 10;           // GPS error; phones in streets between tall buildings: 10-20 m
    double beta_m = 10;            // tolerance of |route - straight| per step
    double max_gap_s = 120;        // a longer gap between fixes breaks the chain
    // Moving back along a one-way edge by at most this is GPS noise (a car waiting at lights),
    // not a trip round the block.
    double backward_tolerance_m = 5;
    // A turn back along an edge over less than this is noise, not a U-turn (clean_spans).
    double turn_back_m = 20;
    // A route longer than straight * factor + slack is not looked for (a step cannot be that).
    double route_factor = 2.0;
    double route_slack_m = 150;
};

struct EdgeSpan {
    int edge = 0;
    double from_m = 0, to_m = 0;  // offsets along the edge, in travel order
    double length_m() const { return from_m < to_m ? to_m - from_m : from_m - to_m; }
};

struct TrackMatch {
    std::vector<SnappedPoint> fixes;          // per fix; invalid where unmatched
    std::vector<std::vector<EdgeSpan>> chains;  // per unbroken stretch, the edges in travel order
    std::vector<int> fix_chain;               // per fix, its stretch (index into chains); -1 where unmatched
    std::size_t unmatched = 0;                // fixes with no edge within the radius
    double matched_length_m() const;
};

class MapMatcher {
public:
    MapMatcher(const RoadGraph& graph, Profile profile, MatchOptions options = {});
    // Not thread-safe (its searches reuse their labels): one matcher per thread.
    TrackMatch match(const std::vector<TrackPoint>& points);
    const RoadGraph& graph() const { return graph_; }

private:
    const RoadGraph& graph_;
    MatchOptions options_;
    Snapper snapper_;
    HopSearch search_;
};

// The profile a track's mode matches on.
Profile profile_for(TrackMode mode);

// The line along the streets of a chain's spans (for drawing).
LineString chain_line(const RoadGraph& graph, const std::vector<EdgeSpan>& spans);

}  // namespace geo
