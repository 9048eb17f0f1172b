#pragma once
// Why the week's plan leaves a building out, as a kind with its numbers, so that the app can
// word it in the UI's language; english() is the sentence the CLI prints.
#include <string>
#include <vector>

namespace geo {

enum class LeftOutKind {
    no_walkable_road,     // the post or the building snaps onto no walkable road
    walk_back_cut_off,    // reached from the post, but no walk back (another part of the network)
    not_reachable,        // not reachable on foot from the post
    window_closes_early,  // values: {minutes into the day the window closes, minutes the walk there takes}
    visit_too_long,       // values: {minutes a visit alone takes, the day's minutes}
    no_room_left,         // values: {days of the week}
};

struct LeftOutReason {
    LeftOutKind kind = LeftOutKind::not_reachable;
    std::vector<double> values;  // as the kind says

    double value(std::size_t k) const { return k < values.size() ? values[k] : 0.0; }
};

// Every kind, for code that must word each one (and its tests).
inline constexpr LeftOutKind all_left_out_kinds[] = {LeftOutKind::no_walkable_road,    LeftOutKind::walk_back_cut_off,
                                                     LeftOutKind::not_reachable,       LeftOutKind::window_closes_early,
                                                     LeftOutKind::visit_too_long,      LeftOutKind::no_room_left};

// The English sentence with {0} and {1} where the reason's numbers go: "a visit alone takes
// {0:.0f} min (...), more than the day's {1:.0f}". Also the key the app translates it by.
const char* left_out_wording(const LeftOutReason& reason);

// The wording with the numbers: "a visit alone takes 75 min (walks, any wait and the visit),
// more than the day's 60".
std::string english(const LeftOutReason& reason);

}  // namespace geo
