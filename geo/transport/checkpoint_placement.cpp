#include "geo/transport/checkpoint_placement.h"

#include <algorithm>

#include "geo/network/junctions.h"
#include "geo/util/error.h"

namespace geo {

CheckpointInstance build_checkpoint_instance(const District& d, const RoadGraph& graph, const CheckpointOptions& o) {
    if (o.count < 1) throw BadInput("--count must be at least 1");
    CheckpointInstance out;
    out.trips = school_trips(d, graph, o.trips);
    out.junctions = junction_nodes(graph);
    std::vector<int> candidate_of(static_cast<std::size_t>(graph.node_count()), -1);
    for (std::size_t j = 0; j < out.junctions.size(); ++j) candidate_of[static_cast<std::size_t>(out.junctions[j])] = static_cast<int>(j);

    CoverageProblem& p = out.problem;
    p.count = o.count;
    p.covers.resize(out.junctions.size());
    p.conflicts.resize(out.junctions.size());
    p.incident_weight.reserve(out.trips.trips.size());
    for (std::uint32_t i = 0; i < out.trips.trips.size(); ++i) {
        const SchoolTrip& trip = out.trips.trips[i];
        p.incident_weight.push_back(trip.pupils);
        for (const int node : trip.nodes) {
            const int j = candidate_of[static_cast<std::size_t>(node)];
            // A route passes a node once (fastest routes do not loop), and trips come in
            // index order, so each list stays ascending without duplicates.
            if (j >= 0 && (p.covers[static_cast<std::size_t>(j)].empty() || p.covers[static_cast<std::size_t>(j)].back() != i))
                p.covers[static_cast<std::size_t>(j)].push_back(i);
        }
    }
    return out;
}

CheckpointPlacement place_checkpoints(const District& d, const RoadGraph& graph, const CheckpointOptions& o) {
    const CheckpointInstance instance = build_checkpoint_instance(d, graph, o);
    CheckpointPlacement out;
    out.candidates = instance.junctions.size();
    out.trips = instance.trips.trips.size();
    out.pupils = instance.trips.pupils;
    out.walked_pupils = instance.trips.walked_pupils;
    out.unreachable_pupils = instance.trips.unreachable_pupils;
    out.solution = solve_max_coverage(instance.problem, o.solver);

    std::vector<bool> intercepted(instance.problem.incidents(), false);
    for (const std::uint32_t j : out.solution.chosen) {
        Checkpoint c;
        c.node = instance.junctions[j];
        c.location = graph.nodes()[static_cast<std::size_t>(c.node)];
        for (const std::uint32_t i : instance.problem.covers[j]) {
            c.pupils += instance.problem.incident_weight[i];
            if (!intercepted[i]) c.added += instance.problem.incident_weight[i];
            intercepted[i] = true;
        }
        out.chosen.push_back(c);
    }
    return out;
}

}  // namespace geo
