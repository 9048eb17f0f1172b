#pragma once
// Where to stop vehicles on the school run (issue 17): the road junctions that intercept the
// most pupils' trips (school_trips.h). A junction intercepts a trip when the trip's fastest
// route passes through it; a trip intercepted twice counts once. That is the weighted
// maximum-coverage problem the banners solve (geo/placement/coverage_problem.h), with trips
// for incidents and junctions for candidate sites, so the same solver places the checkpoints
// and proves its bound (solver.h, upper_bound.h). A pure function of the district, the graph
// and the options.
#include <cstdint>
#include <vector>

#include "geo/model/district.h"
#include "geo/network/road_graph.h"
#include "geo/placement/coverage_problem.h"
#include "geo/placement/solver.h"
#include "geo/transport/school_trips.h"

namespace geo {

struct CheckpointOptions {
    std::size_t count = 3;  // checkpoints to place
    SchoolTripOptions trips;
    SolverOptions solver;
};

// The problem place_checkpoints solves: problem incident i = trips.trips[i], candidate j =
// graph node junctions[j] (junction_nodes, junctions.h).
struct CheckpointInstance {
    CoverageProblem problem;
    std::vector<int> junctions;
    SchoolTrips trips;
};

struct Checkpoint {
    int node = 0;          // graph node
    XY location;
    double pupils = 0;     // on the trips through it, alone
    double added = 0;      // of those, not intercepted by a checkpoint chosen before it
};

struct CheckpointPlacement {
    std::vector<Checkpoint> chosen;  // in the order the solver chose them
    std::size_t candidates = 0;      // junctions considered
    std::size_t trips = 0;           // driven trips
    double pupils = 0, walked_pupils = 0, unreachable_pupils = 0;  // as SchoolTrips
    CoverageSolution solution;       // covered (pupils intercepted) of total (driven), the bound
};

// BadInput for a count of 0, and as school_trips.
CheckpointInstance build_checkpoint_instance(const District& district, const RoadGraph& graph, const CheckpointOptions& options);
CheckpointPlacement place_checkpoints(const District& district, const RoadGraph& graph, const CheckpointOptions& options);

}  // namespace geo
