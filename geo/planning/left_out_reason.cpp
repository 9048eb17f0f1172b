#include "geo/planning/left_out_reason.h"

#include <fmt/format.h>

namespace geo {

const char* left_out_wording(const LeftOutReason& r) {
    switch (r.kind) {
        case LeftOutKind::no_walkable_road: return "no walkable road to snap onto";
        case LeftOutKind::walk_back_cut_off: return "the walk back to the post is cut off (another part of the road network)";
        case LeftOutKind::not_reachable: return "not reachable on foot from the post (another part of the road network)";
        case LeftOutKind::window_closes_early:
            return "its visit window closes {0:.0f} min into the day, before the officer can walk there ({1:.0f} min)";
        case LeftOutKind::visit_too_long:
            return "a visit alone takes {0:.0f} min (walks, any wait and the visit), more than the day's {1:.0f}";
        case LeftOutKind::no_room_left:
            return r.value(0) == 1 ? "no room left in the 1 day for every stop" : "no room left in the {0:.0f} days for every stop";
    }
    return "?";
}

std::string english(const LeftOutReason& r) { return fmt::format(fmt::runtime(left_out_wording(r)), r.value(0), r.value(1)); }

}  // namespace geo
