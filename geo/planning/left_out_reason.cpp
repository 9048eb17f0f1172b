#include "geo/planning/left_out_reason.h"

#include <fmt/format.h>

namespace geo {

std::string english(const LeftOutReason& r) {
    const auto value = [&](std::size_t k) { return k < r.values.size() ? r.values[k] : 0.0; };
    switch (r.kind) {
        case LeftOutKind::no_walkable_road: return "no walkable road to snap onto";
        case LeftOutKind::walk_back_cut_off: return "the walk back to the post is cut off (another part of the road network)";
        case LeftOutKind::not_reachable: return "not reachable on foot from the post (another part of the road network)";
        case LeftOutKind::window_closes_early:
            return fmt::format("its visit window closes {:.0f} min into the day, before the officer can walk there ({:.0f} min)",
                               value(0), value(1));
        case LeftOutKind::visit_too_long:
            return fmt::format("a visit alone takes {:.0f} min (walks, any wait and the visit), more than the day's {:.0f}", value(0),
                               value(1));
        case LeftOutKind::no_room_left: {
            const auto days = static_cast<long long>(value(0));
            return fmt::format("no room left in the {} day{} for every stop", days, days == 1 ? "" : "s");
        }
    }
    return "?";
}

}  // namespace geo
