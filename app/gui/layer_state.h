#pragma once
// --layer-state: sets the view from the command line, for screenshots and tests.
// Comma-separated KEY=VALUE:
//   <layer>=on|off|<opacity 0..1>   neighbourhoods, buildings, roads, officer_areas, posters, sites, incidents,
//                                   school_transport
//   fill=residents|transients|population|incidents_per_1000|app_adoption
//   breaks=quantiles|natural_breaks|equal_interval   classes=3..9
//   colour=fraud_type|outcome   size=loss|fixed   labels=on|off
//   step=week|month   window=FROM..TO (step labels, e.g. 2021-05..2021-06 or 2021-W20..2021-W22)
//   type=investment+loan ...   (incident filter by fraud type; also outcome=, age=, source=)
//   heatmap=on  kernel=quartic|…  bandwidth=METRES  heat_max=PER_KM2  heat_weight=loss|none
//   analysis=gi_grid|gi_neighbourhoods|clusters|emerging  cell=METRES  eps=METRES
//   routes=OFFICER@WEEK         (plan that week's visits at start, as the Routes tab does)
//     route_pin=BUILDING@DAY    (lock a stop to a day, 0 = Monday, before that plan; repeatable)
//     route_every=elderly_alone|past_victim|no_app (the "Must visit" choice: every such building)
//     route_day=K  route_issue=on  route_done=BUILDING (tick a planned stop on its day; writes!)
//   banners=K                   (suggest K banner sites at start, as the Banners tab does)
//     then, in the order given: banner_select=N  banner_accept=N[+M…]  banner_reject=N[+M…]
//     banner_move=N:DX:DY (metres east, north)  banner_undo=K  banner_redo=K (the panel's)
//     banner_edit_undo=K  banner_edit_redo=K (Ctrl+Z / Ctrl+Y)  banner_unreached=on|off
//   isochrones=on|off|<opacity>  iso_from=police_station|SITE|LON,LAT (turns the layer on)
//     iso_profile=drive|walk  iso_minutes=3+5+10  iso_tolerance=METRES
//   respond=SITE|CASE|LON,LAT   ("who can get here": the top three routes and the ranking)
//     respond_profile=drive|walk
//   within=ID@METRES            (select that case, poster or site; what lies within, nearest first)
//     within_streets=on|off     (walked along the roads instead of straight)
//   lectures=2021-W25..2021-W30 (plan the lecture team's weeks at start, as the Lectures tab does)
//     lecture_teams=N  lecture_per_team=N  lecture_min_gap=WEEKS  (the tab's settings, before it)
//     then, in the order given: lecture_held=VENUE[:PEOPLE[:LEAFLETS]] (tick it held; writes!)
//     lecture_week=2021-W26 (one week shown)  lecture_row=K (click row K: the map flies there)
//     lecture_ask=VENUE (open its "held" dialog)
//   school_transport=on|off|<opacity>  (the vehicles' sightings at the cameras, flagged in red, and
//     the suggested checkpoints)  checkpoints=1..10 (how many; turns the layer on)
//   cards=<neighbourhood id>    (select it and print its contact cards, as the inspector's button)
//   cards_ask=<neighbourhood id> (select it and open the print dialog instead)
//     cards_kind=contact_card|poster  cards_out=FILE.pdf (default: beside the workspace)
//   track=P03-2021-06-15-phone  (replay that patrol track under its day's issued route; the
//                               Routes tab's section opens, the first frame shows the day's stops)
//     track_time=HH:MM[:SS]     (the moment shown, local time on the track's day)
//   tab=inspector|routes|banners|filters|dashboard|lectures|summary   (the side tab shown first)
//   focus=<neighbourhood id>    (the first frame shows that neighbourhood and its surroundings)
#include <string>

#include "app/gui/app_state.h"

namespace gui {

// Throws geo::BadInput naming the bad key or value.
void apply_layer_state(const std::string& spec, AppState& state);

}  // namespace gui
