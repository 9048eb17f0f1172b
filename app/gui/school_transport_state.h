#pragma once
// The school transport layer's view state (校车安全, issue 17): how many checkpoints to suggest,
// and what geo/transport answered for the district as it is: the vehicles profiled (the
// cameras' tallies among them) and the checkpoints placed. Recomputed when the data or the
// count change, never per frame.
#include <optional>
#include <string>

#include "geo/transport/checkpoint_placement.h"
#include "geo/transport/vehicle_profile.h"

namespace gui {

struct SchoolTransportView {
    int checkpoints = 3;  // the layers panel's count (--layer-state checkpoints=N)
    std::optional<geo::VehicleProfiling> profiling;
    std::optional<geo::CheckpointPlacement> placement;
    std::string profiling_error, placement_error;  // what geo refused, shown in the panel and legend
    // What the figures answer, so the next frame knows when to compute again.
    int data_version = -1;
    int placed_count = -1;
};

}  // namespace gui
